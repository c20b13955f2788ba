'use strict'
// The memory handoff (docs/memory.md): dropping thousands of ~1 MB OCP buffers without
// dispose(), gc() or yielding must keep RSS bounded, because Node 20 runs external
// ArrayBuffer finalizers only when the event loop turns. Each mode runs in a child
// process so RSS is measured alone.
const assert = require('node:assert/strict')
const {execFileSync} = require('node:child_process')
const path = require('node:path')

const script = path.join(__dirname, 'fixtures', 'memory-loop.js')
const ITERATIONS = 2000
// What would be held if nothing were freed is ITERATIONS x ~1 MB = ~2 GB; a bounded
// handoff stays near the external budget (64 MiB) plus V8's own slack.
const LIMIT = 400 * 1024 * 1024

function run(mode) {
  const out = execFileSync(process.execPath, [script, mode, String(ITERATIONS)], {encoding: 'utf8'})
  return JSON.parse(out)
}

describe('memory handoff: RSS stays bounded', function () {
  this.timeout(600000)
  for (const mode of ['sync', 'await', 'dispose']) {
    it(`${mode} loop of ${ITERATIONS} x ~1 MB buffers`, () => {
      const r = run(mode)
      const grew = r.peak - r.baseline
      const dropped = r.size * r.iterations
      console.log(`      ${mode}: buffer ${(r.size / 1e6).toFixed(2)} MB, ${(dropped / 1e9).toFixed(2)} GB dropped, RSS grew ${(grew / 1e6).toFixed(0)} MB, outstanding native ${(r.stats.outstandingBytes / 1e6).toFixed(0)} MB, copies ${r.stats.copies}`)
      assert.ok(r.size > 500000, 'the buffers are ~1 MB class')
      assert.ok(grew < LIMIT, `RSS grew by ${grew} bytes`)
      assert.ok(r.stats.outstandingBytes <= r.stats.budgetBytes)
      if (mode === 'dispose') assert.equal(r.stats.outstandingBytes, 0)
    })
  }
})
