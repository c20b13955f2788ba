// JS timings: omni-mdx's API from Node against the JS Markdown parsers people use.
//
//   node bench/js.mjs [--profile commonmark|extensions|mdx] [--time SECONDS] [--runs N] [--only TEXT] FILE...
//
// The profile says which syntax both sides parse: `commonmark` (the default: every
// extension off), `extensions` (Markdown with GFM, math and frontmatter: omni's options
// against micromark with the same extensions) or `mdx` (omni's defaults against
// micromark-extension-mdxjs with the same extensions).
//
// Each FILE is one document, passed as a JS string (what a server has in hand); a pass
// calls the engine once per document. A run repeats passes for at least SECONDS
// (default 0.3); the figure kept is the best of N rounds (default 5), engines taking
// turns within each round, after one warm-up pass. Slow engines (mdast-util-from-markdown) are warmed up on a 64 KB sample and
// timed over a single pass. MB/s is UTF-8 input bytes (10^6 per MB) per second,
// garbage collection included. No gc() is forced between runs: with --expose-gc and
// gc() calls, markdown-it ran 3× slower here, as if it lost its optimised code.
// Prints a JSON array like bench-native's on stdout; progress goes to stderr.
import {createRequire} from 'node:module'
import fs from 'node:fs'
import {fromMarkdown} from 'mdast-util-from-markdown'
import {micromark} from 'micromark'
import {gfm, gfmHtml} from 'micromark-extension-gfm'
import {math, mathHtml} from 'micromark-extension-math'
import {frontmatter} from 'micromark-extension-frontmatter'
import {mdxjs} from 'micromark-extension-mdxjs'
import {gfmFromMarkdown} from 'mdast-util-gfm'
import {mathFromMarkdown} from 'mdast-util-math'
import {frontmatterFromMarkdown} from 'mdast-util-frontmatter'
import {mdxFromMarkdown} from 'mdast-util-mdx'
import markdownit from 'markdown-it'
import {init as initMd4w, mdToHtml} from 'md4w'

const require = createRequire(import.meta.url)
const omni = require('..')

const FRONTMATTER = ['yaml', 'toml']
const EXTENSIONS = [gfm(), math(), frontmatter(FRONTMATTER)]
const MDAST_EXTENSIONS = [gfmFromMarkdown(), mathFromMarkdown(), frontmatterFromMarkdown(FRONTMATTER)]
const md = markdownit('commonmark')
await initMd4w('fast')
const MD4W_COMMONMARK = {parseFlags: 0}

/** Each engine returns the size of its binary output (0 when there is none). */
const PROFILES = {
  commonmark: () => engines({format: 'md', gfm: false, math: false, frontmatter: false}, {}, [
    {name: 'markdown-it .parse()', fn: (s) => (md.parse(s, {}), 0)},
    {name: 'markdown-it .render()', fn: (s) => (md.render(s), 0)},
    {name: 'md4w mdToHtml() (wasm md4c)', fn: (s) => (mdToHtml(s, MD4W_COMMONMARK), 0)}
  ]),
  extensions: () => engines({format: 'md'}, {extensions: EXTENSIONS, mdastExtensions: MDAST_EXTENSIONS}, [
    {
      name: 'micromark HTML (gfm, math)',
      fn: (s) => (micromark(s, {extensions: EXTENSIONS, htmlExtensions: [gfmHtml(), mathHtml()]}), 0),
      slow: true
    }
  ]),
  // A corpus document may be invalid MDX (the reference rejects one of corpus/mdx/):
  // both sides then parse it up to the error and throw, which is part of the work timed.
  mdx: () => engines({}, {extensions: [mdxjs(), ...EXTENSIONS], mdastExtensions: [mdxFromMarkdown(), ...MDAST_EXTENSIONS]}, [])
    .map((engine) => ({...engine, fn: tolerant(engine.fn)}))
}

/** fn, returning 0 where it throws an MDX syntax error (one with a line, as VFileMessage and omni's have). */
function tolerant(fn) {
  return (s) => {
    try {
      return fn(s)
    } catch (error) {
      if (error && typeof error.line === 'number') return 0
      throw error
    }
  }
}

/** omni's three entry points with `options`, the reference parser with `reference`, then `others`. */
function engines(options, reference, others) {
  return [
  {name: 'omni parse() → mdast', fn: (s) => (omni.parse(s, options), 0)},
  {
    name: 'omni parseToBuffer() + dispose()',
    fn(s) {
      const buffer = omni.parseToBuffer(s, options)
      const size = buffer.byteLength
      omni.dispose(buffer)
      return size
    }
  },
  {name: 'omni toHtml()', fn: (s) => (omni.toHtml(s, options), 0)},
  {name: 'mdast-util-from-markdown', fn: (s) => (fromMarkdown(s, reference), 0), slow: true},
  ...others
  ]
}

function main() {
  const args = process.argv.slice(2)
  let minTime = 0.3
  let runs = 5
  let only = ''
  let profile = 'commonmark'
  while (args.length > 1 && args[0].startsWith('--')) {
    const [flag, value] = args.splice(0, 2)
    if (flag === '--time') minTime = Number(value)
    else if (flag === '--runs') runs = Number(value)
    else if (flag === '--only') only = value
    else if (flag === '--profile') profile = value
    else throw new Error(`js.mjs: unknown flag ${flag}`)
  }
  if (args.length === 0) throw new Error('usage: js.mjs [--time S] [--runs N] [--only TEXT] FILE...')

  const docs = args.map((file) => fs.readFileSync(file, 'utf8'))
  const bytes = docs.reduce((sum, doc) => sum + Buffer.byteLength(doc), 0)
  if (!PROFILES[profile]) throw new Error(`js.mjs: unknown profile ${profile}`)
  const engines = PROFILES[profile]().filter((engine) => !only || engine.name.includes(only))
  const state = new Map()
  for (const engine of engines) {
    process.stderr.write(`  ${engine.name} …\n`)
    state.set(engine, {best: 0, outBytes: 0, error: null})
    try {
      if (engine.slow) engine.fn(sample(docs, 64 * 1024))
      else for (const doc of docs) state.get(engine).outBytes += engine.fn(doc)
    } catch (error) {
      state.get(engine).error = String(error && error.message).split('\n')[0]
    }
  }
  // Rounds go over all engines in turn, so that a slow spell of this shared machine hits
  // every engine alike and the ratios between them stay meaningful.
  for (let run = 0; run < runs; run++) {
    for (const engine of engines) {
      const s = state.get(engine)
      if (s.error || (engine.slow && run > 0)) continue
      s.best = Math.max(s.best, timeOnce(engine, docs, bytes, engine.slow ? 0 : minTime))
    }
  }
  const results = engines.map((engine) => {
    const s = state.get(engine)
    return s.error ? {engine: engine.name, error: s.error} : {engine: engine.name, mbps: Math.round(s.best * 100) / 100, bytes, outBytes: s.outBytes}
  })
  console.log(JSON.stringify(results, null, 1))
}

/** MB/s of passes repeated for at least minTime seconds (one pass when 0). */
function timeOnce(engine, docs, bytes, minTime) {
  let passes = 0
  let elapsed
  const start = process.hrtime.bigint()
  do {
    for (const doc of docs) engine.fn(doc)
    passes++
    elapsed = Number(process.hrtime.bigint() - start) / 1e9
  } while (elapsed < minTime)
  return (bytes * passes) / elapsed / 1e6
}

/** The first `size` characters of the documents, cut at a line end. */
function sample(docs, size) {
  const text = docs.join('\n').slice(0, size)
  return text.slice(0, text.lastIndexOf('\n') + 1)
}

main()
