'use strict'
// Argument validation shared by every entry point: wrong types throw before any work.

const {typeError, rangeError} = require('./errors.js')

// Must match the MDX_OPT_* bits in src/mdx.h.
const BITS = {
  mdx: 1 << 0,
  gfm: 1 << 1,
  math: 1 << 2,
  frontmatter: 1 << 3,
  allowDangerousHtml: 1 << 4,
  allowDangerousProtocol: 1 << 5
}

const BOOLEAN_OPTIONS = ['gfm', 'math', 'frontmatter', 'position', 'allowDangerousHtml', 'allowDangerousProtocol']
const DEFAULTS = {
  gfm: true,
  math: true,
  frontmatter: true,
  position: true,
  allowDangerousHtml: false,
  allowDangerousProtocol: false
}

/**
 * @param {unknown} source
 * @param {string} fn name of the calling function, for messages
 */
function checkSource(source, fn) {
  if (typeof source === 'string' || source instanceof Uint8Array) return
  const got = source === null ? 'null' : Array.isArray(source) ? 'an array' : typeof source
  throw typeError(`${fn}(source): source must be a string, Buffer or Uint8Array, got ${got}`)
}

/**
 * Validates options; returns the core's option bits and the JS-side settings.
 * @param {unknown} options
 * @param {string} fn
 * @returns {{bits: number, position: boolean}}
 */
function readOptions(options, fn) {
  if (options === undefined || options === null) options = {}
  else if (typeof options !== 'object' || Array.isArray(options)) {
    throw typeError(`${fn}(source, options): options must be an object, got ${Array.isArray(options) ? 'an array' : typeof options}`)
  }
  const format = options.format === undefined ? 'mdx' : options.format
  if (typeof format !== 'string') {
    throw typeError(`${fn}: options.format must be 'mdx' or 'md', got ${typeof format}`)
  }
  if (format !== 'mdx' && format !== 'md') {
    throw rangeError(`${fn}: options.format must be 'mdx' or 'md', got '${format}'`)
  }
  const settings = {}
  for (const name of BOOLEAN_OPTIONS) {
    const value = options[name]
    if (value !== undefined && typeof value !== 'boolean') {
      throw typeError(`${fn}: options.${name} must be a boolean, got ${value === null ? 'null' : typeof value}`)
    }
    settings[name] = value === undefined ? DEFAULTS[name] : value
  }
  let bits = format === 'mdx' ? BITS.mdx : 0
  for (const name of ['gfm', 'math', 'frontmatter', 'allowDangerousHtml', 'allowDangerousProtocol']) {
    if (settings[name]) bits |= BITS[name]
  }
  return {bits, position: settings.position}
}

module.exports = {checkSource, readOptions, BITS}
