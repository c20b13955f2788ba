'use strict'
// parse(x, {format: 'md', gfm: true, math: false, frontmatter: false}) must deep-equal
// mdast-util-from-markdown(x) with micromark-extension-gfm and mdast-util-gfm (every
// node, field and position), and toHtml(x) must equal micromark(x) with gfm() and
// gfmHtml(), for strikethrough and task list items. Tables are tested in
// gfm-table.test.js; autolink literals, footnotes and the tag filter in
// gfm-autolink-footnote.test.js.
const assert = require('node:assert/strict')
const {isDeepStrictEqual} = require('node:util')
const mdx = require('..')

const options = {format: 'md', gfm: true, math: false, frontmatter: false}
let reference
let referenceHtml

/** JSON round trip: the reference leaves no undefined fields, and neither should we. */
const plain = (tree) => JSON.parse(JSON.stringify(tree))

const strikethrough = {
  'double': 'a ~~b~~ c',
  'single': 'a ~b~ c',
  'triple is text': 'a ~~~b~~~ c',
  'mismatched lengths': '~a~~ ~~b~ ~c~~~',
  'nested': '~a ~~b~~ c~',
  'unclosed': '~~a and ~b',
  'flanking': 'a~~b~~c ~~ d ~~ e~ ~f',
  'punctuation': '.~a~. (~~b~~) ~.c.~',
  'escaped tilde': '\\~a~ \\~~b~ ~~c\\~~ \\~~~d~~',
  'emphasis inside': '~~*a* **b**~~',
  'inside emphasis': '*~~a~~* **~b~**',
  'emphasis first, crossing': '*a ~b* c~',
  'strike first, crossing': '~a *b~ c*',
  'attention markers': '*~a~* _~b~_ ~*c*~ ~_d_~ a*~b~*c a_~b~_c',
  'underscore next to tilde': '_~a~_ ~_b_~ x_~y~_z',
  'in links': '[~a~](b) [~~c](d) ~~e [f~~](g)',
  'link inside': '~[a](b)~ ~~[c][d]~~\n\n[d]: e',
  'code inside': '~`a~`~ ~~`b`~~',
  'across lines': '~~a\nb~~ ~c\n\nd~',
  'in a heading': '# ~a~ ~~b~~',
  'in a quote and list': '> ~a\n> b~\n- ~~c~~',
  'runs only': '~ ~~ ~~~ ~~~~ ~~ ~',
  'many': '~a~ ~~b~~ ~c~ ~~d~~ ~e~~ ~~f~',
  'with entities': '~&amp;~ ~~&#126;~~ &#126;a~',
  'unicode flanking': '~é~ ¡~a~! ~~日本~~',
  'autolink and html': '<http://a~b~> ~<b>c</b>~',
  'deep': '~~*~a **~~b~~** c~*~~'
}

