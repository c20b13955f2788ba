'use strict'
// The public API's contract: argument checks, options, buffers and dispose().
const assert = require('node:assert/strict')
const mdx = require('..')

const md = {format: 'md'}

describe('API: arguments', () => {
  for (const fn of ['parse', 'parseToBuffer', 'toHtml']) {
    it(`${fn} rejects a non-source with a TypeError`, () => {
      for (const bad of [undefined, null, 42, {}, [], () => {}, new ArrayBuffer(2), Symbol('x'), 10n]) {
        assert.throws(() => mdx[fn](bad, md), (e) => e instanceof TypeError && /source must be a string, Buffer or Uint8Array/.test(e.message) && e.code === 'ERR_INVALID_ARG_TYPE')
      }
    })
    it(`${fn} rejects bad options`, () => {
      assert.throws(() => mdx[fn]('a', 'md'), TypeError)
      assert.throws(() => mdx[fn]('a', [1]), TypeError)
      assert.throws(() => mdx[fn]('a', {format: 'markdown'}), (e) => e instanceof RangeError && /'mdx' or 'md'/.test(e.message))
      assert.throws(() => mdx[fn]('a', {format: 1}), TypeError)
      for (const name of ['gfm', 'math', 'frontmatter', 'position', 'allowDangerousHtml', 'allowDangerousProtocol']) {
        assert.throws(() => mdx[fn]('a', {format: 'md', [name]: 'yes'}), (e) => e instanceof TypeError && e.message.includes(`options.${name}`))
      }
    })
    it(`${fn} reads MDX by default (format: 'mdx')`, () => {
      assert.doesNotThrow(() => mdx[fn]('a {b} <c />'))
      assert.doesNotThrow(() => mdx[fn]('a {b} <c />', {format: 'mdx'}))
    })
  }
  it('accepts strings, Buffers and Uint8Arrays alike', () => {
    const fromString = mdx.parse('a *b*', md)
    assert.deepEqual(mdx.parse(Buffer.from('a *b*'), md), fromString)
    assert.deepEqual(mdx.parse(new Uint8Array(Buffer.from('a *b*')), md), fromString)
    // A view into the middle of a larger buffer.
    const big = Buffer.from('xxa *b*yy')
    assert.deepEqual(mdx.parse(big.subarray(2, 7), md), fromString)
  })
  it('position: false leaves positions out', () => {
    const tree = mdx.parse('a\n\nb', {...md, position: false})
    assert.deepEqual(tree, {
      type: 'root',
      children: [
        {type: 'paragraph', children: [{type: 'text', value: 'a'}]},
        {type: 'paragraph', children: [{type: 'text', value: 'b'}]}
      ]
    })
  })
  it('empty input gives an empty root', () => {
    const point = {line: 1, column: 1, offset: 0}
    assert.deepEqual(mdx.parse('', md), {type: 'root', children: [], position: {start: point, end: point}})
    assert.deepEqual(mdx.parse(Buffer.alloc(0), md), mdx.parse('', md))
    assert.equal(mdx.toHtml('', md), '')
  })
})

describe('API: buffers and dispose()', () => {
  const sample = 'A paragraph.\n\nAnother one.\n'
  it('decode(parseToBuffer(x)) equals parse(x)', () => {
    const buffer = mdx.parseToBuffer(sample, md)
    assert.ok(buffer instanceof ArrayBuffer)
    assert.deepEqual(mdx.decode(buffer), mdx.parse(sample, md))
    assert.deepEqual(mdx.decode(new Uint8Array(buffer)), mdx.parse(sample, md))
    assert.deepEqual(mdx.decode(buffer, {position: false}), mdx.parse(sample, {...md, position: false}))
    mdx.dispose(buffer)
  })
  it('the buffer starts with OMNI and the version byte', () => {
    const bytes = new Uint8Array(mdx.parseToBuffer(sample, md))
    assert.equal(Buffer.from(bytes.subarray(0, 4)).toString('latin1'), 'OMNI')
    assert.equal(bytes[4], 1)
    // payload size (bytes 8..11, little-endian) + 48-byte header = whole buffer
    assert.equal(bytes[8] | (bytes[9] << 8) | (bytes[10] << 16) | (bytes[11] << 24), bytes.byteLength - 48)
  })
  it('dispose() detaches and frees at once; twice is harmless', () => {
    const before = mdx.memoryStats().outstandingBytes
    const buffer = mdx.parseToBuffer(sample, md)
    const size = buffer.byteLength
    const view = new Uint8Array(buffer)
    assert.ok(size > 0)
    assert.equal(mdx.memoryStats().outstandingBytes, before + size)
    mdx.dispose(buffer)
    assert.equal(buffer.byteLength, 0)
    assert.equal(view.length, 0, 'views see a detached buffer, not freed memory')
    assert.equal(mdx.memoryStats().outstandingBytes, before)
    mdx.dispose(buffer)
    mdx.dispose(view)
    assert.throws(() => mdx.decode(buffer), (e) => e.code === 'ERR_OMNI_MDX_OCP' && /empty buffer/.test(e.message))
  })
  it('dispose() refuses buffers it did not make', () => {
    assert.throws(() => mdx.dispose(new ArrayBuffer(8)), (e) => e instanceof TypeError && /parseToBuffer/.test(e.message))
    assert.throws(() => mdx.dispose(Buffer.from('OMNI')), TypeError)
    assert.throws(() => mdx.dispose('x'), TypeError)
    assert.throws(() => mdx.dispose(), TypeError)
  })
  it('a copy of an OCP buffer decodes the same (it is self-contained)', () => {
    const buffer = mdx.parseToBuffer(sample, md)
    const copy = new Uint8Array(buffer).slice()
    mdx.dispose(buffer)
    assert.deepEqual(mdx.decode(copy), mdx.parse(sample, md))
  })
})
