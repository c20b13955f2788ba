'use strict'
// OCP buffer → mdast. One pass over the node records with an explicit stack (no
// recursion, so deep trees cannot overflow the JS stack). Every read is bounds-checked:
// a truncated, corrupted or foreign buffer throws an error saying what is wrong.

const F = require('./ocp-format.js')
const {ocpError, typeError} = require('./errors.js')

const utf8 = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true})
const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1

/** By type number: 1 where the mdast node has `children`. */
const PARENT_TYPES = typeTable([
  'root', 'paragraph', 'heading', 'blockquote', 'list', 'listItem', 'emphasis', 'strong',
  'link', 'linkReference', 'delete', 'table', 'tableRow', 'tableCell', 'footnoteDefinition',
  'mdxJsxFlowElement', 'mdxJsxTextElement'
])
/** By type number: 1 where the node is a literal (`value` only, maybe VERBATIM). */
const LITERALS = typeTable([
  'text', 'html', 'inlineCode', 'math', 'inlineMath', 'yaml', 'toml', 'mdxFlowExpression',
  'mdxTextExpression', 'mdxjsEsm'
])

/** Table column alignments by their 2-bit code (docs/ocp.md). */
const ALIGNS = [null, 'left', 'right', 'center']

function typeTable(names) {
  const table = new Uint8Array(256)
  for (const name of names) table[F.TYPES.indexOf(name)] = 1
  return table
}

/**
 * The `data` mdast-util-math puts on math nodes (how mdast-util-to-hast renders them).
 * @param {string} value
 * @param {boolean} display math (block) rather than inlineMath
 */
function mathData(value, display) {
  const text = {type: 'text', value}
  if (!display) {
    return {hName: 'code', hProperties: {className: ['language-math', 'math-inline']}, hChildren: [text]}
  }
  const code = {type: 'element', tagName: 'code', properties: {className: ['language-math', 'math-display']}, children: [text]}
  return {hName: 'pre', hChildren: [code]}
}

/** As micromark-util-normalize-identifier, then lowercased as mdast-util-from-markdown. */
function identifierOf(label) {
  return label.replace(/[\t\n\r ]+/g, ' ').replace(/^ | $/g, '').toLowerCase().toUpperCase().toLowerCase()
}

/** @param {unknown} buffer @returns {Uint8Array} */
function toBytes(buffer) {
  // A detached (disposed) buffer has byteLength 0 and cannot be viewed: report it as empty.
  if (buffer instanceof ArrayBuffer) return buffer.byteLength ? new Uint8Array(buffer) : new Uint8Array(0)
  if (ArrayBuffer.isView(buffer)) {
    if (buffer.buffer.byteLength === 0) return new Uint8Array(0)
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
  }
  throw typeError(`decode(buffer): buffer must be an ArrayBuffer or Uint8Array, got ${buffer === null ? 'null' : typeof buffer}`)
}

/**
 * The point mdast-util-gfm-task-list-item gives text that starts after a line ending: on
 * the line ending's line, one column past it, with the next line's offset.
 */
function pastLineEnd(eol, offset) {
  return {line: eol.line, column: eol.column + 1, offset}
}

/** Line starts (UTF-16 offsets) of the source: "\n", "\r\n" and "\r" end lines. */
function lineStarts(source) {
  const starts = [0]
  if (!source.includes('\r')) {
    // The common case: native indexOf is much faster than a charCodeAt loop.
    for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) starts.push(i + 1)
    return starts
  }
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i)
    if (c === 10 || (c === 13 && source.charCodeAt(i + 1) !== 10)) starts.push(i + 1)
  }
  return starts
}

function makePointer(source) {
  const starts = lineStarts(source)
  let line = 0 // index of the last line found: records come mostly in source order
  return function point(offset) {
    if (!(offset >= starts[line] && (line + 1 === starts.length || offset < starts[line + 1]))) {
      let lo = 0
      let hi = starts.length
      while (hi - lo > 1) {
        const mid = (lo + hi) >>> 1
        if (starts[mid] <= offset) lo = mid
        else hi = mid
      }
      line = lo
    }
    return {line: line + 1, column: offset - starts[line] + 1, offset}
  }
}

