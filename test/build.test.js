'use strict'
// The addon and the C test build must compile the same core: binding.gyp lists every
// src/*.c file (src/Makefile takes them all by wildcard).
const assert = require('node:assert/strict')
const fs = require('node:fs')
const path = require('node:path')

describe('build', () => {
  it('binding.gyp lists exactly the core sources in src/', () => {
    const root = path.join(__dirname, '..')
    const gyp = JSON.parse(fs.readFileSync(path.join(root, 'binding.gyp'), 'utf8'))
    const listed = gyp.targets[0].sources.map((s) => s.replace(/^src\//, '')).sort()
    const onDisk = fs.readdirSync(path.join(root, 'src')).filter((f) => f.endsWith('.c')).sort()
    assert.deepEqual(listed, onDisk)
  })
})
