'use strict'
// The normalisation the CommonMark spec's test runner (normalize.py) applies to both the
// expected and the actual HTML before comparing them, so that differences that do not
// matter (whitespace between block tags, `<br />` vs `<br>`, attribute order, `&quot;`
// vs `"` in text) do not count as failures. Re-implemented here so the conformance tests
// need no Python; it follows the behaviour of Python's html.parser as that script drives
// it (convert_charrefs off, HTML 4 entity names), including its quirks, since a spec
// example only "passes" in the sense the spec defines if the same rules are used.

/** Tags around which whitespace is insignificant. */
const BLOCK_TAGS = new Set(
  (
    'article header aside hgroup blockquote hr iframe body li map button object canvas ' +
    'ol output dd p dl pre section dir noscript script div nav style table embed ' +
    'fieldset form ul footer h1 h2 h3 h4 h5 h6 figure figcaption tfoot thead th tr td ' +
    'tbody caption colgroup col'
  ).split(' ')
)

/** Elements whose content is raw text up to the matching end tag. */
const RAW_TEXT = new Set(['script', 'style'])

// HTML 4's 252 character entity names (what Python's html.entities.name2codepoint has):
// the Latin-1 block in code point order, then the rest as name=codepoint.
const LATIN1 =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr ' +
  'deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 ' +
  'frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc ' +
  'Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash ' +
  'Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring ' +
  'aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve ' +
  'oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml'
const GREEK_UPPER =
  'Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu Nu Xi Omicron Pi Rho'
const GREEK_UPPER2 = 'Sigma Tau Upsilon Phi Chi Psi Omega'
const OTHERS =
  'quot=34 amp=38 lt=60 gt=62 OElig=338 oelig=339 Scaron=352 scaron=353 Yuml=376 ' +
  'fnof=402 circ=710 tilde=732 sigmaf=962 thetasym=977 upsih=978 piv=982 ensp=8194 ' +
  'emsp=8195 thinsp=8201 zwnj=8204 zwj=8205 lrm=8206 rlm=8207 ndash=8211 mdash=8212 ' +
  'lsquo=8216 rsquo=8217 sbquo=8218 ldquo=8220 rdquo=8221 bdquo=8222 dagger=8224 ' +
  'Dagger=8225 bull=8226 hellip=8230 permil=8240 prime=8242 Prime=8243 lsaquo=8249 ' +
  'rsaquo=8250 oline=8254 frasl=8260 euro=8364 image=8465 weierp=8472 real=8476 ' +
  'trade=8482 alefsym=8501 larr=8592 uarr=8593 rarr=8594 darr=8595 harr=8596 ' +
  'crarr=8629 lArr=8656 uArr=8657 rArr=8658 dArr=8659 hArr=8660 forall=8704 part=8706 ' +
  'exist=8707 empty=8709 nabla=8711 isin=8712 notin=8713 ni=8715 prod=8719 sum=8721 ' +
  'minus=8722 lowast=8727 radic=8730 prop=8733 infin=8734 ang=8736 and=8743 or=8744 ' +
  'cap=8745 cup=8746 int=8747 there4=8756 sim=8764 cong=8773 asymp=8776 ne=8800 ' +
  'equiv=8801 le=8804 ge=8805 sub=8834 sup=8835 nsub=8836 sube=8838 supe=8839 ' +
  'oplus=8853 otimes=8855 perp=8869 sdot=8901 lceil=8968 rceil=8969 lfloor=8970 ' +
  'rfloor=8971 lang=9001 rang=9002 loz=9674 spades=9824 clubs=9827 hearts=9829 diams=9830'

