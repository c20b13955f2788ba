'use strict'
// toHtml(x, options) must be byte-identical to micromark(x, options): the same markup,
// the same line endings (copied from the source, or added in the document's own style),
// none added after a document that does not end with one. Checked on the CommonMark spec
// examples in the four safety modes, on the corpus, and on seeded random documents.
const fs = require('node:fs')
const {examples} = require('./helpers/spec.js')
const mdx = require('..')
const {checkAgainstKnown} = require('./helpers/known-failures.js')
const {corpusFiles} = require('./helpers/corpus.js')
const {randomMarkdown} = require('./helpers/random-markdown.js')

const md = {format: 'md', gfm: false, math: false, frontmatter: false}
const modes = [
  {name: 'default', options: {}},
  {name: 'allowDangerousHtml', options: {allowDangerousHtml: true}},
  {name: 'allowDangerousProtocol', options: {allowDangerousProtocol: true}},
  {name: 'both', options: {allowDangerousHtml: true, allowDangerousProtocol: true}}
]
const RANDOM_SEEDS = 300

// Image alt text: micromark prints the label's content with tags dropped, so line
// endings after hard breaks stay, code span line endings become spaces and raw HTML is
// passed through when allowed; mdast's alt (all the tree keeps) is the label's plain text.
const edges = ['![a\\\nb](u)', '![a  \nb](u)', '![`a\nb`](u)', '![a <b> c](u)']

describe('HTML: byte-identical to micromark', function () {
  let micromark
  before(async () => {
    ;({micromark} = await import('micromark'))
  })

  const same = (source, options) => mdx.toHtml(source, {...md, ...options}) === micromark(source, options)

  for (const {name, options} of modes) {
    it(`all ${examples.length} CommonMark spec examples (${name})`, () => {
      const failed = []
      for (const test of examples) if (!same(test.markdown, options)) failed.push(`${name}:${test.number}`)
      console.log(`      ${examples.length - failed.length}/${examples.length} identical`)
      checkAgainstKnown('html-micromark', failed, `${name}:`)
    })
  }

  const files = corpusFiles('md')
  it(`every file in corpus/md${files ? ` (${files.length})` : ' (absent: skipped)'}, default and allowDangerousHtml`, function () {
    if (!files) this.skip()
    const failed = []
    for (const {name, file} of files) {
      const source = fs.readFileSync(file, 'utf8')
      if (!same(source, {})) failed.push(`corpus:${name}`)
      if (!same(source, {allowDangerousHtml: true})) failed.push(`corpus-dangerous:${name}`)
    }
    console.log(`      ${files.length * 2 - failed.length}/${files.length * 2} identical`)
    checkAgainstKnown('html-micromark', failed, 'corpus')
  })

  it(`${RANDOM_SEEDS} seeded random documents, default and allowDangerousHtml`, () => {
    const failed = []
    for (let seed = 1; seed <= RANDOM_SEEDS; seed++) {
      const source = randomMarkdown(seed)
      if (!same(source, {})) failed.push(`random:${seed}`)
      if (!same(source, {allowDangerousHtml: true})) failed.push(`random-dangerous:${seed}`)
    }
    console.log(`      ${RANDOM_SEEDS * 2 - failed.length}/${RANDOM_SEEDS * 2} identical`)
    checkAgainstKnown('html-micromark', failed, 'random')
  })

  it(`image alt edge cases (${edges.length}), default and allowDangerousHtml`, () => {
    const failed = []
    for (const source of edges) {
      if (!same(source, {})) failed.push(`alt:${JSON.stringify(source)}`)
      if (!same(source, {allowDangerousHtml: true})) failed.push(`alt-dangerous:${JSON.stringify(source)}`)
    }
    console.log(`      ${edges.length * 2 - failed.length}/${edges.length * 2} identical`)
    checkAgainstKnown('html-micromark', failed, 'alt')
  })
})
