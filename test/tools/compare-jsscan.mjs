// Dev tool: compares where the lexical JS scanner (build-c/mdx-jsscan, src/jsscan.c)
// ends an MDX expression with where micromark + micromark-extension-mdxjs (acorn) ends
// it. For each sample the reference parses the document `{` + sample; its expression
// node starting at offset 0 gives the closing `}` (or the parse throws: no end).
// Identical: the same `}`, or no `}` for both. Samples: every expression and JSX
// attribute expression in the corpus (../shared/corpus/mdx/*.mdx, extracted with the
// reference), seeded random ones (test/helpers/random-js.js), hand-picked edge cases and
// the unit tests' cases. ESM blocks of the corpus are checked too: complete at their end,
// incomplete at each blank line inside; and ESM documents with blank lines inside.
//   node test/tools/compare-jsscan.mjs [--count N] [--seed S] [--bytes] [--verbose]
import {execFileSync} from 'node:child_process'
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {fromMarkdown} from 'mdast-util-from-markdown'
import {mdxjs} from 'micromark-extension-mdxjs'
import {mdxFromMarkdown} from 'mdast-util-mdx'

const require = createRequire(import.meta.url)
const {randomJsSamples} = require('../helpers/random-js.js')
const driver = process.env.MDX_JSSCAN || new URL('../../build-c/mdx-jsscan', import.meta.url).pathname
const corpusDir = new URL('../../../shared/corpus/mdx/', import.meta.url).pathname
const args = process.argv.slice(2)
const pick = (flag, fallback) => {
  const i = args.indexOf(flag)
  return i >= 0 ? args[i + 1] : fallback
}
const verbose = args.includes('--verbose')
const bytes = args.includes('--bytes')

function parse(doc) {
  return fromMarkdown(doc, {extensions: [mdxjs()], mdastExtensions: [mdxFromMarkdown()]})
}

/** The reference: where the `}` closing the expression opened at offset 0 is (in the
 * sample), `null` if the parse throws, `undefined` if the document is not read as an
 * expression at offset 0 (unusable sample). */
export function reference(sample) {
  let tree
  try {
    tree = parse('{' + sample)
  } catch {
    return null
  }
  let found
  const visit = (node) => {
    if (found !== undefined) return
    if ((node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') &&
        node.position.start.offset === 0) {
      found = node.position.end.offset - 2
      return
    }
    for (const child of node.children || []) visit(child)
  }
  visit(tree)
  return found
}

/** Ours, for many samples at once: `stop N`, `none` or `open KIND AT` per sample. */
export function scan(samples, options = []) {
  const input = samples.join('\0')
  const out = execFileSync(driver, ['--nul', ...options], {input, maxBuffer: 1 << 26})
  // The driver counts bytes, the reference UTF-16 code units.
  const units = (sample, bytes) => Buffer.from(sample).subarray(0, Number(bytes)).toString().length
  return out.toString().trim().split('\n').map((line, i) =>
    line.replace(/^(stop|open \S+) (\d+)$/, (_, head, n) => head + ' ' + units(samples[i], n)))
}

export function corpusSamples() {
  const expressions = []
  const esm = []
  if (!existsSync(corpusDir)) return {expressions, esm}
  for (const name of readdirSync(corpusDir).filter((n) => n.endsWith('.mdx')).sort()) {
    let tree
    try {
      tree = parse(readFileSync(corpusDir + name, 'utf8'))
    } catch {
      continue
    }
    const visit = (node) => {
      if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') {
        expressions.push(node.value + '}')
      } else if (node.type === 'mdxjsEsm') {
        esm.push(node.value)
      }
      for (const attribute of node.attributes || []) {
        // Spreads (`{...a}`) are parsed as `({...a})`: not a sample for `{` + sample.
        if (attribute.value && typeof attribute.value === 'object') {
          expressions.push(attribute.value.value + '}')
        }
      }
      for (const child of node.children || []) visit(child)
    }
    visit(tree)
  }
  return {expressions, esm}
}