/**
 * @param {ArrayBuffer | Uint8Array} buffer OCP bytes from parseToBuffer
 * @param {{position?: boolean}} [options]
 */
function decode(buffer, options) {
  let position = true
  if (options !== undefined && options !== null) {
    if (typeof options !== 'object') throw typeError(`decode(buffer, options): options must be an object, got ${typeof options}`)
    if (options.position !== undefined) {
      if (typeof options.position !== 'boolean') throw typeError('decode: options.position must be a boolean')
      position = options.position
    }
  }
  return decodeBuffer(buffer, position, null)
}

/**
 * The JS string the buffer's source came from can stand in for the embedded source when
 * it is the same text: then nothing is decoded twice, and lone surrogates survive as
 * they do in the reference (the UTF-8 copy has U+FFFD for them). NUL differs (the core
 * replaces it), and a leading BOM is not part of the source.
 * @param {string} original
 * @param {number} units source length the buffer states
 */
function sameSource(original, units) {
  const text = original.charCodeAt(0) === 0xfeff ? original.slice(1) : original
  return text.length === units && !text.includes('\0') ? text : null
}

/**
 * @param {unknown} buffer
 * @param {boolean} position
 * @param {string | null} original the string that was parsed, when known (parse())
 */
function decodeBuffer(buffer, position, original) {
  let bytes = toBytes(buffer)
  if (bytes.byteLength === 0) throw ocpError('empty buffer (was it disposed?)')
  if (!littleEndian) throw ocpError('big-endian hosts are not supported yet')
  if (bytes.byteLength < F.HEADER_BYTES) throw ocpError(`truncated: ${bytes.byteLength} bytes, a header needs ${F.HEADER_BYTES}`)
  for (let i = 0; i < 4; i++) {
    if (bytes[i] !== F.MAGIC[i]) throw ocpError('missing the OMNI magic: not an OCP buffer')
  }
  if (bytes[4] !== F.VERSION) throw ocpError(`version ${bytes[4]} is not supported (this decoder reads version ${F.VERSION})`)
  if (bytes.byteOffset % 4 !== 0) bytes = bytes.slice() // Uint32Array views need alignment
  const header = new Uint32Array(bytes.buffer, bytes.byteOffset, F.HEADER_BYTES / 4)
  const [, , payload, count, nodesAt, textAt, textBytes, sourceBytes, sourceUnits, textUnits] = header
  if (payload + F.HEADER_BYTES !== bytes.byteLength) {
    throw ocpError(`size mismatch: header says ${payload + F.HEADER_BYTES} bytes, buffer has ${bytes.byteLength} (truncated?)`)
  }
  if (nodesAt !== F.HEADER_BYTES || textAt < nodesAt || textAt % 4 !== 0 || textAt + textBytes > bytes.byteLength || sourceBytes > textBytes) {
    throw ocpError('section offsets out of range')
  }
  // The source and the string table are kept as two strings: slicing `source + table`
  // made V8 flatten (copy) the whole concatenation first. parse() passes the string it
  // parsed, which stands in for the source when it is the same text (sameSource).
  const given = original === null ? null : sameSource(original, sourceUnits)
  let source
  let table
  try {
    if (given === null) {
      const text = utf8.decode(bytes.subarray(textAt, textAt + textBytes))
      if (text.length !== textUnits || sourceUnits > textUnits) throw ocpError('text section length does not match the header')
      source = text.slice(0, sourceUnits)
      table = text.slice(sourceUnits)
    } else {
      source = given
      table = utf8.decode(bytes.subarray(textAt + sourceBytes, textAt + textBytes))
      if (sourceUnits + table.length !== textUnits) throw ocpError('text section length does not match the header')
    }
  } catch (error) {
    if (error.code === 'ERR_OMNI_MDX_OCP') throw error
    throw ocpError('text section is not valid UTF-8')
  }
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset + nodesAt, (textAt - nodesAt) / 4)
  const point = position ? makePointer(source) : null

  let p = 0
  const word = () => {
    if (p >= words.length) throw ocpError('node records end early (truncated?)')
    return words[p++]
  }
  const string = () => {
    const at = word()
    const length = word()
    if (at === F.NULL_STRING) return null
    const end = at + length
    if (end > textUnits) throw ocpError(`string reference ${at}+${length} is outside the text section`)
    if (end <= sourceUnits) return source.slice(at, end)
    if (at >= sourceUnits) return table.slice(at - sourceUnits, end - sourceUnits)
    return source.slice(at) + table.slice(0, end - sourceUnits) // straddles both: the encoder never writes it
  }

  // One attribute of an element (docs/ocp.md): kind, start, length, name, value.
  const attribute = (i) => {
    const kind = word()
    const start = word()
    const length = word()
    if (kind > 3) throw ocpError(`record ${i}: unknown attribute kind ${kind}`)
    if (start + length > sourceUnits) throw ocpError(`record ${i}: an attribute ends past the source`)
    let node
    if (kind === 3) {
      node = {type: 'mdxJsxExpressionAttribute', value: string()}
    } else {
      const name = string()
      const value = kind === 0 ? null : kind === 1 ? string() : {type: 'mdxJsxAttributeValueExpression', value: string()}
      node = {type: 'mdxJsxAttribute', name, value}
    }
    if ((kind !== 0 && kind !== 1 ? node.value : node.name) === null || (kind === 2 && node.value.value === null) || (kind === 1 && node.value === null)) {
      throw ocpError(`record ${i}: an attribute string is null`)
    }
    if (point) node.position = {start: point(start), end: point(start + length)}
    return node
  }

  const parents = [] // open parents
  const lasts = [] // whether each open parent is the last of its siblings
  let root = null
  for (let i = 0; i < count; i++) {
    const w0 = word()
    const start = word()
    const typeNumber = w0 & 0xff
    const type = F.TYPES[typeNumber]
    if (!type) throw ocpError(`unknown node type ${typeNumber} in record ${i}`)
    let length = w0 >>> 16
    if (length === F.LONG_LENGTH) length = word()
    const end = start + length
    if (end > sourceUnits) throw ocpError(`record ${i} (${type}) ends at ${end}, past the source (${sourceUnits})`)
    const specific = (w0 >>> F.SHIFT_SPECIFIC) & 0x3f
    // Object literals per type give V8 one stable shape each (faster than adding fields).
    let node
    let noPosition = false
    switch (typeNumber) {
      case 3: // heading
        node = {type, depth: specific & 7, children: []}
        break
      case 6: {
        // list
        const ordered = (specific & 1) !== 0
        node = {type, ordered, start: ordered ? word() | 0 : null, spread: (specific & 2) !== 0, children: []}
        break
      }
      case 7: // listItem
        node = {type, spread: (specific & 1) !== 0, checked: specific & 2 ? (specific & 4) !== 0 : null, children: []}
        break
      case 9: {
        // code
        const value = string()
        const lang = specific & F.HAS_FIRST ? string() : null
        node = {type, lang, meta: specific & F.HAS_SECOND ? string() : null, value}
        break
      }
      case 10: {
        // definition
        const label = string()
        const identifier = identifierOf(specific & F.RAW_SAME ? label : string())
        const url = string()
        node = {type, identifier, label, title: specific & F.HAS_FIRST ? string() : null, url}
        break
      }
      case 16: {
        // link
        const url = string()
        node = {type, title: specific & F.HAS_FIRST ? string() : null, url, children: []}
        if (specific & F.NO_POSITION) noPosition = true
        break
      }
      case 17: {
        // image
        const url = string()
        const alt = string()
        node = {type, title: specific & F.HAS_FIRST ? string() : null, url, alt}
        break
      }
      case 18:
      case 19: {
        // linkReference, imageReference
        const label = string()
        const identifier = identifierOf(specific & F.RAW_SAME ? label : string())
        const referenceType = F.REFERENCE_TYPES[specific & 3] || 'full'
        node = typeNumber === 18
          ? {type, children: [], label, identifier, referenceType}
          : {type, alt: string(), label, identifier, referenceType}
        break
      }
      case 21: {
        // table: the column count, then 2 bits of alignment a column, 16 columns a word
        const columns = word()
        if (columns > (words.length - p) * 16) {
          throw ocpError(`record ${i}: a table of ${columns} columns needs more words than are left`)
        }
        const align = new Array(columns)
        let bits = 0
        for (let c = 0; c < columns; c++) {
          if ((c & 15) === 0) bits = word()
          align[c] = ALIGNS[(bits >>> ((c & 15) * 2)) & 3]
        }
        node = {type, align, children: []}
        break
      }
      case 24:
      case 25: {
        // footnoteDefinition, footnoteReference (GFM): labels as for definitions
        const label = string()
        const identifier = identifierOf(specific & F.RAW_SAME ? label : string())
        node = typeNumber === 24 ? {type, identifier, label, children: []} : {type, identifier, label}
        break
      }
      case 26: {
        // math: mdast-util-math also attaches the hast it renders to (`data`)
        const value = specific & 1 ? source.slice(start, end) : string()
        const meta = specific & F.HAS_SECOND ? string() : null
        node = {type, meta, value, data: mathData(value, true)}
        break
      }
      case 27: {
        // inlineMath
        const value = specific & 1 ? source.slice(start, end) : string()
        node = {type, value, data: mathData(value, false)}
        break
      }
      case 11: // text: without position when GFM's autolink literal transform made it
        if (specific & F.NO_POSITION) noPosition = true
        node = {type, value: specific & 1 ? source.slice(start, end) : string()}
        break
      case 30:
      case 31: {
        // mdxJsxFlowElement, mdxJsxTextElement: name, then the attributes
        const name = specific & F.HAS_FIRST ? string() : null
        const count = word()
        if (count > (words.length - p) / 3) throw ocpError(`record ${i}: ${count} attributes do not fit in the buffer`)
        const attributes = []
        for (let k = 0; k < count; k++) attributes.push(attribute(i))
        node = {type, name, attributes, children: []}
        break
      }
      default:
        if (LITERALS[typeNumber]) node = {type, value: specific & 1 ? source.slice(start, end) : string()}
        else if (PARENT_TYPES[typeNumber]) node = {type, children: []}
        else node = {type}
    }
    const isParent = PARENT_TYPES[typeNumber] === 1
    if (point && !noPosition) {
      const afterEol = (typeNumber === 2 && specific & F.AFTER_EOL_PARAGRAPH) || (typeNumber === 11 && specific & F.AFTER_EOL_TEXT)
      node.position = {start: afterEol && start > 0 ? pastLineEnd(point(start - 1), start) : point(start), end: point(end)}
    }

    if (parents.length === 0) {
      if (root) throw ocpError(`record ${i} follows the end of the tree`)
      if (type !== 'root') throw ocpError(`the first record is a ${type}, not the root`)
      root = node
    } else {
      parents[parents.length - 1].children.push(node)
    }
    const last = (w0 & F.LAST) !== 0
    if (w0 & F.HAS_CHILDREN) {
      if (!isParent) throw ocpError(`record ${i}: a ${type} cannot have children`)
      parents.push(node)
      lasts.push(last)
      continue
    }
    let closing = last
    while (closing && parents.length > 0) {
      parents.pop()
      closing = lasts.pop()
    }
  }
  if (!root) throw ocpError('no root record')
  if (parents.length !== 0) throw ocpError('node records end inside an open node (truncated?)')
  if (p !== words.length) throw ocpError(`${words.length - p} words left after the last record`)
  return root
}

module.exports = {decode, decodeBuffer, identifierOf}
