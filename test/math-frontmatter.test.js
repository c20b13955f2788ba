'use strict'
// parse(x, {format: 'md', gfm: false, math: true, frontmatter: true}) must deep-equal
// mdast-util-from-markdown(x) with micromark-extension-frontmatter(['yaml', 'toml']) and
// micromark-extension-math (and their mdast utilities): every node, field and position,
// including the `data` mdast-util-math attaches to math nodes.
const assert = require('node:assert/strict')
const fs = require('node:fs')
const {isDeepStrictEqual} = require('node:util')
const mdx = require('..')
const {checkAgainstKnown} = require('./helpers/known-failures.js')
const {corpusFiles} = require('./helpers/corpus.js')

const options = {format: 'md', gfm: false, math: true, frontmatter: true}
let reference

/** JSON round trip: the reference leaves no undefined fields, and neither should we. */
const plain = (tree) => JSON.parse(JSON.stringify(tree))

function same(source) {
  return isDeepStrictEqual(mdx.parse(source, options), plain(reference(source)))
}

// Hand-written edge cases: name → source.
const cases = {
  'yaml': '---\ntitle: a\n---\n# b',
  'toml': '+++\ntitle = "a"\n+++\nb',
  'empty frontmatter': '---\n---\na',
  'frontmatter of blank lines': '---\n\n---',
  'frontmatter with blank lines inside': '---\n\na\n\n---\nb',
  'frontmatter trailing whitespace on fences': '--- \t\na\n---  \n\nb',
  'frontmatter CRLF': '---\r\na: 1\r\nb: 2\r\n---\r\n\r\nc',
  'frontmatter CR': '---\ra\r---\rb',
  'frontmatter unclosed': '---\na: 1\nb',
  'frontmatter fence alone': '---',
  'frontmatter no eol after closing': '---\na\n---',
  'frontmatter not at the start': 'a\n\n---\nb: 1\n---',
  'frontmatter after a blank line': '\n---\na\n---',
  'frontmatter indented': ' ---\na\n---',
  'frontmatter four dashes': '----\na\n----',
  'frontmatter closing indented': '---\na\n ---\n---',
  'frontmatter mixed fences': '---\na\n+++\nb',
  'frontmatter then list': '---\na\n---\n- b\n\n- c',
  'frontmatter in a quote': '> ---\n> a\n> ---',
  // An unclosed frontmatter was a concrete attempt over the whole document: micromark
  // then reads it again without block quotes or list items.
  'frontmatter unclosed, then containers': '---\n> a\n- b\n1. c\nd',
  'toml unclosed, then list and math': '+++\n  1. a\n$$\nb',
  'math block': '$$\na + b\n$$',
  'math block with meta': '$$ x &amp; \\* y  \nz\n$$',
  'math block meta with dollar': '$$ a $ b\nc\n$$',
  'math block unclosed': '$$\na\n\nb',
  'math block unclosed at eof': '$$',
  'math block longer closing': '$$$\na\n$$\n$$$$ \nb',
  'math block shorter closing': '$$$\na\n$$',
  'math block indented': '  $$\n   a\n b\n  $$',
  'math block interrupts a paragraph': 'a\n$$\nb\n$$\nc',
  'math block in a quote': '> $$\n> a\nb\n$$',
  'math block in a quote closed by the quote': '> $$\n> a\n\nb',
  'math block in a list': '- $$\n  a\n\n  b\n  $$\n- c',
  'math block in a list, lazy': '1. $$\n   a\nb',
  'math block indented code': '    $$\n    a\n    $$',
  'math block empty': '$$\n$$',
  'math block blank content': '$$\n\n$$',
  'math block CRLF': '$$ m\r\na\r\n\r\nb\r\n$$\r\nc',
  'math block tabs': '\t$$\n\ta\n$$',
  'single dollar line': '$\na\n$',
  'inline math': 'a $b$ c $$d$$ e $$$f$$$',
  'inline math padding': '$ a $ and $  b  $ and $ $ and $\na\n$',
  'inline math unclosed': 'a $b c',
  'inline math mismatched runs': '$$a$ b $c$$ d $$$',
  'inline math escaped': '\\$a$ b\\$ $c\\$ \\$$d$',
  'inline math across lines': 'a $b\nc$ d\n> $e\n> f$',
  'inline math in a quote, lazy': '> a $b\nc$',
  'inline math and code': '`$a$` $`b`$ ``$`` $$`$$',
  'inline math in emphasis and links': '*$a*$* [$b]$](c) [d](e$f$)',
  'inline math in a heading': '# $a$ b $$c$$\nd $e$\n===',
  'inline math with entities': '$&amp; \\& <b>$',
  'dollar runs': '$ $$ $$$ $$$$ $$$$$ $$$$ $$$ $$ $',
  'dollar run only': '$$$$$$$$$$',
  'dollar runs unmatched': 'a $ b $$ c $$$ d',
  'dollars in code block': '```\n$a$\n```',
  'dollar in link destination': '[a](b$) $c$',
  'dollar in autolink': '<http://a$b$> $c$',
  'math after frontmatter': '---\na\n---\n$$\nb\n$$\n$c$'
}