// Hand-picked edge cases (the end of each is a `}`): keywords before `/` and `<`,
// functions and classes before `/`, JSX corners, comments, line endings. Some are not
// valid JavaScript, or are refused by acorn although valid; those differ (see the
// report at the end of compare's output).
export const edgeSamples = [
 'function(){} / 2}', 'class {} / 2}', 'async function () {} / 2}', '(async function () {}) / 2}',
 "<a>{'>'}</a>}", `<a b="'"/>}`, "'\u2028}'}", '/* a */}', '// a\n}', ' }', 'a /* b\n c */ }',
 '<!-- x -->}', '<a></b>}', 'a\n/re/g}', 'import.meta.url}', "import('x')}", '0.5.toFixed()}', '1..toString()}',
 'a?.[0] / 2}', 'a?.5:1}', 'x /*/ 2 /*/}', '`${\'`\'}`}', '"\\\\"}', '/[/]/}', '/[\\]/]/}', 'a = b => /x/}',
 '({}) / 2}', '[] / 2}', 'a => ({}) / 2}', '<a b={<c d="}"/>}/>}', '<svg:rect/>}', 'x < y > z}', 'this / 2}', 'null / 2}',
 'a.if / 2}', 'x?.class / 2}', 'typeof typeof /x/}', 'void /x/}', '-/x/.lastIndex}', '+ +/x/}', 'a++ + /x/.b}', 'a-- - -b}',
 '(a) => /x/}', '[a] / 2}', 'a in /x/}', 'x ? y : /}/}', '((a)) / 2}', 'async x => x / 2}', '`a${1}b${2}c`}', '<a>{}</a>}',
 '<A.B.C />}', 'x => <a>}</a>}', '1 // }\n + 2}', "'\\\n'}", 'a\r+ b}', 'a\u00a0/ 2}', 'a\n++b}', 'a\n<b/>}',
 'x = {a: 1}\n/re/}', '{a: 1} / 2}', 'a ? {b: 1} : {c: 2} / 2}', '(() => { a: {} /}/ })}', '(() => { switch (x) { case 1: {} /x/ } })}',
 'x => { x ? {} : {} /x/ }}', '(() => { let x = 1 })}', 'new.target}', '(function () { new.target / 2 })}',
 '<a>{b}</a> / 2}', 'a /**/ / 2}', '`\\u{7d}`}', '/\\u{7d}/u}', 'a/* */}', "a //x\u2028}", "a //x\u2029 + 1}",
 '#!a\n1}', ' #!a\n1}', '<a b={1} {...c} d="e" />}', '<a>{1}{2}</a>}', '<></>}', '<>a</>}', 'x = <a>\n</a>}',
 '(function* () { yield /x/ })}', '(function* () { yield <a/> })}', '({ *g() { yield /x/ } })}', 'await <a/>}',
 '(async () => { await /}/ })}', 'a\n/*\n}*/}', '`${`${`}`}`}`}', 'x = `${a}` / 2}', '<a>{`}`}</a>}',
 'typeof <a/>}', 'delete /x/.y}', 'a instanceof /}/.constructor}', '!<a/>}', '[<a/>, <b/>]}', '(<a/>)}',
 'a ? <b/> : <c/>}', 'a && <b>}</b>}', 'a\n}', '{}}', '{\n}}', '{a, b}}', '{...a}}', '{a() {}}}', '{get a() { return /}/ }}}',
 // The reference's emptiness check strips `/* … */` by regex, even from a `/*` inside a
 // `//` comment, and then parses a program, where `{[k]: 1}` is a block.
 '// /*\n{[k]: 1} // */\n}',
]

/** Compares samples; returns {identical, total, unusable, differences}. `expected`: the
 * references when already known. */
export function compare(samples, options = [], expected = samples.map(reference)) {
  const ours = scan(samples, options)
  let identical = 0
  let unusable = 0
  const differences = []
  samples.forEach((sample, i) => {
    const end = expected[i]
    if (end === undefined) {
      unusable++
      return
    }
    const got = ours[i]
    const same = end === null ? !got.startsWith('stop ') : got === 'stop ' + end
    if (same) identical++
    else differences.push({sample, expected: end === null ? 'error' : 'stop ' + end, got})
  })
  return {identical, total: samples.length - unusable, unusable, differences}
}

/** ESM blocks: complete (`none`) at the end, not complete at each blank line inside. */
export function compareEsm(blocks, options = []) {
  const samples = []
  const expect = []
  for (const block of blocks) {
    const re = /\r?\n[ \t]*\r?\n/g
    let match
    while ((match = re.exec(block))) {
      samples.push(block.slice(0, match.index))
      expect.push(false)
    }
    samples.push(block)
    expect.push(true)
  }
  const ours = scan(samples, ['--esm', ...options])
  let identical = 0
  const differences = []
  samples.forEach((sample, i) => {
    if ((ours[i] === 'none') === expect[i]) identical++
    else differences.push({sample, expected: expect[i] ? 'none' : 'open', got: ours[i]})
  })
  return {identical, total: samples.length, differences}
}

