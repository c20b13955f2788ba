'use strict'
// toHtml(): rendered in C, safe by default (micromark's allowDangerous* options).

const binding = require('./binding.js')
const {checkSource, readOptions} = require('./options.js')

/**
 * @param {string | Uint8Array} source
 * @param {object} [options]
 * @returns {string}
 */
function toHtml(source, options) {
  checkSource(source, 'toHtml')
  const {bits} = readOptions(options, 'toHtml')
  return binding.toHtml(source, bits)
}

module.exports = {toHtml}
