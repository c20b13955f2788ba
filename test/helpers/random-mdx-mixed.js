'use strict'
// Seeded random MDX documents mixed with Markdown and its extensions, for differential
// tests against micromark-extension-mdxjs (random-mdx.js joins smaller MDX pieces):
// JSX in flow (tags alone on their lines, nested, across lines) and in text, attributes
// of every kind, expressions in flow and text (with braces inside strings, templates,
// comments and JSX), ESM blocks (one or more lines, blank lines inside braces), mixed
// with Markdown (headings, lists, block quotes, emphasis, code, tables, math,
// frontmatter) and container prefixes. About a fifth of the documents are broken on
// purpose (unclosed or mismatched tags, unclosed braces, `<` in text, bad attributes,
// lazy lines in containers), so both trees and errors get compared.
//
// The JavaScript inside expressions and ESM is always valid for acorn: omni-mdx scans
// JavaScript lexically and does not judge its grammar (docs/syntax.md).
// The same seed always gives the same document.
const {rng} = require('./random-markdown.js')

const names = ['A', 'B', 'Box', 'a', 'x.y', 'svg:rect', 'my-el', 'C.D.E', '$x', '_y']
const attributes = [
  '', ' b', ' c="d"', " e='f'", ' g={1}', ' h={{a: "}"}}', ' {...props}', ' i="&amp; &#123;"',
  ' j={`t ${k}`}', ' l={<M />}', ' n:o="p"', '\n  q="r"', ' s={/* } */ 1}', ' t="a\nb"'
]
// Pieces that span lines: inside a container their later lines would be lazy, which the
// reference rejects; they are drawn there only now and then.
const multiline = (piece) => piece.includes('\n')
const expressions = [
  '1 + 1', 'a', '', ' ', '/* c */', '"}"', "'{'", '`a ${b} }`', '{a: 1}', '<b>x</b>', 'a // c\n',
  '[1, {b: 2}]', 'x => ({y: x})', '/}/.test(s)', 'a ? "b" : `c`', '\n  a\n', '<>it\'s</>', 'f(g(h))',
  '<b>{"}"}</b>', '"\\"}"'
]
const esm = [
  "import a from 'b'", "import {c, d as e} from 'f'", 'export const g = 1',
  "export {default} from 'h'", 'export function i() {\n  return 1\n}',
  'export const j = {\n\n  k: "}"\n}', "import * as l from 'm'\nexport const n = l", 'export default {}'
]
const markdown = [
  'a', 'foo bar', '*em*', '**strong**', '`code`', '[l](/u)', '![i](/p.png)', '~~del~~', '$x^2$',
  'www.a.com', '&amp;', '\\{', '\\<', 'a | b', '[^1]', 'é', ':', '"q"'
]
const blockStarts = ['', '', '# ', '## ', '- ', '* ', '1. ', '> ', '- [x] ', '---', '***', '| a | b |', '|---|---|', '$$', '```', '```js', '[^1]: ', '    ']
const prefixes = ['> ', '- ', '* ', '1. ', '  ', '   ', '> > ', '- > ']
const broken = [
  '<A>', '</B>', '<A', '<A b=>', '<A b="c>', '{', '{a', '{"}', 'a < b', '<1>', '<a.>', '</>', '<A/ >',
  '<A b={>', '<a:b.c>', '{/*', '<A>\n> b', '> <A>\nb', '> {\nb}', '<!-- c -->', '<https://a.b>', '<A {b}>',
  "import a from 'b'\n\nx", 'export const c =', '<A>{</A>'
]

/**
 * @param {number} seed
 * @returns {string} an MDX document
 */
function randomMdx(seed) {
  const r = rng(seed)
  const pick = (list) => list[Math.floor(r() * list.length)]
  const chance = (p) => r() < p
  let inContainer = false
  /** A piece from `list`; inside a container, one line only (mostly). */
  const pickLine = (list) => {
    for (let i = 0; i < 8; i++) {
      const piece = pick(list)
      if (!inContainer || !multiline(piece) || chance(0.1)) return piece
    }
    return list[0]
  }
  const eol = chance(0.15) ? pick(['\r\n', '\r']) : '\n'
  const open = [] // flow tags opened and not yet closed
  const usedEsm = new Set()
  const tag = () => '<' + pick(names) + pickLine(attributes) + (chance(0.4) ? ' />' : '>')
  const textJsx = () => {
    const name = pick(names)
    return chance(0.3) ? `<${name}${pickLine(attributes)} />` : `<${name}${pickLine(attributes)}>${pick(markdown)}</${name}>`
  }
  const inline = () => {
    const n = 1 + Math.floor(r() * 4)
    let out = ''
    for (let i = 0; i < n; i++) {
      const x = r()
      out += (i ? ' ' : '') + (x < 0.55 ? pick(markdown) : x < 0.8 ? textJsx() : `{${pickLine(expressions)}}`)
    }
    return out
  }
  let out = ''
  if (chance(0.15)) out += pick(['---\na: 1\n---\n', '+++\nb = 2\n+++\n'])
  const breakIt = chance(0.2)
  const lines = 1 + Math.floor(r() * 12)
  for (let i = 0; i < lines; i++) {
    const prefix = chance(0.25) ? pick(prefixes) : ''
    inContainer = prefix !== ''
    const x = r()
    let line
    if (x < 0.12 && !prefix) {
      // ESM: blank lines around it; each statement once (acorn rejects a name declared twice).
      const statement = pick(esm)
      line = usedEsm.has(statement) ? '' : eol + statement + eol
      usedEsm.add(statement)
    } else if (x < 0.25) {
      const name = pick(names)
      const attrs = pickLine(attributes)
      if (chance(0.35)) line = `<${name}${attrs} />`
      else {
        line = `<${name}${attrs}>`
        open.push(name)
      }
    } else if (x < 0.35 && open.length > 0) {
      line = `</${open.pop()}>`
    } else if (x < 0.45) {
      line = `{${pickLine(expressions)}}`
    } else if (x < 0.55) {
      line = ''
    } else if (x < 0.6) {
      line = tag() + ' ' + inline()
    } else {
      line = pick(blockStarts) + inline()
    }
    out += prefix + line + eol
  }
  while (open.length > 0 && !chance(0.1)) out += `</${open.pop()}>` + eol
  if (breakIt) {
    const at = Math.floor(r() * (out.length + 1))
    const cut = out.lastIndexOf('\n', at) + 1
    out = out.slice(0, cut) + pick(broken) + eol + out.slice(cut)
  }
  return out
}

module.exports = {randomMdx}
