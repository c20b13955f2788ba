'use strict'
// parse(x, {format: 'md'}) with extensions off must deep-equal mdast-util-from-markdown(x):
// every node, field and position, on all CommonMark spec examples and on the corpus.
const assert = require('node:assert/strict')
const fs = require('node:fs')
const {isDeepStrictEqual} = require('node:util')
const {examples} = require('./helpers/spec.js')
const mdx = require('..')
const {checkAgainstKnown} = require('./helpers/known-failures.js')
const {corpusFiles} = require('./helpers/corpus.js')

const options = {format: 'md', gfm: false, math: false, frontmatter: false}
let fromMarkdown

/** JSON round trip: the reference leaves no undefined fields, and neither should we. */
const plain = (tree) => JSON.parse(JSON.stringify(tree))

function same(source) {
  return isDeepStrictEqual(mdx.parse(source, options), plain(fromMarkdown(source)))
}

describe('mdast: same trees as mdast-util-from-markdown', function () {
  before(async () => {
    ;({fromMarkdown} = await import('mdast-util-from-markdown'))
  })

  it(`all ${examples.length} CommonMark spec examples`, () => {
    const failed = []
    for (const test of examples) if (!same(test.markdown)) failed.push(test.number)
    console.log(`      ${examples.length - failed.length}/${examples.length} identical`)
    checkAgainstKnown('mdast-spec', failed)
  })

  const files = corpusFiles('md')
  it(`every file in corpus/md${files ? ` (${files.length})` : ' (absent: skipped)'}`, function () {
    if (!files) this.skip()
    const failed = []
    for (const {name, file} of files) if (!same(fs.readFileSync(file, 'utf8'))) failed.push(name)
    console.log(`      ${files.length - failed.length}/${files.length} identical`)
    checkAgainstKnown('mdast-corpus-md', failed)
  })

  it('decode(parseToBuffer(x)) equals parse(x) on every spec example', () => {
    let same = 0
    for (const test of examples) {
      const buffer = mdx.parseToBuffer(test.markdown, options)
      if (isDeepStrictEqual(mdx.decode(buffer), mdx.parse(test.markdown, options))) same++
      mdx.dispose(buffer)
    }
    assert.equal(same, examples.length)
  })

  it('a hand-checked tree: positions in UTF-16 code units, CRLF and a BOM', () => {
    // BOM dropped (offsets start after it); the emoji is 2 UTF-16 units; CRLF is 2.
    const tree = mdx.parse('\uFEFF\u{1F600} a\r\nb', options)
    assert.deepEqual(tree.children[0].children[0], {
      type: 'text',
      value: '\u{1F600} a\r\nb',
      position: {start: {line: 1, column: 1, offset: 0}, end: {line: 2, column: 2, offset: 7}}
    })
  })
})
