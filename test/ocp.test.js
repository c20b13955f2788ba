'use strict'
// decode() validates: truncated, corrupted or foreign buffers throw an Error naming what
// is wrong (code ERR_OMNI_MDX_OCP) and never crash, hang or read out of bounds.
const assert = require('node:assert/strict')
const mdx = require('..')

const sample = 'Heading\n=======\n\n> quote with *emphasis* and `code`\n\n1. one\n2. two\n\n    indented\n\n[link](/url "title") \u00e9\u{1F600}\n\n| a | b |\n| :- | -: |\n| c |\n'
const md = {format: 'md'}

/** Deterministic PRNG (mulberry32) so failures reproduce. */
function prng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** decode must either return a root or throw our OCP error — nothing else. */
function decodeOrOcpError(bytes) {
  try {
    const tree = mdx.decode(bytes)
    assert.equal(tree.type, 'root')
    return 'decoded'
  } catch (error) {
    if (error.code !== 'ERR_OMNI_MDX_OCP') throw error
    assert.match(error.message, /^omni-mdx: invalid OCP buffer: /)
    return 'rejected'
  }
}

describe('OCP: decode() validates its input', () => {
  let good
  before(() => {
    const buffer = mdx.parseToBuffer(sample, md)
    good = new Uint8Array(buffer).slice()
    mdx.dispose(buffer)
  })

  it('rejects every truncation with a clear error', () => {
    for (let length = 0; length < good.length; length++) {
      assert.throws(() => mdx.decode(good.slice(0, length)), (e) => e.code === 'ERR_OMNI_MDX_OCP', `length ${length}`)
    }
  })

  it('rejects foreign buffers: wrong magic, version, garbage', () => {
    assert.throws(() => mdx.decode(Buffer.from('PK\u0003\u0004 not ours at all, no no no no no no no no no no no')), /missing the OMNI magic/)
    const wrongVersion = good.slice()
    wrongVersion[4] = 99
    assert.throws(() => mdx.decode(wrongVersion), /version 99 is not supported/)
    assert.throws(() => mdx.decode(new Uint8Array(3)), /empty|truncated|magic/)
    assert.throws(() => mdx.decode('OMNI'), TypeError)
  })

  it('survives 5,000 random byte mutations (each decodes or is rejected)', () => {
    const random = prng(2026)
    const outcome = {decoded: 0, rejected: 0}
    for (let i = 0; i < 5000; i++) {
      const bytes = good.slice()
      const flips = 1 + Math.floor(random() * 4)
      for (let f = 0; f < flips; f++) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256)
      outcome[decodeOrOcpError(bytes)]++
    }
    console.log(`      decoded ${outcome.decoded}, rejected ${outcome.rejected}`)
    assert.ok(outcome.rejected > 0)
  })

  it('survives mutations of each header word and node word', () => {
    const words = new Uint32Array(good.buffer.slice(0))
    const nodesEnd = words[5] / 4
    for (let w = 0; w < nodesEnd; w++) {
      for (const value of [0, 1, 0xffff, 0x7fffffff, 0xffffffff, words[w] + 1, words[w] ^ 0x300]) {
        const copy = new Uint32Array(words)
        copy[w] = value
        decodeOrOcpError(new Uint8Array(copy.buffer))
      }
    }
  })

  it('a table column count asking for more words than are left is rejected', () => {
    const buffer = mdx.parseToBuffer('| a | b |\n| :- | -: |', md)
    const words = new Uint32Array(new Uint8Array(buffer).slice().buffer)
    mdx.dispose(buffer)
    const table = 12 + 2 // after the root record: the table's word 0, start, column count
    assert.equal(words[table] & 0xff, 21)
    assert.equal(words[table + 2], 2)
    assert.equal(words[table + 3], 1 | (2 << 2)) // left, right
    for (const count of [0xffffffff, 0x7fffffff, 16 * 1000]) {
      const copy = new Uint32Array(words)
      copy[table + 2] = count
      assert.throws(() => mdx.decode(new Uint8Array(copy.buffer)), /a table of \d+ columns needs more words than are left/)
    }
  })

  it('reads unaligned views by copying them', () => {
    const shifted = new Uint8Array(good.length + 1)
    shifted.set(good, 1)
    assert.deepEqual(mdx.decode(shifted.subarray(1)), mdx.decode(good))
  })

  it('an unknown node type names itself', () => {
    const words = new Uint32Array(good.buffer.slice(0))
    const firstChild = 12 + 2 + (((words[12] >>> 16) === 0xffff) ? 1 : 0) // after the root record
    words[firstChild] = (words[firstChild] & ~0xff) | 200
    assert.throws(() => mdx.decode(new Uint8Array(words.buffer)), /unknown node type 200/)
  })
})

describe('OCP: decode() validates MDX element records', () => {
  const source = 'import a from "b"\n\n<A.b c d="e &amp; f" g={h} {...i}>\n  x <y:z /> {j} <>k</>\n</A.b>\n\n{l}\n'
  let good
  before(() => {
    const buffer = mdx.parseToBuffer(source)
    good = new Uint8Array(buffer).slice()
    mdx.dispose(buffer)
  })

  it('decodes names, attributes of every kind and their positions', () => {
    assert.deepEqual(mdx.decode(good), mdx.parse(source))
    const element = mdx.decode(good).children[1]
    assert.equal(element.name, 'A.b')
    assert.deepEqual(element.attributes.map((a) => [a.type, a.name, a.value]), [
      ['mdxJsxAttribute', 'c', null],
      ['mdxJsxAttribute', 'd', 'e & f'],
      ['mdxJsxAttribute', 'g', {type: 'mdxJsxAttributeValueExpression', value: 'h'}],
      ['mdxJsxExpressionAttribute', undefined, '...i']
    ])
  })

  it('rejects every truncation with a clear error', () => {
    for (let length = 0; length < good.length; length++) {
      assert.throws(() => mdx.decode(good.slice(0, length)), (e) => e.code === 'ERR_OMNI_MDX_OCP', `length ${length}`)
    }
  })

  it('survives 5,000 random byte mutations and mutations of each node word', () => {
    const random = prng(4)
    for (let i = 0; i < 5000; i++) {
      const bytes = good.slice()
      bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256)
      decodeOrOcpError(bytes)
    }
    const words = new Uint32Array(good.buffer.slice(0))
    const nodesEnd = words[5] / 4
    for (let w = 12; w < nodesEnd; w++) {
      for (const value of [0, 1, 3, 4, 0xffff, 0x7fffffff, 0xffffffff, words[w] + 1]) {
        const copy = new Uint32Array(words)
        copy[w] = value
        decodeOrOcpError(new Uint8Array(copy.buffer))
      }
    }
  })
})
