'use strict'
// Hostile arguments that could bring a process down run in child processes, so a crash
// would show as a failed probe instead of killing the suite.
const assert = require('node:assert/strict')
const {execFileSync} = require('node:child_process')
const path = require('node:path')

const root = path.join(__dirname, '..')

/** Runs `body` in a child with `mdx` bound; returns what it printed (JSON). */
function probe(body) {
  const code = `const mdx = require(${JSON.stringify(root)}); const md = {format: 'md'};\n${body}`
  const out = execFileSync(process.execPath, ['-e', code], {encoding: 'utf8', maxBuffer: 1 << 26})
  return JSON.parse(out)
}

describe('bad input: huge and boundary arguments (child processes)', function () {
  this.timeout(300000)

  it('a 100 MB string parses to a tree and HTML', () => {
    const r = probe(`
      const s = 'word '.repeat(20e6)
      const tree = mdx.parse(s, {...md, position: false})
      const html = mdx.toHtml(s, md)
      console.log(JSON.stringify({type: tree.type, kids: tree.children.length, textLength: tree.children[0].children[0].value.length, html: html.length}))`)
    // One paragraph; its text has the trailing space trimmed; HTML adds <p></p>.
    assert.deepEqual(r, {type: 'root', kids: 1, textLength: 100e6 - 1, html: 100e6 - 1 + 7})
  })

  it('a 100 MB Buffer of invalid UTF-8 parses (every byte becomes U+FFFD)', () => {
    const r = probe(`
      const b = Buffer.alloc(100e6, 0xff)
      const buffer = mdx.parseToBuffer(b, md)
      const size = buffer.byteLength
      mdx.dispose(buffer)
      console.log(JSON.stringify({size, stats: mdx.memoryStats().outstandingBytes}))`)
    // 100e6 replacement characters of 3 bytes each are embedded as the source.
    assert.ok(r.size > 300e6 && r.size < 301e6, `size ${r.size}`)
    assert.equal(r.stats, 0)
  })

  it('many small buffers at once, then dispose of all of them', () => {
    const r = probe(`
      const list = []
      for (let i = 0; i < 20000; i++) list.push(mdx.parseToBuffer('# ' + i, md))
      for (const b of list) mdx.dispose(b)
      console.log(JSON.stringify(mdx.memoryStats()))`)
    assert.equal(r.outstandingBytes, 0)
    assert.ok(r.copies > 0, 'past 4,096 pending finalizers, results are copies')
  })

  it('views at the edges of their buffers', () => {
    const r = probe(`
      const b = Buffer.from('xx*a*')
      const empty = mdx.parse(b.subarray(5), md)
      const tail = mdx.parse(b.subarray(2), {...md, position: false})
      console.log(JSON.stringify({empty: empty.children.length, tail}))`)
    assert.deepEqual(r, {empty: 0, tail: {type: 'root', children: [{type: 'paragraph', children: [{type: 'emphasis', children: [{type: 'text', value: 'a'}]}]}]}})
  })

  it('header words at 32-bit boundaries are rejected, not trusted', () => {
    const r = probe(`
      const good = new Uint8Array(mdx.parseToBuffer('a *b* c', md)).slice()
      const results = []
      for (const word of [2, 3, 4, 5, 6, 7, 8, 9]) {
        for (const value of [0x7fffffff, 0x80000000, 0xfffffffc, 0xffffffff]) {
          const copy = new Uint32Array(good.buffer.slice(0))
          copy[word] = value
          try { mdx.decode(new Uint8Array(copy.buffer)); results.push('decoded') } catch (e) { results.push(e.code) }
        }
      }
      console.log(JSON.stringify(results))`)
    assert.ok(r.every((code) => code === 'ERR_OMNI_MDX_OCP'), JSON.stringify(r))
  })
})