// ESM documents with blank lines inside: where does the block end? The reference reads
// on while acorn fails at the very end of what it has; ours (as the parser would use the
// scanner) ends the block at the first blank line where the state is `none`.
export const esmDocuments = [
  'export const a = 1 +\n\n2\n\nx', 'export default\n\nfunction f() {}\n\nx',
  "import {a} from\n\n'b'\n\nx", 'export const a = 1,\n\nb = 2\n\nx', 'export const a = 1\n\nb',
  'export const\n\na = 1\n\nx', 'export const a = b.\n\nc\n\nx', 'export const a = {\n\n}\n\nx',
  'export const a = `\n\n`\n\nx', 'export const a = /* \n\n */ 1\n\nx', "export const a = 'b\n\nc'\n\nx",
  'export const a = <b>\n\n</b>\n\nx', 'export const a = () => (\n  <b>\n\n  </b>\n)\n\nx',
  'export function f() {\n  return 1\n\n}\n\nx', 'export const a = 1 // c\n\nx',
  'export const a = b /\n\nc\n\nx', 'export const a = (b\n\n)\n\nx', "export {a} from 'b'\n\nx"
]

export function referenceEsmEnd(doc) {
  try {
    const node = parse(doc).children[0]
    return node && node.type === 'mdxjsEsm' ? node.position.end.offset : undefined
  } catch {
    return null
  }
}

export function oursEsmEnd(doc) {
  const ends = []
  const re = /\n[ \t]*\n/g
  let match
  while ((match = re.exec(doc))) ends.push(match.index)
  ends.push(doc.length)
  const states = scan(ends.map((end) => doc.slice(0, end)), ['--esm'])
  for (let i = 0; i < ends.length; i++) {
    if (states[i] === 'none') return ends[i]
    if (states[i].startsWith('open invalid') || states[i].startsWith('open too-deep')) return null
  }
  return null
}

export function compareEsmDocuments(docs) {
  let identical = 0
  const differences = []
  for (const doc of docs) {
    const expected = referenceEsmEnd(doc)
    const got = oursEsmEnd(doc)
    if (expected === got) identical++
    else differences.push({sample: doc, expected: expected ?? 'error', got: got ?? 'error'})
  }
  return {identical, total: docs.length, differences}
}

// The hand-written cases of src/test/test_jsscan.c (expression ones: STOP, STOP_LAST,
// OPEN, INVALID, COMPLETE), whose expected values were reasoned by hand: does the
// reference agree with them?
export function unitCases() {
  const file = new URL('../../src/test/test_jsscan.c', import.meta.url).pathname
  const source = readFileSync(file, 'utf8')
  const re = /^\s*(STOP_LAST|STOP|OPEN|INVALID|COMPLETE)\(("(?:[^"\\]|\\.)*")\s*(?:,\s*([^)]*))?\);/gm
  const cases = []
  let match
  while ((match = re.exec(source))) {
    const [, kind, literal, rest] = match
    const bytes = []
    const body = literal.slice(1, -1)
    for (let i = 0; i < body.length; i++) {
      if (body[i] !== '\\') {
        bytes.push(...Buffer.from(body[i]))
        continue
      }
      const c = body[++i]
      if (c === 'x') {
        bytes.push(parseInt(body.substr(i + 1, 2), 16))
        i += 2
      } else bytes.push({n: 10, r: 13, t: 9, '\\': 92, '"': 34, "'": 39}[c])
    }
    const sample = Buffer.from(bytes).toString()
    const stop = kind === 'STOP_LAST' ? bytes.length - 1 : kind === 'STOP' ? Number(rest) : null
    cases.push({sample, stop})
  }
  return cases
}

export function compareUnitCases() {
  const cases = unitCases()
  let identical = 0
  const differences = []
  for (const {sample, stop} of cases) {
    let end = reference(sample)
    if (typeof end === 'number') end = Buffer.from(sample.slice(0, end)).length
    if (end === stop) identical++
    else differences.push({sample, expected: end ?? 'error', got: stop === null ? 'no stop' : 'stop ' + stop})
  }
  return {identical, total: cases.length, differences}
}

function report(label, result) {
  const extra = result.unusable ? ` (${result.unusable} unusable)` : ''
  console.log(`${label}: ${result.identical}/${result.total} identical${extra}`)
  for (const d of result.differences.slice(0, verbose ? 1000 : 10)) {
    console.log('  ' + JSON.stringify(d.sample).slice(0, 300))
    console.log(`    reference: ${d.expected}, ours: ${d.got}`)
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const options = bytes ? ['--bytes'] : []
  const {expressions, esm} = corpusSamples()
  report('corpus expressions', compare(expressions, options))
  report('corpus ESM blocks', compareEsm(esm, options))
  report('unit-test cases (expected values vs the reference)', compareUnitCases())
  report('edge cases', compare(edgeSamples, options))
  report('ESM documents with blank lines', compareEsmDocuments(esmDocuments))
  const count = Number(pick('--count', '500'))
  const seed = Number(pick('--seed', '1'))
  report(`random (seed ${seed})`, compare(randomJsSamples(seed, count), options))
}
