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
 * Line starts (UTF-16 offsets) of the source: "\n", "\r\n" and "\r" end lines. In a
 * typed array: its memory is outside the JS heap, so the garbage collector neither
 * copies nor scans it (the tree being built keeps the young generation busy enough).
 * @param {string} source
 * @returns {Uint32Array}
 */
function lineStarts(source) {
  let starts = new Uint32Array((source.length >>> 5) + 16) // grown by doubling below
  let count = 1 // starts[0] = 0
  const add = (at) => {
    if (count === starts.length) {
      const more = new Uint32Array(starts.length * 2)
      more.set(starts)
      starts = more
    }
    starts[count++] = at
  }
  if (!source.includes('\r')) {
    // The common case: native indexOf is much faster than a charCodeAt loop.
    for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) add(i + 1)
  } else {
    for (let i = 0; i < source.length; i++) {
      const c = source.charCodeAt(i)
      if (c === 10 || (c === 13 && source.charCodeAt(i + 1) !== 10)) add(i + 1)
    }
  }
  return starts.subarray(0, count)
}

/**
 * The index of the line that holds `offset` (starts[line] <= offset < starts[line + 1]).
 * `hint` is a line index that is usually right or just before: records come in source
 * order and most nodes end on the line they start on, so the binary search is rare.
 * @param {Uint32Array} starts from lineStarts()
 * @param {number} offset
 * @param {number} hint
 */
