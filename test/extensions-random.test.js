'use strict'
// 2,000 seeded random documents mixing CommonMark with GFM (tables, strikethrough, task
// list items, autolink literals, footnotes), math and frontmatter
// (test/helpers/random-extensions.js), each parsed as Markdown with every extension on:
// parse() must deep-equal mdast-util-from-markdown with the extensions (positions
// included) and toHtml() must equal micromark's HTML with the GFM and frontmatter HTML
// extensions (math off for HTML: micromark renders math with KaTeX, omni-mdx as
// mdast-util-math's hast; docs/differences.md).
const assert = require('node:assert/strict')
const {isDeepStrictEqual} = require('node:util')
const mdx = require('..')
const {randomExtended} = require('./helpers/random-extensions.js')
const reference = require('./helpers/reference.js')

const DOCUMENTS = 2000
const options = {format: 'md', gfm: true, math: true, frontmatter: true}
const htmlOptions = {...options, math: false}
const plain = (tree) => JSON.parse(JSON.stringify(tree))

describe(`random documents with the Markdown extensions (${DOCUMENTS}, seeded)`, () => {
  let ref
  before(async () => {
    ref = await reference.load()
  })

  it('trees deep-equal mdast-util-from-markdown with gfm, math, frontmatter', () => {
    const failed = []
    for (let seed = 1; seed <= DOCUMENTS; seed++) {
      const source = randomExtended(seed)
      if (!isDeepStrictEqual(plain(mdx.parse(source, options)), plain(ref.tree(source, options)))) failed.push(seed)
    }
    console.log(`      trees: ${DOCUMENTS - failed.length}/${DOCUMENTS} identical`)
    assert.deepEqual(failed, [], `seeds whose tree differs: ${failed.slice(0, 20).join(', ')}`)
  })

  it('HTML equals micromark with gfmHtml, frontmatterHtml', () => {
    const failed = []
    for (let seed = 1; seed <= DOCUMENTS; seed++) {
      const source = randomExtended(seed)
      if (mdx.toHtml(source, htmlOptions) !== ref.html(source, htmlOptions)) failed.push(seed)
    }
    console.log(`      HTML: ${DOCUMENTS - failed.length}/${DOCUMENTS} identical`)
    assert.deepEqual(failed, [], `seeds whose HTML differs: ${failed.slice(0, 20).join(', ')}`)
  })
})
