'use strict'
// omni-mdx: the public API. This file only re-exports.

const {parse, parseToBuffer, dispose, memoryStats} = require('./parse.js')
const {decode} = require('./decode.js')
const {toHtml} = require('./html.js')

module.exports = {parse, parseToBuffer, decode, dispose, toHtml, memoryStats}
