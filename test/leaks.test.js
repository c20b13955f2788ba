'use strict'
// No leaks: 100,000 parse/decode/dispose cycles and 100,000 parse() cycles over spec
// examples and corpus documents keep RSS and V8's `external` memory flat after warm-up.
// Each runs in a child process; the samples are taken every 5,000 cycles.
const assert = require('node:assert/strict')
const {execFileSync} = require('node:child_process')
const path = require('node:path')

const script = path.join(__dirname, 'fixtures', 'leak-loop.js')
const CYCLES = 100000
// A leak of even 100 bytes a cycle would add 9 MB over the measured 90,000 cycles.
const DRIFT = 8 * 1024 * 1024

describe('leaks: memory stays flat over 100,000 cycles', function () {
  for (const mode of ['cycle', 'parse']) {
    it(mode === 'cycle' ? 'parseToBuffer + decode + dispose' : 'parse() to a tree', function () {
      this.timeout(600000)
      const {samples} = JSON.parse(execFileSync(process.execPath, [script, mode, String(CYCLES)], {encoding: 'utf8'}))
      const first = samples[0]
      // The minimum over the last quarter filters out garbage not yet collected.
      const tail = samples.slice(Math.floor(samples.length * 0.75))
      const rss = Math.min(...tail.map((s) => s.rss)) - first.rss
      const external = Math.min(...tail.map((s) => s.external)) - first.external
      console.log(`      RSS drift ${(rss / 1e6).toFixed(1)} MB, external drift ${(external / 1e6).toFixed(1)} MB over ${samples.length} samples`)
      assert.ok(rss < DRIFT, `RSS grew by ${rss} bytes`)
      assert.ok(external < DRIFT, `external memory grew by ${external} bytes`)
    })
  }
})
