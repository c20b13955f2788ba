'use strict'
// parse(), parseToBuffer(), dispose(): the core's OCP buffer and its memory handoff.

const binding = require('./binding.js')
const {checkSource, readOptions} = require('./options.js')
const {decodeBuffer} = require('./decode.js')
const {typeError} = require('./errors.js')

/**
 * Parses to the OCP binary AST, held in native memory (an external ArrayBuffer) that is
 * freed when the buffer is garbage-collected, or at once by dispose().
 * @param {string | Uint8Array} source
 * @param {object} [options]
 * @returns {ArrayBuffer}
 */
function parseToBuffer(source, options) {
  checkSource(source, 'parseToBuffer')
  const {bits} = readOptions(options, 'parseToBuffer')
  return binding.parse(source, bits)
}

/**
 * Parses to an mdast tree.
 * @param {string | Uint8Array} source
 * @param {object} [options]
 */
function parse(source, options) {
  checkSource(source, 'parse')
  const {bits, position} = readOptions(options, 'parse')
  // A V8-owned copy: decoded at once, it needs no finalizer (see docs/memory.md).
  const buffer = binding.parse(source, bits, true)
  try {
    return decodeBuffer(buffer, position, typeof source === 'string' ? source : null)
  } finally {
    binding.dispose(buffer)
  }
}

/**
 * Frees a buffer from parseToBuffer() now. The ArrayBuffer is detached, so no view can
 * read freed memory. Calling it again is harmless.
 * @param {ArrayBuffer | ArrayBufferView} buffer
 */
function dispose(buffer) {
  if (ArrayBuffer.isView(buffer)) buffer = buffer.buffer
  if (!(buffer instanceof ArrayBuffer)) {
    throw typeError(`dispose(buffer): buffer must be an ArrayBuffer from parseToBuffer(), got ${buffer === null ? 'null' : typeof buffer}`)
  }
  binding.dispose(buffer)
}

/** Native memory currently held by undisposed, uncollected buffers (for diagnostics). */
function memoryStats() {
  return binding.stats()
}

module.exports = {parse, parseToBuffer, dispose, memoryStats}
