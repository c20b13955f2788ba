// Parses a small MDX document and prints its mdast tree and its HTML.
// Run: node examples/parse.js [file.mdx | file.md]   (.md files are read as Markdown)
const fs = require('node:fs')
const mdx = require('..')

const file = process.argv[2]
const source = file
  ? fs.readFileSync(file)
  : "import {Chart} from './chart.js'\n\n# Hello, *world*!\n\n<Chart year={2026} title=\"Sales\" />\n\n" +
    'A [link](https://example.com), `code`, $x^2$ and {props.name}.\n\n| a | b |\n|---|:-:|\n| 1 | 2 |\n'
const format = file && /\.(md|markdown)$/i.test(file) ? 'md' : 'mdx'

try {
  const tree = mdx.parse(source, {format, position: false})
  console.log(JSON.stringify(tree, null, 2))
  console.log(mdx.toHtml(source, {format}))
} catch (error) {
  // MDX syntax errors carry the place and the reference's wording.
  if (typeof error.line !== 'number') throw error
  const cause = error.cause ? `: ${error.cause.message}` : ''
  console.error(`${file || 'example'}:${error.line}:${error.column}: ${error.reason} (${error.ruleId}${cause})`)
  process.exitCode = 1
}
