'use strict'
// `npm run bench`: builds and runs the native benchmark (bench/native/), runs the JS one
// (bench/js.mjs), each in its own process, over the same inputs, and prints one table
// plus the ratios omni-mdx has targets for. See bench/README.md.
//
//   node bench/run.js [--quick]      (--quick: 1 run of 0.1 s per figure, for development)

const {spawnSync} = require('node:child_process')
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')

const BENCH = __dirname
const CORPUS = path.resolve(BENCH, '../../shared/corpus')
const quick = process.argv.includes('--quick')
const TIMING = quick ? ['0.1', '1'] : ['0.3', '5'] // seconds per run, runs

const OMNI_PARSE = 'omni parse() → mdast'
const OMNI_BUFFER = 'omni parseToBuffer() + dispose()'
const OMNI_HTML = 'omni toHtml()'
const FROM_MARKDOWN = 'mdast-util-from-markdown'
const MD4W = 'md4w mdToHtml() (wasm md4c)'
const C_OCP = 'omni mdx_parse+mdx_ocp_encode'
const MD4C_PARSE = 'md4c md_parse (no-op callbacks)'

function main() {
  const inputs = findInputs()
  if (inputs.length === 0) {
    console.log(`bench: skipped, no corpus at ${CORPUS} (expected md/*.md and big.md)`)
    return
  }
  console.log(`omni-mdx bench, ${new Date().toISOString()}`)
  console.log(`node ${process.version}, ${os.cpus().length} × ${os.cpus()[0].model.trim()}, ${os.platform()} ${os.release()}`)
  console.log(`inputs: ${inputs.map((i) => `${i.label} (${mb(i.bytes)} MB)`).join(', ')}${quick ? '  [--quick]' : ''}`)
  for (const warning of addonWarnings()) console.log(`warning: ${warning}`)
  console.log()

  const results = {} // results[input label][engine] = {mbps, outBytes} or {error}
  for (const input of inputs) results[input.label] = {}
  const native = buildNative()
  for (const input of inputs) {
    // The native engines (md4c, cmark) know CommonMark only.
    if (native && input.profile === 'commonmark') collect(results[input.label], run(native, ['-t', TIMING[0], '-n', TIMING[1], ...input.files], `native, ${input.label}`))
    const js = [path.join(BENCH, 'js.mjs'), '--profile', input.profile, '--time', TIMING[0], '--runs', TIMING[1], ...input.files]
    collect(results[input.label], run(process.execPath, js, `JS (${input.profile}), ${input.label}`))
  }
  printTable(inputs, results)
  printRatios(inputs, results)
}

/**
 * Whichever of the corpus inputs exist, each with the profile both sides parse it with
 * (bench/js.mjs) and the target for parse() against the reference parser: CommonMark
 * (md/, big.md), Markdown with GFM, math and frontmatter (mdx-math/, big-math.mdx, read
 * as Markdown), and MDX (mdx/, big.mdx).
 */
function findInputs() {
  const inputs = []
  const folder = (name, ext, profile, target) => {
    const dir = path.join(CORPUS, name)
    if (!fs.existsSync(dir)) return
    const files = fs.readdirSync(dir).filter((f) => f.endsWith(ext)).sort().map((f) => path.join(dir, f))
    if (files.length > 0) inputs.push({label: `${name}/ (${files.length} files)`, files, profile, target})
  }
  const single = (name, profile, target) => {
    const file = path.join(CORPUS, name)
    if (fs.existsSync(file)) inputs.push({label: name, files: [file], profile, target})
  }
  folder('md', '.md', 'commonmark', 50)
  single('big.md', 'commonmark', 50)
  folder('mdx-math', '.mdx', 'extensions', 50)
  single('big-math.mdx', 'extensions', 50)
  folder('mdx', '.mdx', 'mdx', 100)
  single('big.mdx', 'mdx', 100)
  for (const input of inputs) input.bytes = input.files.reduce((sum, f) => sum + fs.statSync(f).size, 0)
  return inputs
}

/**
 * The native rows compile ../src as it is now; the JS rows use the built addon. Says when
 * the two may not be the same code, so the ratios between them would mislead.
 */
