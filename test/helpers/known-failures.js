'use strict'
// Conformance cases that fail today and are tracked as bugs (test/known-failures.json).
// A suite fails on any failure not listed here, and also when a listed case passes, so
// the list can only shrink and stays true.
const assert = require('node:assert/strict')
const known = require('../known-failures.json')

/**
 * @param {string} suite key in known-failures.json
 * @param {Array<string|number>} failed ids that failed in this run
 * @param {string} [prefix] when several tests share a suite's list: only listed ids
 *   starting with this prefix belong to this test
 */
function checkAgainstKnown(suite, failed, prefix) {
  const mine = (known[suite] || []).filter((id) => prefix === undefined || String(id).startsWith(prefix))
  const listed = new Set(mine)
  const unexpected = failed.filter((id) => !listed.has(id))
  const fixed = [...listed].filter((id) => !failed.includes(id))
  assert.deepEqual(unexpected, [], `${suite}: new failures (not in test/known-failures.json)`)
  assert.deepEqual(fixed, [], `${suite}: these now pass; remove them from test/known-failures.json`)
}

module.exports = {checkAgainstKnown}