function lineOf(starts, offset, hint) {
  let lo = 0
  let hi = starts.length
  if (starts[hint] <= offset) {
    if (hint + 1 === hi || offset < starts[hint + 1]) return hint
    if (hint + 2 === hi || offset < starts[hint + 2]) return hint + 1
    lo = hint + 2
  } else {
    hi = hint
  }
  // starts[lo] <= offset < starts[hi] (hi = starts.length: past the last line start)
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1
    if (starts[mid] <= offset) lo = mid
    else hi = mid
  }
  return lo
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
  // The source and the string table stay two strings: concatenating them would make V8
  // flatten (copy) the whole source on the first slice. Both are decoded as the C reader
  // does (src/ocp_read.c), each checked against its length in the header.
  let source = original === null ? null : sameSource(original, sourceUnits)
  let table
  try {
    if (source === null) source = utf8.decode(bytes.subarray(textAt, textAt + sourceBytes))
    table = utf8.decode(bytes.subarray(textAt + sourceBytes, textAt + textBytes))
  } catch {
    throw ocpError('text section is not valid UTF-8')
  }
  if (source.length !== sourceUnits || sourceUnits + table.length !== textUnits) {
    throw ocpError('text section length does not match the header')
  }
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset + nodesAt, (textAt - nodesAt) / 4)
  const starts = position ? lineStarts(source) : null
  let line = 0 // line index of the last record's start: the next one is on it or after

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
    const end = start + length
    if (end > sourceUnits) throw ocpError(`record ${i}: an attribute ends past the source`)
    let name = null
    let value
    if (kind === 3) {
      value = string()
    } else {
      name = string()
      value = kind === 0 ? null : kind === 1 ? string() : {type: 'mdxJsxAttributeValueExpression', value: string()}
    }
    if ((kind !== 0 && kind !== 1 ? value : name) === null || (kind === 2 && value.value === null) || (kind === 1 && value === null)) {
      throw ocpError(`record ${i}: an attribute string is null`)
    }
    if (starts === null) {
      return kind === 3 ? {type: 'mdxJsxExpressionAttribute', value} : {type: 'mdxJsxAttribute', name, value}
    }
    const sl = lineOf(starts, start, line)
    const el = lineOf(starts, end, sl)
    const at = {
      start: {line: sl + 1, column: start - starts[sl] + 1, offset: start},
      end: {line: el + 1, column: end - starts[el] + 1, offset: end}
    }
    return kind === 3 ? {type: 'mdxJsxExpressionAttribute', value, position: at} : {type: 'mdxJsxAttribute', name, value, position: at}
  }

  // Each node is made by one object literal, its position included, so that every
  // allocation site has a single shape (adding `position` afterwards made every node
  // change shape, through one megamorphic store). `at` is the position or null.
  //
  // Children wait in `pending` until their parent closes, then move into an array of
  // their exact length (slice): arrays grown by push() keep room for 16 more elements,
  // which was a fifth of the tree's memory. A parent with child records holds null as
  // its children until then; the parent of pending[from..top) is pending[from - 1].
  const pending = []
  let top = 0
  const froms = [] // for each open parent, where its children start in pending
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

    let at = null
    if (starts !== null && !((typeNumber === 11 || typeNumber === 16) && specific & F.NO_POSITION)) {
      const sl = lineOf(starts, start, line)
      const el = lineOf(starts, end, sl)
      line = sl
      if (((typeNumber === 2 && specific & F.AFTER_EOL_PARAGRAPH) || (typeNumber === 11 && specific & F.AFTER_EOL_TEXT)) && start > 0) {
        // mdast-util-gfm-task-list-item's quirk: the line and column one past the line
        // ending before `start`, with the offset `start` (docs/ocp.md, AFTER_EOL)
        const eol = lineOf(starts, start - 1, 0)
        at = {
          start: {line: eol + 1, column: start - starts[eol] + 1, offset: start},
          end: {line: el + 1, column: end - starts[el] + 1, offset: end}
        }
      } else {
        at = {
          start: {line: sl + 1, column: start - starts[sl] + 1, offset: start},
          end: {line: el + 1, column: end - starts[el] + 1, offset: end}
        }
      }
    }

    let node
    const children = PARENT_TYPES[typeNumber] === 1 && (w0 & F.HAS_CHILDREN) === 0 ? [] : null
    switch (typeNumber) {
      case 2: // paragraph
        node = at ? {type, children, position: at} : {type, children}
        break
      case 3: { // heading
        const depth = specific & 7
        node = at ? {type, depth, children, position: at} : {type, depth, children}
        break
      }
      case 6: {
        // list
        const ordered = (specific & 1) !== 0
        const first = ordered ? word() | 0 : null
        const spread = (specific & 2) !== 0
        node = at ? {type, ordered, start: first, spread, children, position: at} : {type, ordered, start: first, spread, children}
        break
      }
      case 7: {
        // listItem
        const spread = (specific & 1) !== 0
        const checked = specific & 2 ? (specific & 4) !== 0 : null
        node = at ? {type, spread, checked, children, position: at} : {type, spread, checked, children}
        break
      }
      case 9: {
        // code
        const value = string()
        const lang = specific & F.HAS_FIRST ? string() : null
        const meta = specific & F.HAS_SECOND ? string() : null
        node = at ? {type, lang, meta, value, position: at} : {type, lang, meta, value}
        break
      }
      case 10: {
        // definition
        const label = string()
        const identifier = identifierOf(specific & F.RAW_SAME ? label : string())
        const url = string()
        const title = specific & F.HAS_FIRST ? string() : null
        node = at ? {type, identifier, label, title, url, position: at} : {type, identifier, label, title, url}
        break
      }
      case 11: {
        // text: without position when GFM's autolink literal transform made it
        const value = specific & 1 ? source.slice(start, end) : string()
        node = at ? {type, value, position: at} : {type, value}
        break
      }
      case 16: {
        // link: without position when GFM's autolink literal transform made it
        const url = string()
        const title = specific & F.HAS_FIRST ? string() : null
        node = at ? {type, title, url, children, position: at} : {type, title, url, children}
        break
      }
      case 17: {
        // image
        const url = string()
        const alt = string()
        const title = specific & F.HAS_FIRST ? string() : null
        node = at ? {type, title, url, alt, position: at} : {type, title, url, alt}
        break
      }
      case 18: {
        // linkReference
        const label = string()
        const identifier = identifierOf(specific & F.RAW_SAME ? label : string())
        const referenceType = F.REFERENCE_TYPES[specific & 3] || 'full'
        node = at ? {type, children, label, identifier, referenceType, position: at} : {type, children, label, identifier, referenceType}
        break
      }
      case 19: {
        // imageReference
        const label = string()
        const identifier = identifierOf(specific & F.RAW_SAME ? label : string())
        const referenceType = F.REFERENCE_TYPES[specific & 3] || 'full'
        const alt = string()
        node = at ? {type, alt, label, identifier, referenceType, position: at} : {type, alt, label, identifier, referenceType}
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
        node = at ? {type, align, children, position: at} : {type, align, children}
        break
      }
      case 24: {
        // footnoteDefinition (GFM): labels as for definitions
        const label = string()
        const identifier = identifierOf(specific & F.RAW_SAME ? label : string())
        node = at ? {type, identifier, label, children, position: at} : {type, identifier, label, children}
        break
      }
      case 25: {
        // footnoteReference (GFM)
        const label = string()
        const identifier = identifierOf(specific & F.RAW_SAME ? label : string())
        node = at ? {type, identifier, label, position: at} : {type, identifier, label}
        break
      }
      case 26: {
        // math: mdast-util-math also attaches the hast it renders to (`data`)
        const value = specific & 1 ? source.slice(start, end) : string()
        const meta = specific & F.HAS_SECOND ? string() : null
        const data = mathData(value, true)
        node = at ? {type, meta, value, data, position: at} : {type, meta, value, data}
        break
      }
      case 27: {
        // inlineMath
        const value = specific & 1 ? source.slice(start, end) : string()
        const data = mathData(value, false)
        node = at ? {type, value, data, position: at} : {type, value, data}
        break
      }
      case 30:
      case 31: {
        // mdxJsxFlowElement, mdxJsxTextElement: name, then the attributes
        const name = specific & F.HAS_FIRST ? string() : null
        const count = word()
        if (count > (words.length - p) / 3) throw ocpError(`record ${i}: ${count} attributes do not fit in the buffer`)
        const attributes = []
        for (let k = 0; k < count; k++) attributes.push(attribute(i))
        node = at ? {type, name, attributes, children, position: at} : {type, name, attributes, children}
        break
      }
      default:
        if (LITERALS[typeNumber]) {
          const value = specific & 1 ? source.slice(start, end) : string()
          node = at ? {type, value, position: at} : {type, value}
        } else if (PARENT_TYPES[typeNumber]) {
            node = at ? {type, children, position: at} : {type, children}
        } else {
          node = at ? {type, position: at} : {type}
        }
    }

    if (froms.length === 0) {
      if (root) throw ocpError(`record ${i} follows the end of the tree`)
      if (type !== 'root') throw ocpError(`the first record is a ${type}, not the root`)
      root = node
    }
    pending[top++] = node
    const last = (w0 & F.LAST) !== 0
    if (w0 & F.HAS_CHILDREN) {
      if (PARENT_TYPES[typeNumber] !== 1) throw ocpError(`record ${i}: a ${type} cannot have children`)
      froms.push(top)
      lasts.push(last)
      continue
    }
    let closing = last
    while (closing && froms.length > 0) {
      const from = froms.pop()
      pending[from - 1].children = pending.slice(from, top)
      top = from
      closing = lasts.pop()
    }
  }
  if (!root) throw ocpError('no root record')
  if (froms.length !== 0) throw ocpError('node records end inside an open node (truncated?)')
  if (p !== words.length) throw ocpError(`${words.length - p} words left after the last record`)
  return root
}

module.exports = {decode, decodeBuffer, identifierOf}
