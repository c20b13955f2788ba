'use strict'
// Seeded random Markdown documents for differential tests: lines built from block
// starts, container prefixes (block quotes, bullet and ordered items, nested, lazy),
// inline pieces (links, references, code spans, raw HTML, emphasis, breaks, entities),
// tabs, blank lines, and LF / CR / CRLF line endings (one style per document, or mixed).
// The same seed always gives the same document.

/** mulberry32: a small, fast, seedable PRNG. */
function rng(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const inline = [
  'a', 'foo', 'bar baz', '*em*', '**strong**', '_u_', '`code`', '``a ` b``', '`', '<b>', '</i>',
  '<span class="x">', '<!-- c -->', '<?p ?>', '[l](/u "t")', '[l](</a b>)', '![i](/p.png)',
  '[ref]', '[x][ref]', '![img][ref]', '<http://a.b/c>', '<a@b.c>', '&amp;', '&copy;', '&#35;',
  '\\*', '\\', '  ', '\t', 'x\ty', '[x](javascript:alert(1))', '<script>', '"q"', '& <', '*', '_'
]

const blockStarts = [
  '', '', '', '# ', '## ', '###### ', '#', '---', '***', '- - -', '===', '--', '```', '```js',
  '~~~', '~~~ info', '    ', '\t', '<div>', '</div>', '<pre>', '</pre>', '<!--', '-->',
  '<?php', '?>', '<![CDATA[', ']]>', '<!X', '<a href="x">', '<textarea>', '[ref]: /url',
  '[ref]: /url "title"', '[other]:', '  ', ' ', '>', '> ', '- ', '* ', '1. ', '2) ', '+ '
]

const prefixes = ['> ', '>', '- ', '* ', '1. ', '10. ', '  ', '   ', '    ', '\t', '> > ', '- > ', '> - ', '-\t', '- - ']

/**
 * @param {number} seed
 * @param {{inline?: string[], blockStarts?: string[], prefixes?: string[], heads?: string[]}} [vocabulary]
 *   the pieces to draw from (CommonMark's by default); `heads` are document starts
 *   (e.g. frontmatter), one of which is put first in a third of the documents
 * @returns {string} a Markdown document
 */
function randomMarkdown(seed, vocabulary = {}) {
  const {inline = commonmark.inline, blockStarts = commonmark.blockStarts, prefixes = commonmark.prefixes, heads = []} = vocabulary
  const r = rng(seed)
  const pick = (list) => list[Math.floor(r() * list.length)]
  const styles = ['\n', '\r\n', '\r']
  const mixed = r() < 0.2
  const style = pick(styles)
  const lineCount = 1 + Math.floor(r() * 14)
  let out = heads.length > 0 && r() < 0.33 ? pick(heads).replace(/\n/g, style) : ''
  for (let i = 0; i < lineCount; i++) {
    let line = ''
    const depth = r() < 0.5 ? 0 : 1 + Math.floor(r() * 2)
    for (let d = 0; d < depth; d++) line += pick(prefixes)
    if (r() < 0.15) {
      out += line + (mixed ? pick(styles) : style) // a blank (or prefix-only) line
      continue
    }
    line += pick(blockStarts)
    const words = Math.floor(r() * 4)
    for (let w = 0; w < words; w++) line += (w || r() < 0.5 ? ' ' : '') + pick(inline)
    if (r() < 0.1) line += pick(['  ', '\\', ' ', '\t'])
    out += line
    if (i + 1 < lineCount || r() < 0.6) out += mixed ? pick(styles) : style
  }
  return out
}

const commonmark = {inline, blockStarts, prefixes}

module.exports = {randomMarkdown, rng, commonmark}
