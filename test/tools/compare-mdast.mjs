// Dev tool: compares the C core's tree (build-c/mdx-dump) with mdast-util-from-markdown
// on the CommonMark spec examples or on files, and prints the first difference of each.
//   node test/tools/compare-mdast.mjs spec [--section NAME] [--example N] [--verbose] [--blocks]
//   node test/tools/compare-mdast.mjs FILE...
// --ext math,frontmatter,gfm: turn those on in both (micromark-extension-math and
// micromark-extension-frontmatter with ['yaml', 'toml'], micromark-extension-gfm, and
// their mdast utilities).
// --mdx: format 'mdx' through the addon's parse() (JSX attributes are not in the dump)
// against test/helpers/mdx-reference.mjs (mdxjs + GFM + math + frontmatter, as the
// default options); errors compare as {line, column, reason, ruleId}.
import {execFileSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {fromMarkdown} from 'mdast-util-from-markdown'
import {normalizeIdentifier} from 'micromark-util-normalize-identifier'
import {frontmatter} from 'micromark-extension-frontmatter'
import {frontmatterFromMarkdown} from 'mdast-util-frontmatter'
import {math} from 'micromark-extension-math'
import {mathFromMarkdown} from 'mdast-util-math'
import {gfm} from 'micromark-extension-gfm'
import {gfmFromMarkdown} from 'mdast-util-gfm'
import {referenceMdx} from '../helpers/mdx-reference.mjs'

const require = createRequire(import.meta.url)
const dump = new URL('../../build-c/mdx-dump', import.meta.url).pathname
const args = process.argv.slice(2)
const verbose = args.includes('--verbose')
const pick = (flag) => {
  const i = args.indexOf(flag)
  return i >= 0 ? args[i + 1] : undefined
}

const ext = (pick('--ext') || '').split(',').filter(Boolean)
const optionBits = (ext.includes('gfm') ? 1 << 1 : 0) | (ext.includes('math') ? 1 << 2 : 0) | (ext.includes('frontmatter') ? 1 << 3 : 0)
const referenceOptions = {extensions: [], mdastExtensions: []}
if (ext.includes('frontmatter')) {
  referenceOptions.extensions.push(frontmatter(['yaml', 'toml']))
  referenceOptions.mdastExtensions.push(frontmatterFromMarkdown(['yaml', 'toml']))
}
if (ext.includes('gfm')) {
  referenceOptions.extensions.push(gfm())
  referenceOptions.mdastExtensions.push(gfmFromMarkdown())
}
if (ext.includes('math')) {
  referenceOptions.extensions.push(math())
  referenceOptions.mdastExtensions.push(mathFromMarkdown())
}
/** The reference's math nodes carry hast hints (`data`); the dump does not print them. */
function dropData(node) {
  if (node.type === 'math' || node.type === 'inlineMath') delete node.data
  if (node.children) node.children.forEach(dropData)
  return node
}

function ours(source) {
  const json = execFileSync(dump, ['--options', String(optionBits)], {input: source, maxBuffer: 1 << 30})
  const tree = JSON.parse(json)
  ;(function fix(node) {
    if ('rawLabel' in node) {
      node.identifier = normalizeIdentifier(node.rawLabel).toLowerCase()
      delete node.rawLabel
    }
    if (node.children) node.children.forEach(fix)
  })(tree)
  return tree
}

function firstDifference(a, b, path = '') {
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') {
    return Object.is(a, b) ? null : `${path || '.'}: ours ${JSON.stringify(a)}, reference ${JSON.stringify(b)}`
  }
  if (Array.isArray(a) !== Array.isArray(b)) return `${path}: array vs object`
  if (Array.isArray(a) && a.length !== b.length) {
    return `${path}: ${a.length} items, reference has ${b.length}\n    ours: ${JSON.stringify(a.map((n) => n && n.type))}\n    ref:  ${JSON.stringify(b.map((n) => n && n.type))}`
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  for (const key of keys) {
    if (!(key in a)) return `${path}.${key}: missing in ours (reference ${JSON.stringify(b[key])})`
    if (!(key in b)) return `${path}.${key}: extra in ours (${JSON.stringify(a[key])})`
    const d = firstDifference(a[key], b[key], `${path}.${key}`)
    if (d) return d
  }
  return null
}

let cases
if (args[0] === 'spec') {
  const {examples} = require('../helpers/spec.js')
  cases = examples.map((t) => ({name: `example ${t.number} (${t.section})`, section: t.section, number: t.number, source: t.markdown}))
  const section = pick('--section')
  const example = pick('--example')
  if (section) cases = cases.filter((c) => c.section === section)
  if (example) cases = cases.filter((c) => c.number === Number(example))
} else {
  cases = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--ext').map((f) => ({name: f, source: readFileSync(f, 'utf8')}))
}

// --blocks: compare block structure only (inline children of leaves are dropped).
const blocksOnly = args.includes('--blocks')
function stripInlines(node) {
  if (node.type === 'paragraph' || node.type === 'heading') node.children = []
  else if (node.children) node.children.forEach(stripInlines)
  return node
}

const mdxMode = args.includes('--mdx')
const errorOf = (e) => ({error: {line: e.line, column: e.column, reason: e.reason, ruleId: e.ruleId}})
function oursMdx(source) {
  try {
    return require('../../lib/index.js').parse(source)
  } catch (error) {
    if (typeof error.reason !== 'string') throw error
    return errorOf(error)
  }
}
function referenceOfMdx(source) {
  try {
    return JSON.parse(JSON.stringify(referenceMdx(source)))
  } catch (error) {
    if (typeof error.reason !== 'string') throw error
    return errorOf(error)
  }
}

let same = 0
const bySection = new Map()
for (const c of cases) {
  let diff
  try {
    let a = mdxMode ? oursMdx(c.source) : ours(c.source)
    let b = mdxMode ? referenceOfMdx(c.source) : dropData(JSON.parse(JSON.stringify(fromMarkdown(c.source, referenceOptions))))
    if (blocksOnly) {
      a = stripInlines(a)
      b = stripInlines(b)
    }
    diff = firstDifference(a, b)
  } catch (error) {
    diff = `crashed: ${error.message.split('\n')[0]}`
  }
  const s = bySection.get(c.section) || {ok: 0, all: 0}
  s.all++
  if (!diff) {
    same++
    s.ok++
  } else {
    console.log(`✗ ${c.name}\n    ${diff}`)
    if (verbose) console.log('    source: ' + JSON.stringify(c.source))
  }
  bySection.set(c.section, s)
}
if (args[0] === 'spec') for (const [k, v] of bySection) console.log(`  ${k}: ${v.ok}/${v.all}`)
console.log(`${same}/${cases.length} identical`)
