'use strict'
// toHtml with everything dangerous allowed must produce the CommonMark spec's HTML for
// every example, compared after the spec runner's normalisation (test/tools/normalize-html.js).
const {examples} = require('./helpers/spec.js')
const mdx = require('..')
const {normalizeHtml} = require('./tools/normalize-html.js')
const {checkAgainstKnown} = require('./helpers/known-failures.js')

const options = {
  format: 'md',
  gfm: false,
  math: false,
  frontmatter: false,
  allowDangerousHtml: true,
  allowDangerousProtocol: true
}

describe('HTML: CommonMark 0.31.2 spec examples', () => {
  it(`all ${examples.length} examples`, () => {
    const failed = []
    const sections = new Map()
    for (const test of examples) {
      const ok = normalizeHtml(mdx.toHtml(test.markdown, options)) === normalizeHtml(test.html)
      const s = sections.get(test.section) || {passed: 0, total: 0}
      s.total++
      if (ok) s.passed++
      else failed.push(test.number)
      sections.set(test.section, s)
    }
    for (const [name, s] of sections) console.log(`      ${name}: ${s.passed}/${s.total}`)
    console.log(`      ${examples.length - failed.length} passed, ${failed.length} failed`)
    checkAgainstKnown('html-spec', failed)
  })
})