/** @type {Map<string, number>} */
const ENTITIES = new Map()
LATIN1.split(' ').forEach((name, i) => ENTITIES.set(name, 160 + i))
GREEK_UPPER.split(' ').forEach((name, i) => {
  ENTITIES.set(name, 913 + i)
  ENTITIES.set(name.toLowerCase(), 945 + i)
})
GREEK_UPPER2.split(' ').forEach((name, i) => {
  ENTITIES.set(name, 931 + i)
  ENTITIES.set(name.toLowerCase(), 963 + i)
})
for (const pair of OTHERS.split(' ')) {
  const [name, code] = pair.split('=')
  ENTITIES.set(name, Number(code))
}

/** Python's chr() of a code point, or null where it raises. */
function fromCodePoint(code) {
  if (!Number.isFinite(code) || code < 0 || code > 0x10ffff) return null
  if (code >= 0xd800 && code <= 0xdfff) return String.fromCharCode(code) // lone surrogate
  return String.fromCodePoint(code)
}

/** Decodes character references in attribute values (html.unescape, HTML 4 names). */
function unescapeAttribute(value) {
  return value.replace(/&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[a-zA-Z][a-zA-Z0-9]*;?)/g, (all, ref) => {
    let c = null
    if (ref[0] === '#') {
      const hex = ref[1] === 'x' || ref[1] === 'X'
      const code = Number.parseInt(ref.slice(hex ? 2 : 1), hex ? 16 : 10)
      c = code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? '\ufffd' : fromCodePoint(code)
    } else if (ref.endsWith(';') && ENTITIES.has(ref.slice(0, -1))) {
      c = String.fromCodePoint(ENTITIES.get(ref.slice(0, -1)))
    }
    return c === null ? all : c
  })
}

function escapeAttribute(value) {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/** The writer: what normalize.py does with each token. */
class Normalizer {
  constructor() {
    this.output = ''
    this.last = 'starttag'
    this.lastTag = ''
    this.inPre = false
  }

  data(text) {
    const afterTag = this.last === 'endtag' || this.last === 'starttag'
    const afterBlockTag = afterTag && BLOCK_TAGS.has(this.lastTag)
    if (afterTag && this.lastTag === 'br') text = text.replace(/^\n+/, '')
    if (!this.inPre) text = text.replace(/\s+/g, ' ')
    if (afterBlockTag && !this.inPre) {
      if (this.last === 'starttag') text = text.replace(/^\s+/, '')
      else text = text.trim()
    }
    this.output += text
    this.last = 'data'
  }

  startTag(tag, attrs, selfClosing) {
    if (tag === 'pre') this.inPre = true
    if (BLOCK_TAGS.has(tag)) this.output = this.output.trimEnd()
    this.output += '<' + tag
    // Sorted by name, then value, as Python sorts (name, value) tuples.
    const sorted = attrs.slice().sort((a, b) =>
      a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : compareValues(a[1], b[1])
    )
    for (const [name, value] of sorted) {
      this.output += ' ' + name
      if (value !== null) this.output += '="' + escapeAttribute(value) + '"'
    }
    this.output += '>'
    this.lastTag = tag
    this.last = selfClosing ? 'endtag' : 'starttag'
  }

  endTag(tag) {
    if (tag === 'pre') this.inPre = false
    else if (BLOCK_TAGS.has(tag)) this.output = this.output.trimEnd()
    this.output += '</' + tag + '>'
    this.lastTag = tag
    this.last = 'endtag'
  }

  comment(text) {
    this.output += '<!--' + text + '-->'
    this.last = 'comment'
  }

  declaration(text) {
    this.output += '<!' + text + '>'
    this.last = 'decl'
  }

  processingInstruction(text) {
    this.output += '<?' + text + '>'
    this.last = 'pi'
  }

  /** A character reference in text: the character, except the four that stay escaped. */
  reference(c, fallback) {
    if (c === '<') this.output += '&lt;'
    else if (c === '>') this.output += '&gt;'
    else if (c === '&') this.output += '&amp;'
    else if (c === '"') this.output += '&quot;'
    else if (c === null) this.output += fallback
    else this.output += c
    this.last = 'ref'
  }
}

function compareValues(a, b) {
  if (a === b) return 0
  if (a === null) return -1 // Python 2 ordered None first
  if (b === null) return 1
  return a < b ? -1 : 1
}

// The tokenizer (html.parser's rules for the constructs it recognises).
const TAG_NAME = /[a-zA-Z][^\t\n\r\f />\x00]*/y
const AFTER_NAME = /(?:\s|\/(?!>))*/y
const ATTRIBUTE = /((?<=['"\s/])[^\s/>][^\s/=>]*)(\s*=+\s*('[^']*'|"[^"]*"|(?!['"])[^>\s]*))?(?:\s|\/(?!>))*/y
const START_TAG_EXTENT =
  /<[a-zA-Z][^\t\n\r\f />\x00]*(?:[\s/]*(?:(?<=['"\s/])[^\s/>][^\s/=>]*(?:\s*=+\s*(?:'[^']*'|"[^"]*"|(?!['"])[^>\s]*)\s*)?(?:\s|\/(?!>))*)*)?\s*/y