const tasks = {
  'unchecked': '- [ ] a',
  'checked': '- [x] a\n- [X] b',
  'not in a list': '[x] a',
  'in a quote': '> [x] a',
  'list in a quote': '> - [x] a\n> b',
  'quote in a list': '- > [x] a',
  'second paragraph': '- a\n\n  [x] b',
  'heading': '- # [x] a',
  'emphasis after': '- [x] *a*',
  'strikethrough after': '- [x] ~a~',
  'item starting blank': '-\n  [x] a',
  'definition after check': '- [x] [a]: b\n  c',
  'definition before check': '- [a]: u\n  [x] b',
  'definition, blank, check': '- [a]: u\n\n  [x] b',
  'check alone': '- [x]',
  'check and a space': '- [x] ',
  'check then hard break': '- [x]  \n  b',
  'line ending inside': '- [\n  ] a',
  'line ending then indent': '- [\n     ] a',
  'tab after': '- [ ]\tb',
  'tab inside': '- [\t] b',
  'ordered': '1. [X] a\n2) [ ] b',
  'nested': '- - [x] a\n  - [ ] b',
  'no space after': '- [x]b',
  'escape after': '- [x] \\*a',
  'blank first line': '- \n  \n  [x] a',
  'indented': '-    [x] a',
  'then thematic break': '- [x] a\n---',
  'loose': '- [x] a\n\n- [ ] b',
  'spaces after': '- [x]   a',
  'invalid values': '* [y] b\n* [] c\n* [  ] d',
  'entity after': '- [x] &amp; b',
  'code after': '- [x] `c`',
  'two checks': '- [ ] [x] a',
  'check, then sublist': '- [x]\n  - [ ] b',
  'check, blank, paragraph': '- [X]\n\n  b',
  'html after': '- [ ] <b>',
  'lazy line': '- [x] a\nb',
  // The reference puts the start of text after a check and a line ending one column
  // past that line ending, on its line (docs/ocp.md, AFTER_EOL).
  'check, line ending': '- [x]\nb',
  'check, space, line ending, indent': '- [ ] \n  b',
  'check, CRLF': '- [x]\r\nb',
  'check, CR': '- [x]\rb',
  'check, tab, line ending': '- [x]\t\nb',
  'check, line ending, emphasis': '- [x] \n*a*',
  'check, line ending in a quote': '> - [x] \n> a',
  'check, line ending, hard break': '- [x]  \na'
}

function same(source) {
  return isDeepStrictEqual(mdx.parse(source, options), plain(reference(source))) &&
    mdx.toHtml(source, options) === referenceHtml(source)
}

function run(cases) {
  const failed = []
  for (const [name, source] of Object.entries(cases)) if (!same(source)) failed.push(name)
  const total = Object.keys(cases).length
  console.log(`      ${total - failed.length}/${total} identical`)
  assert.deepEqual(failed, [])
}

describe('GFM: same trees and HTML as micromark-extension-gfm / mdast-util-gfm', function () {
  before(async () => {
    const [{fromMarkdown}, {micromark}, {gfm, gfmHtml}, {gfmFromMarkdown}] = await Promise.all([
      import('mdast-util-from-markdown'),
      import('micromark'),
      import('micromark-extension-gfm'),
      import('mdast-util-gfm')
    ])
    reference = (source) => fromMarkdown(source, {extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()]})
    referenceHtml = (source) => micromark(source, {extensions: [gfm()], htmlExtensions: [gfmHtml()]})
  })

  it(`strikethrough: ${Object.keys(strikethrough).length} hand-written edge cases`, () => run(strikethrough))
  it(`task list items: ${Object.keys(tasks).length} hand-written edge cases`, () => run(tasks))

  it('decode(parseToBuffer(x)) equals parse(x)', () => {
    for (const source of [...Object.values(strikethrough), ...Object.values(tasks)]) {
      const buffer = mdx.parseToBuffer(source, options)
      assert.deepEqual(mdx.decode(buffer), mdx.parse(source, options))
      mdx.dispose(buffer)
    }
  })

  it('with gfm off, tildes and checks are plain Markdown', () => {
    const off = {format: 'md', gfm: false, math: false, frontmatter: false}
    const tree = mdx.parse('- [x] ~a~', off)
    const item = tree.children[0].children[0]
    assert.equal(item.checked, null)
    assert.deepEqual(item.children[0].children, [
      {type: 'text', value: '[x] ~a~', position: item.children[0].children[0].position}
    ])
  })

  it('linear time on tilde runs', () => {
    for (const unit of ['~a ', '~~a ', 'a~ ', '~ ~~ ', '*~a ', '~*a ', '~a *b~ ', '*a ~b* ', '~~*a~~ ']) {
      const source = unit.repeat(100000) + 'b~ b~~'
      const t0 = process.hrtime.bigint()
      mdx.parse(source, options)
      const ms = Number(process.hrtime.bigint() - t0) / 1e6
      assert.ok(ms < 2000, `${JSON.stringify(unit)}: took ${ms} ms`)
    }
  })
})