describe('math and frontmatter: same trees as mdast-util-from-markdown with the extensions', function () {
  before(async () => {
    const [{fromMarkdown}, {frontmatter}, {frontmatterFromMarkdown}, {math}, {mathFromMarkdown}] =
      await Promise.all([
        import('mdast-util-from-markdown'),
        import('micromark-extension-frontmatter'),
        import('mdast-util-frontmatter'),
        import('micromark-extension-math'),
        import('mdast-util-math')
      ])
    const settings = {
      extensions: [frontmatter(['yaml', 'toml']), math()],
      mdastExtensions: [frontmatterFromMarkdown(['yaml', 'toml']), mathFromMarkdown()]
    }
    reference = (source) => fromMarkdown(source, settings)
  })

  it(`${Object.keys(cases).length} hand-written edge cases`, () => {
    const failed = []
    for (const [name, source] of Object.entries(cases)) if (!same(source)) failed.push(name)
    const total = Object.keys(cases).length
    console.log(`      ${total - failed.length}/${total} identical`)
    checkAgainstKnown('math-frontmatter-cases', failed)
  })

  const files = corpusFiles('mdx-math')
  it(`every file in corpus/mdx-math${files ? ` (${files.length})` : ' (absent: skipped)'}`, function () {
    if (!files) this.skip()
    const failed = []
    for (const {name, file} of files) if (!same(fs.readFileSync(file, 'utf8'))) failed.push(name)
    console.log(`      ${files.length - failed.length}/${files.length} identical`)
    checkAgainstKnown('math-frontmatter-corpus', failed)
  })

  it('every file in corpus/md with the extensions on', function () {
    const md = corpusFiles('md')
    if (!md) this.skip()
    const failed = []
    for (const {name, file} of md) if (!same(fs.readFileSync(file, 'utf8'))) failed.push(name)
    console.log(`      ${md.length - failed.length}/${md.length} identical`)
    checkAgainstKnown('math-frontmatter-corpus-md', failed)
  })

  it('with math and frontmatter off, `$` and fences are plain Markdown', () => {
    const off = {format: 'md', gfm: false, math: false, frontmatter: false}
    const tree = mdx.parse('---\na\n---\n$b$', off)
    assert.deepEqual(tree.children.map((n) => n.type), ['thematicBreak', 'heading', 'paragraph'])
    assert.equal(tree.children[2].children[0].value, '$b$')
  })

  it('toHtml: math as mdast-util-to-hast renders it, frontmatter not at all', () => {
    const html = mdx.toHtml('---\na: 1\n---\n$$ m\na < b\n$$\n\nc $d & e$ f', options)
    assert.equal(
      html,
      '<pre><code class="language-math math-display">a &lt; b</code></pre>\n' +
        '<p>c <code class="language-math math-inline">d &amp; e</code> f</p>'
    )
  })

  it('decode(parseToBuffer(x)) equals parse(x), meta included', () => {
    for (const source of Object.values(cases)) {
      const buffer = mdx.parseToBuffer(source, options)
      assert.deepEqual(mdx.decode(buffer), mdx.parse(source, options))
      mdx.dispose(buffer)
    }
  })

  it('linear time on `$` runs', () => {
    const n = 20000
    let source = ''
    for (let i = 1; i <= n; i++) source += '$'.repeat(i % 200 + 1) + ' a '
    const t0 = process.hrtime.bigint()
    mdx.parse(source, options)
    const ms = Number(process.hrtime.bigint() - t0) / 1e6
    assert.ok(ms < 2000, `took ${ms} ms`)
  })
})
