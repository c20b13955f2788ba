'use strict'
// Error constructors with stable `code`s, so callers can tell our errors apart.

function withCode(error, code) {
  error.code = code
  return error
}

const typeError = (message) => withCode(new TypeError(`omni-mdx: ${message}`), 'ERR_INVALID_ARG_TYPE')
const rangeError = (message) => withCode(new RangeError(`omni-mdx: ${message}`), 'ERR_OUT_OF_RANGE')
const ocpError = (message) => withCode(new Error(`omni-mdx: invalid OCP buffer: ${message}`), 'ERR_OMNI_MDX_OCP')
const unsupportedError = (message) => withCode(new Error(`omni-mdx: ${message}`), 'ERR_OMNI_MDX_UNSUPPORTED')

module.exports = {typeError, rangeError, ocpError, unsupportedError}
