// Dev tool: renders every CommonMark spec example with the C core (build-c/mdx-html,
// raw HTML and all protocols allowed, as the spec expects) and compares it with the
// spec's HTML after the spec runner's normalisation. Prints each failure, the counts per
// section, then "N passed, N failed". Exits 1 when anything fails.
//   node test/tools/compare-html.mjs [--section NAME] [--example N] [--quiet] [--raw]
//   --quiet: counts only; --raw: also show the un-normalised output of failures.
import {execFileSync} from 'node:child_process'
import {existsSync} from 'node:fs'
import {createRequire} from 'node:module'

const require = createRequire(import.meta.url)
const {normalizeHtml} = require('./normalize-html.js')
const spec = require('commonmark-spec')

const binary = new URL('../../build-c/mdx-html', import.meta.url).pathname
const args = process.argv.slice(2)
const pick = (flag) => {
  const i = args.indexOf(flag)
  return i >= 0 ? args[i + 1] : undefined
}
const quiet = args.includes('--quiet')
const showRaw = args.includes('--raw')

if (!existsSync(binary)) {
  console.error(`${binary} is missing: run \`make -C src tools\` first`)
  process.exit(2)
}

// The spec writes tabs as → so they can be seen; the runner turns them back.
const untab = (s) => s.replace(/\u2192/g, '\t')

let examples = spec.tests
const section = pick('--section')
const example = pick('--example')
if (section) examples = examples.filter((t) => t.section === section)
if (example) examples = examples.filter((t) => t.number === Number(example))

function render(markdown) {
  try {
    return execFileSync(binary, ['--options', '48'], {
      input: markdown,
      encoding: 'utf8',
      maxBuffer: 1 << 28,
      timeout: 10_000,
      stdio: ['pipe', 'pipe', 'pipe']
    })
  } catch (error) {
    const why = error.signal ? `killed by ${error.signal}` : `exit ${error.status}`
    return {crash: `${why}: ${String(error.stderr || '').trim()}`}
  }
}

let passed = 0
let failed = 0
/** @type {Map<string, {ok: number, all: number}>} */
const bySection = new Map()
for (const t of examples) {
  const markdown = untab(t.markdown)
  const expected = normalizeHtml(untab(t.html))
  const out = render(markdown)
  const got = typeof out === 'string' ? normalizeHtml(out) : null
  const ok = got === expected
  const counts = bySection.get(t.section) || {ok: 0, all: 0}
  counts.all++
  if (ok) {
    passed++
    counts.ok++
  } else {
    failed++
    if (!quiet) {
      console.log(`✗ example ${t.number} (${t.section})`)
      console.log(`    markdown: ${JSON.stringify(markdown)}`)
      console.log(`    expected: ${JSON.stringify(expected)}`)
      console.log(`    got:      ${got === null ? out.crash : JSON.stringify(got)}`)
      if (showRaw && got !== null) console.log(`    raw:      ${JSON.stringify(out)}`)
    }
  }
  bySection.set(t.section, counts)
}
for (const [name, counts] of bySection) console.log(`  ${name}: ${counts.ok}/${counts.all}`)
console.log(`${passed} passed, ${failed} failed`)
process.exitCode = failed ? 1 : 0