function addonWarnings() {
  const root = path.join(BENCH, '..')
  const src = path.join(root, 'src')
  const addon = path.join(root, 'build', 'Release', 'omni_mdx.node')
  if (!fs.existsSync(addon)) return [`${addon} missing; run \`npm run build\``]
  const built = fs.statSync(addon).mtimeMs
  const core = fs.readdirSync(src).filter((f) => /\.[ch]$/.test(f))
  const newer = core.filter((f) => fs.statSync(path.join(src, f)).mtimeMs > built)
  const gyp = fs.readFileSync(path.join(root, 'binding.gyp'), 'utf8')
  const unlisted = core.filter((f) => f.endsWith('.c') && !gyp.includes(`src/${f}`))
  const warnings = []
  if (newer.length > 0) warnings.push(`the addon is older than src/{${newer.join(',')}}: JS rows measure older code than native rows (run \`npm run build\`)`)
  if (unlisted.length > 0) warnings.push(`binding.gyp does not list src/{${unlisted.join(',')}}, which the native rows compile`)
  return warnings
}

/** Builds bench-native; returns its path, or null (with a message) when it cannot. */
function buildNative() {
  const make = spawnSync('make', ['-s', '-C', BENCH], {encoding: 'utf8'})
  if (make.status === 0) return path.join(BENCH, 'build', 'bench-native')
  const why = (make.error ? make.error.message : make.stderr.trim().split('\n').slice(-3).join('\n    '))
  console.log(`native: skipped, build failed (needs: apt-get install libmd4c-dev libmd4c-html0-dev libcmark-dev)\n    ${why}\n`)
  return null
}

/** Runs one benchmark process; returns its parsed JSON array, or [] with a message. */
function run(command, args, what) {
  process.stderr.write(`${what}\n`)
  const child = spawnSync(command, args, {encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20})
  try {
    if (child.status !== 0) throw new Error(child.error ? child.error.message : `exit ${child.status ?? child.signal}`)
    return JSON.parse(child.stdout)
  } catch (error) {
    console.log(`${what}: failed (${error.message})`)
    return []
  }
}

function collect(into, rows) {
  for (const row of rows) into[row.engine] = row
}

function printTable(inputs, results) {
  const engines = [...new Set(inputs.flatMap((i) => Object.keys(results[i.label])))]
  console.log(`| engine | ${inputs.map((i) => `${i.label} MB/s`).join(' | ')} |`)
  console.log(`|---|${inputs.map(() => '--:|').join('')}`)
  for (const engine of engines) {
    const cells = inputs.map((i) => {
      const r = results[i.label][engine]
      return !r ? '–' : r.error ? `error: ${r.error}` : r.mbps.toFixed(2)
    })
    console.log(`| ${engine} | ${cells.join(' | ')} |`)
  }
  console.log()
}

function printRatios(inputs, results) {
  const speed = (label, ours, theirs, target) => {
    const a = results[label][ours]
    const b = results[label][theirs]
    if (!a || !b || a.error || b.error) return line(`${ours} / ${theirs} on ${label}`, null, target)
    return line(`${ours} / ${theirs} on ${label}`, a.mbps / b.mbps, target)
  }
  console.log('Ratios (target in brackets):')
  for (const i of inputs) speed(i.label, OMNI_PARSE, FROM_MARKDOWN, ['≥', i.target])
  if (results['big.md']) speed('big.md', C_OCP, MD4C_PARSE, ['≥', 0.8])
  for (const i of inputs) if (i.profile === 'commonmark') speed(i.label, OMNI_HTML, MD4W, ['≥', 2])
  for (const big of inputs.filter((i) => i.label.startsWith('big.'))) {
    // Both: the addon and the C core compiled now may be different code (see warnings).
    for (const engine of [OMNI_BUFFER, C_OCP]) {
      const r = results[big.label][engine]
      if (r) line(`OCP size / UTF-8 size of ${big.label}, from ${engine}`, !r.error ? r.outBytes / big.bytes : null, ['≤', 1.5])
    }
  }
}

function line(what, value, [op, target]) {
  if (value === null) return console.log(`  ${what}: n/a [${op} ${target}]`)
  const met = op === '≥' ? value >= target : value <= target
  console.log(`  ${what}: ${value.toFixed(2)}× [${op} ${target}×] ${met ? 'met' : 'NOT met'}`)
}

function mb(bytes) {
  return (bytes / 1e6).toFixed(2)
}

main()
