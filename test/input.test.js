'use strict'
// Bad bytes never fail a parse: they become U+FFFD as the reference (via TextDecoder)
// makes them, and positions stay in UTF-16 units of the decoded text.
const assert = require('node:assert/strict')
const mdx = require('..')

const md = {format: 'md', gfm: false, math: false, frontmatter: false}
let fromMarkdown

describe('input: encodings and line endings', () => {
  before(async () => {
    ;({fromMarkdown} = await import('mdast-util-from-markdown'))
  })
  const plain = (tree) => JSON.parse(JSON.stringify(tree))

  const buffers = {
    'a lone continuation byte': [0x61, 0x80, 0x62],
    'a truncated 3-byte sequence': [0x61, 0xe2, 0x82, 0x62],
    'an overlong encoding': [0xc0, 0xaf, 0x61],
    'a UTF-16 surrogate encoded in UTF-8': [0xed, 0xa0, 0x80, 0x61],
    'a code point past U+10FFFF': [0xf4, 0x90, 0x80, 0x80],
    'a leading BOM': [0xef, 0xbb, 0xbf, 0x61, 0x62],
    'NUL bytes': [0x61, 0x00, 0x62, 0x00],
    'a 4-byte character': [0xf0, 0x9f, 0x98, 0x80, 0x61]
  }
  for (const [name, bytes] of Object.entries(buffers)) {
    it(`Buffer with ${name} parses like the reference`, () => {
      const buffer = Buffer.from(bytes)
      assert.deepEqual(mdx.parse(buffer, md), plain(fromMarkdown(buffer)))
    })
  }

  it('invalid UTF-8 becomes U+FFFD in text (one per maximal subpart)', () => {
    const tree = mdx.parse(Buffer.from([0x61, 0xe2, 0x82, 0x62, 0xff]), md)
    assert.equal(tree.children[0].children[0].value, 'a\uFFFDb\uFFFD')
  })

  it('NUL becomes U+FFFD, in strings too', () => {
    assert.equal(mdx.parse('x\0y', md).children[0].children[0].value, 'x\uFFFDy')
  })

  it('lone surrogates in a JS string survive in text values, as in the reference', () => {
    const source = 'a\uD800b'
    assert.deepEqual(mdx.parse(source, md), plain(fromMarkdown(source)))
  })

  for (const [name, eol] of Object.entries({LF: '\n', CRLF: '\r\n', CR: '\r'})) {
    it(`${name} line endings: same tree as the reference`, () => {
      const source = ['one', 'two', '', 'three'].join(eol)
      assert.deepEqual(mdx.parse(source, md), plain(fromMarkdown(source)))
    })
  }
})
