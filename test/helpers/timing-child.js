'use strict'
// Runs a timing script (test/fixtures/*-timing.js) in a child process whose malloc keeps
// freed memory for reuse (MALLOC_MMAP_THRESHOLD_ and friends): otherwise each 1 MB parse
// maps fresh pages and pays first-touch page faults that smaller parses, served from
// recycled heap memory, do not, and the ratio of the two jumps around (6-10x measured).
// A fresh process also leaves out whatever heap earlier tests left behind.
const {execFileSync} = require('node:child_process')

const env = {
  ...process.env,
  MALLOC_MMAP_THRESHOLD_: String(2 ** 31 - 1),
  MALLOC_TRIM_THRESHOLD_: String(2 ** 31 - 1),
  MALLOC_TOP_PAD_: String(256 * 1024 * 1024)
}

/** The JSON the script prints when run with `args`. */
function runTimingChild(script, args) {
  return JSON.parse(execFileSync(process.execPath, [script, ...args], {env, encoding: 'utf8', maxBuffer: 1 << 24}))
}

module.exports = {runTimingChild}
