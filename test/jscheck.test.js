'use strict'
// The JavaScript syntax checker (src/jscheck.c, through build-c/mdx-jscheck) must accept
// and reject what acorn + acorn-jsx accept and reject as micromark-extension-mdxjs runs
// them, at acorn's error position: on the corpus expressions, spreads and ESM blocks, on
// a sample of the JavaScript files under node_modules and line windows cut from them
// (as they are and mutated), on random token soup, on the hand-written edge cases,
// on seeded random expressions and on seeded random mutations of valid snippets
// (test/tools/compare-jscheck.mjs). Valid inputs must all be accepted; error positions
// must all agree (no known failures: any difference fails).
const path = require('node:path')
const {execFileSync} = require('node:child_process')
const {readFileSync} = require('node:fs')
const assert = require('node:assert')

describe('jscheck: JavaScript verdicts like acorn', function () {
  this.timeout(120000)
  let tool
  before(async () => {
    // `npm test` runs `make -C src test`, which does not build the tools.
    execFileSync('make', ['-s', '-C', path.join(__dirname, '..', 'src'), 'tools'])
    tool = await import('./tools/compare-jscheck.mjs')
  })

  function check(result, label) {
    assert.strictEqual(result.validAgree, result.validTotal, label + ': valid input rejected')
    const shown = result.differences.slice(0, 5).map((d) =>
      `${JSON.stringify(d.value.slice(0, 200))} [${d.goal}]: acorn ${JSON.stringify(d.expected)}, ours ${JSON.stringify(d.got)}`)
    assert.deepStrictEqual(shown, [], label)
    assert.strictEqual(result.identical, result.total, label)
  }

  it('corpus expressions, spreads and ESM blocks', async () => {
    const c = await tool.corpusSamples()
    check(tool.compare(c.expression, 'expression'), 'corpus expressions')
    check(tool.compare(c.spread, 'spread'), 'corpus spreads')
    check(tool.compare(c.module, 'module', c.modulePre), 'corpus ESM blocks')
  })

  it('node_modules files as modules (every 4th file)', () => {
    const files = tool.nodeModulesFiles().filter((_, i) => i % 4 === 0)
    const values = files.map((f) => readFileSync(f, 'utf8'))
    check(tool.compare(values, 'module'), 'node_modules')
  })

  it('line windows of node_modules files, as they are and mutated', () => {
    const sources = tool.nodeModulesFiles().filter((_, i) => i % 3 === 0)
      .map((f) => readFileSync(f, 'utf8')).filter((v) => v.length < 200000)
    const w = tool.windows(sources, 1, 1500)
    check(tool.compare(w, 'module'), 'windows as modules')
    check(tool.compare(w, 'expression'), 'windows as expressions')
    check(tool.compare(tool.mutations(w.filter((v) => v.length < 3000), 1, 1500), 'module'), 'mutated windows')
  })

  it('edge cases as expressions, spreads and modules', () => {
    check(tool.compare(tool.EDGE_CASES, 'expression'), 'edge cases (expression)')
    check(tool.compare(tool.EDGE_CASES, 'module'), 'edge cases (module)')
    check(tool.compare(tool.EDGE_CASES, 'spread'), 'edge cases (spread)')
  })

  it('token soup as expressions, spreads and modules', () => {
    const t = tool.soup(1, 3000)
    check(tool.compare(t, 'expression'), 'soup (expression)')
    check(tool.compare(t, 'spread'), 'soup (spread)')
    check(tool.compare(t, 'module'), 'soup (module)')
  })

  for (const seed of [1, 2]) {
    it(`random expressions and mutations, seed ${seed}`, () => {
      check(tool.compare(tool.randomSamples(seed, 1000), 'expression'), `random, seed ${seed}`)
      const snippets = tool.EDGE_CASES.filter((s) => tool.reference(s, 'module').ok)
        .concat(tool.randomSamples(seed + 100, 200).filter((s) => tool.reference(s).ok))
      const m = tool.mutations(snippets, seed, 2000)
      check(tool.compare(m, 'expression'), `mutations as expressions, seed ${seed}`)
      check(tool.compare(m, 'module'), `mutations as modules, seed ${seed}`)
    })
  }
})
