// Parses a small Markdown document and prints its mdast tree and its HTML.
// Run: node examples/parse.js [file.md]
const fs = require('node:fs')
const mdx = require('..')

const source = process.argv[2]
  ? fs.readFileSync(process.argv[2])
  : '# Hello, *world*!\n\nA [link](https://example.com) and `code`.\n\n- one\n- two\n'

const tree = mdx.parse(source, {format: 'md', position: false})
console.log(JSON.stringify(tree, null, 2))
console.log(mdx.toHtml(source, {format: 'md'}))