const END_TAG = /<\/\s*([a-zA-Z][-.a-zA-Z0-9:_]*)\s*>/y
const CHAR_REF = /&#(?:[0-9]+|[xX][0-9a-fA-F]+)[^0-9a-fA-F]/y
const ENTITY_REF = /&([a-zA-Z][-.a-zA-Z0-9]*)[^a-zA-Z0-9]/y
const INCOMPLETE_REF = /&[a-zA-Z#]/y

function matchAt(re, s, i) {
  re.lastIndex = i
  return re.exec(s)
}

/** End of the start tag at i (exclusive), or -1 when the input ends inside it. */
function startTagEnd(s, i) {
  const m = matchAt(START_TAG_EXTENT, s, i)
  const j = i + m[0].length
  const next = s.charAt(j)
  if (next === '>') return j + 1
  if (next === '/') {
    if (s.startsWith('/>', j)) return j + 2
    return -1
  }
  if (next === '' || /[a-zA-Z=/]/.test(next)) return -1
  return j > i ? j : i + 1
}

/** Parses the start tag s[i, end); returns the handler call or null (then it is text). */
function parseStartTag(w, s, i, end) {
  const name = matchAt(TAG_NAME, s, i + 1)
  let k = i + 1 + name[0].length
  k += matchAt(AFTER_NAME, s, k)[0].length
  const attrs = []
  while (k < end) {
    const m = matchAt(ATTRIBUTE, s, k)
    if (!m || m[0].length === 0) break
    let value = m[2] ? m[3] : null
    if (value !== null && value.length >= 2 && (value[0] === "'" || value[0] === '"') && value.at(-1) === value[0]) {
      value = value.slice(1, -1)
    }
    if (value) value = unescapeAttribute(value)
    attrs.push([m[1].toLowerCase(), value])
    k += m[0].length
  }
  const rest = s.slice(k, end).trim()
  const tag = name[0].toLowerCase()
  if (rest !== '>' && rest !== '/>') {
    w.data(s.slice(i, end))
    return null
  }
  w.startTag(tag, attrs, rest === '/>')
  return tag
}

/**
 * Normalises HTML as the CommonMark spec's test runner does.
 * @param {string} html
 * @returns {string}
 */
function normalizeHtml(html) {
  const w = new Normalizer()
  const s = html
  const n = s.length
  let rawText = null // inside <script> or <style>
  let i = 0
  while (i < n) {
    if (rawText) {
      // Raw text runs to the matching end tag; other `</...>` inside are text.
      const close = new RegExp('</' + rawText + '\\s*>', 'i')
      const m = close.exec(s.slice(i))
      const stop = m ? i + m.index : n
      if (stop > i) w.data(s.slice(i, stop))
      if (!m) break
      w.endTag(rawText)
      rawText = null
      i = stop + m[0].length
      continue
    }
    // CDATA sections pass through verbatim (the runner splits them off first).
    if (s.startsWith('<![CDATA[', i)) {
      const close = s.indexOf(']]>', i)
      const eol = s.indexOf('\n', i)
      if (close >= 0 && (eol < 0 || close < eol)) {
        w.output += s.slice(i, close + 3)
        i = close + 3
        continue
      }
    }
    const c = s[i]
    if (c !== '<' && c !== '&') {
      let j = i
      while (j < n && s[j] !== '<' && s[j] !== '&') j++
      w.data(s.slice(i, j))
      i = j
      continue
    }
    let k = -1
    if (c === '&') {
      let m
      if ((m = matchAt(CHAR_REF, s, i))) {
        const name = m[0].slice(2, -1)
        let ch = null
        if (name[0] === 'x') ch = fromCodePoint(Number.parseInt(name.slice(1), 16))
        else if (/^[0-9]+$/.test(name)) ch = fromCodePoint(Number.parseInt(name, 10))
        w.reference(ch, '&#' + name + ';')
        k = i + m[0].length - (m[0].endsWith(';') ? 0 : 1)
      } else if ((m = matchAt(ENTITY_REF, s, i))) {
        const name = m[1]
        w.reference(ENTITIES.has(name) ? String.fromCodePoint(ENTITIES.get(name)) : null, '&' + name + ';')
        k = i + m[0].length - (m[0].endsWith(';') ? 0 : 1)
      } else if (s.startsWith('&#', i) && s.indexOf(';', i) >= 0) {
        w.data('&#')
        k = i + 2
      } else if (matchAt(INCOMPLETE_REF, s, i)) {
        // A reference cut off by the end of the input: left as text.
        w.data(s.slice(i))
        k = n
      } else {
        w.data('&')
        k = i + 1
      }
      i = k
      continue
    }
    // c === '<'
    if (/[a-zA-Z]/.test(s.charAt(i + 1))) {
      const end = startTagEnd(s, i)
      if (end >= 0) {
        const tag = parseStartTag(w, s, i, end)
        if (tag && RAW_TEXT.has(tag) && !s.slice(i, end).trimEnd().endsWith('/>')) rawText = tag
        k = end
      }
    } else if (s.startsWith('</', i)) {
      const gt = s.indexOf('>', i + 1)
      if (gt >= 0) {
        const m = matchAt(END_TAG, s, i)
        if (m) {
          w.endTag(m[1].toLowerCase())
        } else {
          const name = matchAt(TAG_NAME, s, i + 2)
          if (name) w.endTag(name[0].toLowerCase())
          else if (!s.startsWith('</>', i)) w.comment(s.slice(i + 2, gt))
        }
        k = gt + 1
      }
    } else if (s.startsWith('<!--', i)) {
      const close = s.indexOf('-->', i + 4)
      if (close >= 0) {
        w.comment(s.slice(i + 4, close))
        k = close + 3
      }
    } else if (s.startsWith('<?', i)) {
      const gt = s.indexOf('>', i + 2)
      if (gt >= 0) {
        w.processingInstruction(s.slice(i + 2, gt))
        k = gt + 1
      }
    } else if (s.startsWith('<!', i)) {
      const gt = s.indexOf('>', i + 2)
      if (gt >= 0) {
        if (s.slice(i, i + 9).toLowerCase() === '<!doctype' || s.startsWith('<![', i)) {
          w.declaration(s.slice(i + 2, gt))
        } else {
          w.comment(s.slice(i + 2, gt))
        }
        k = gt + 1
      }
    } else {
      w.data('<')
      k = i + 1
    }
    if (k < 0) {
      // Unfinished construct at the end of the input: text up to the next `>` or `<`.
      const gt = s.indexOf('>', i + 1)
      const lt = s.indexOf('<', i + 1)
      k = gt >= 0 ? gt + 1 : lt >= 0 ? lt : i + 1
      w.data(s.slice(i, k))
    }
    i = k
  }
  return w.output
}

module.exports = {normalizeHtml}
