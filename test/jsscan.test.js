'use strict'
// The lexical JS scanner (src/jsscan.c, through build-c/mdx-jsscan) must end MDX
// expressions where micromark + micromark-extension-mdxjs (acorn + acorn-jsx) ends them,
// on seeded random expressions (test/helpers/random-js.js) fed line by line and byte by
// byte, and on the expressions and ESM blocks of the corpus when it is there.
const path = require('node:path')
const {execFileSync} = require('node:child_process')
const assert = require('node:assert')
const {randomJsSamples} = require('./helpers/random-js.js')

const SEEDS = [1, 2]
const PER_SEED = 300

describe('jsscan: expression ends like micromark + acorn', function () {
  this.timeout(120000)
  let tool
  before(async () => {
    // `npm test` runs `make -C src test`, which does not build the tools.
    execFileSync('make', ['-s', '-C', path.join(__dirname, '..', 'src'), 'tools'])
    tool = await import('./tools/compare-jsscan.mjs')
  })

  function check(result, label) {
    const shown = result.differences
      .slice(0, 5)
      .map((d) => `${JSON.stringify(d.sample)}: reference ${d.expected}, ours ${d.got}`)
    assert.deepStrictEqual(shown, [], label)
    assert.strictEqual(result.identical, result.total, label)
  }

  for (const seed of SEEDS) {
    it(`random expressions, seed ${seed}, line by line and byte by byte`, () => {
      const samples = randomJsSamples(seed, PER_SEED)
      const expected = samples.map(tool.reference)
      check(tool.compare(samples, [], expected), `seed ${seed}, lines`)
      check(tool.compare(samples, ['--bytes'], expected), `seed ${seed}, bytes`)
    })
  }

  it('corpus expressions and ESM blocks', function () {
    const {expressions, esm} = tool.corpusSamples()
    if (expressions.length === 0 && esm.length === 0) this.skip()
    check(tool.compare(expressions), 'corpus expressions')
    check(tool.compareEsm(esm), 'corpus ESM blocks')
  })
})
