// Dev tool: compares the JavaScript syntax checker (build-c/mdx-jscheck, src/jscheck.c)
// with acorn + acorn-jsx as micromark-extension-mdxjs runs them (ecmaVersion 2024,
// sourceType module, preserveParens). For every input both verdicts are computed: ok, or
// the error position (acorn's err.pos, in UTF-16 units; ours in bytes, converted), whether
// acorn stopped at the end of its input (raisedAt >= length) and the message; for ESM
// blocks also the first non-import/export statement, for spreads the object's shape.
// Sources:
//   node_modules  every .js/.mjs/.cjs file under node_modules, parsed as a module
//   corpus        expressions, spreads and ESM blocks of ../shared/corpus/mdx/*.mdx
//   random        seeded random expressions (test/helpers/random-js.js)
//   mutations     seeded random mutations of valid snippets (delete, duplicate, swap,
//                 insert a character or token), as expressions and as modules
//   windows       seeded random line windows of node_modules files (and mutations of them)
//   soup          seeded random token soup
//   edge          a hand-written table of edge cases (EDGE_CASES below)
//   node test/tools/compare-jscheck.mjs [--source NAME] [--count N] [--seed S]
//                                      [--max-files N] [--verbose] [--messages]
import {execFileSync} from 'node:child_process'
import {existsSync, readdirSync, readFileSync, statSync, realpathSync} from 'node:fs'
import {join} from 'node:path'
import {createRequire} from 'node:module'

const require = createRequire(import.meta.url)
const acorn = require('acorn')
const jsx = require('acorn-jsx')
const {randomJsSamples} = require('../helpers/random-js.js')
const {rng} = require('../helpers/random-markdown.js')

const root = new URL('../../', import.meta.url).pathname
const driver = process.env.MDX_JSCHECK || join(root, 'build-c/mdx-jscheck')
const corpusDir = join(root, '../shared/corpus/mdx/')
const Parser = acorn.Parser.extend(jsx())
const options = {ecmaVersion: 2024, sourceType: 'module', preserveParens: true}
const allowedEsm = new Set(['ImportDeclaration', 'ExportNamedDeclaration', 'ExportDefaultDeclaration', 'ExportAllDeclaration'])

// The reference's `empty()` (micromark-util-events-to-acorn).
function empty(value) {
  return /^\s*$/.test(value.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\r\n]*(\r\n|\n|\r)/g, ''))
}

function failure(error, length, shift = 0) {
  if (!(error instanceof SyntaxError) || typeof error.pos !== 'number') throw error
  return {
    ok: false,
    pos: error.pos - shift,
    atEnd: error.raisedAt >= length,
    message: String(error.message).replace(/ \(\d+:\d+\)$/, '')
  }
}

/** acorn's verdict for `value` as `goal` (expression, spread, module); `pre`: names of
 * earlier ESM blocks' imports (module). */
export function reference(value, goal = 'expression', pre = []) {
  if (goal === 'module') {
    const prefix = pre.length ? 'var ' + pre.join(',') + '\n' : ''
    const input = prefix + value
    let program
    try {
      program = Parser.parse(input, options)
    } catch (error) {
      return failure(error, input.length, prefix.length)
    }
    const body = program.body.slice(prefix ? 1 : 0)
    const other = body.find((node) => !allowedEsm.has(node.type))
    const imports = []
    for (const node of body) {
      if (node.type === 'ImportDeclaration') for (const s of node.specifiers) imports.push(s.local.name)
    }
    return {ok: true, nonEsm: other ? other.type : null, nonEsmAt: other ? other.start - prefix.length : 0, imports}
  }
  const input = goal === 'spread' ? '({' + value + '})' : value
  const shift = goal === 'spread' ? 2 : 0
  let node
  try {
    node = Parser.parseExpressionAt(input, 0, options)
  } catch (error) {
    const result = failure(error, input.length, shift)
    result.pos = Math.min(Math.max(result.pos, 0), value.length)
    return result
  }
  if (!empty(input.slice(node.end, input.length - shift))) {
    return {ok: false, pos: Math.min(Math.max(node.end - shift, 0), value.length), atEnd: false, message: 'Unexpected content after expression'}
  }
  if (goal === 'spread') {
    let object = node
    while (object.type === 'ParenthesizedExpression') object = object.expression
    const props = object.type === 'ObjectExpression' ? object.properties : []
    const at = (n) => Math.min(Math.max(n - 2, 0), value.length)
    return {
      ok: true,
      count: props.length,
      firstSpread: props.length > 0 && props[0].type === 'SpreadElement',
      first: props.length ? at(props[0].start) : 0,
      second: props.length > 1 ? at(props[1].start) : 0
    }
  }
  return {ok: true}
}

/** Ours for many inputs (one goal): the driver's JSON with positions in UTF-16 units. */
export function ours(values, goal = 'expression', pres = null) {
  const out = []
  const chunk = []
  let size = 0
  const flush = () => {
    if (!chunk.length) return
    const input = chunk.map(([v, pre]) => (pres ? pre.join(',') + '\n' : '') + v.replace(/\0/g, '')).join('\0')
    const args = ['--nul', '--goal', goal]
    if (pres) args.push('--pre-header')
    const text = execFileSync(driver, args, {input, maxBuffer: 1 << 28}).toString()
    const lines = text.trim().split('\n')
    lines.forEach((line, i) => {
      const result = JSON.parse(line)
      const value = chunk[i][0]
      const units = (n) => Buffer.from(value).subarray(0, n).toString().length
      for (const key of ['pos', 'nonEsmAt', 'first', 'second']) {
        if (typeof result[key] === 'number') result[key] = units(result[key])
      }
      out.push(result)
    })
    chunk.length = 0
    size = 0
  }
  values.forEach((v, i) => {
    chunk.push([v, pres ? pres[i] : []])
    size += v.length
    if (size > 4e6) flush()
  })
  flush()
  return out
}

function same(a, b, messages) {
  if (a.ok !== b.ok) return false
  if (!a.ok) return a.pos === b.pos && a.atEnd === b.atEnd && (!messages || a.message === b.message)
  for (const key of ['nonEsm', 'nonEsmAt', 'count', 'firstSpread', 'first', 'second']) {
    if (key in a && a[key] !== b[key]) return false
  }
  if (a.imports && JSON.stringify(a.imports) !== JSON.stringify(b.imports)) return false
  return true
}

/** Compares a list of inputs; returns {total, identical, validAgree, validTotal,
 * messageDiffs, differences}. */
export function compare(values, goal = 'expression', pres = null, messages = false) {
  const expected = values.map((v, i) => reference(v, goal, pres ? pres[i] : []))
  const got = ours(values, goal, pres)
  const differences = []
  let identical = 0, validTotal = 0, validAgree = 0, messageDiffs = 0
  values.forEach((value, i) => {
    const a = expected[i], b = got[i]
    // acorn-jsx can fail in the middle of a surrogate pair (an astral letter in a JSX
    // name); a byte offset cannot point there: ours is the character's start
    if (!a.ok && a.pos > 0 && /[\uD800-\uDBFF]/.test(value[a.pos - 1] || '') && /[\uDC00-\uDFFF]/.test(value[a.pos] || '')) {
      a.pos--
      a.message = b.message
    }
    if (a.ok) {
      validTotal++
      if (b.ok) validAgree++
    }
    if (same(a, b, messages)) {
      identical++
      if (!a.ok && a.message !== b.message) messageDiffs++
    } else {
      differences.push({value, goal, expected: a, got: b})
    }
  })
  return {total: values.length, identical, validTotal, validAgree, messageDiffs, differences}
}

// ---------------------------------------------------------------- sources

export function nodeModulesFiles(max = Infinity) {
  const files = []
  const seen = new Set()
  const walk = (dir) => {
    let entries
    try {
      entries = readdirSync(dir, {withFileTypes: true})
    } catch {
      return
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : 1))
    for (const entry of entries) {
      const path = join(dir, entry.name)
      let stat
      try {
        stat = statSync(path)
      } catch {
        continue
      }
      if (stat.isDirectory()) {
        let real
        try {
          real = realpathSync(path)
        } catch {
          continue
        }
        if (seen.has(real)) continue
        seen.add(real)
        walk(path)
      } else if (/\.(js|mjs|cjs)$/.test(entry.name) && files.length < max) {
        files.push(path)
      }
    }
  }
  walk(join(root, 'node_modules'))
  return files
}

export async function corpusSamples() {
  const result = {expression: [], spread: [], module: [], modulePre: []}
  if (!existsSync(corpusDir)) return result
  const {fromMarkdown} = await import('mdast-util-from-markdown')
  const {mdxjs} = await import('micromark-extension-mdxjs')
  const {mdxFromMarkdown} = await import('mdast-util-mdx')
    for (const name of readdirSync(corpusDir).filter((n) => n.endsWith('.mdx')).sort()) {
      let tree
      try {
        tree = fromMarkdown(readFileSync(corpusDir + name, 'utf8'), {extensions: [mdxjs()], mdastExtensions: [mdxFromMarkdown()]})
      } catch {
        continue
      }
      const imported = []
      const visit = (node) => {
        if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') {
          if (!empty(node.value)) result.expression.push(node.value)
        } else if (node.type === 'mdxjsEsm') {
          result.module.push(node.value)
          result.modulePre.push(imported.slice())
          const r = reference(node.value, 'module', imported)
          if (r.ok) imported.push(...r.imports)
        }
        for (const attribute of node.attributes || []) {
          if (attribute.type === 'mdxJsxExpressionAttribute') result.spread.push(attribute.value)
          else if (attribute.value && typeof attribute.value === 'object') result.expression.push(attribute.value.value)
        }
        for (const child of node.children || []) visit(child)
      }
      visit(tree)
    }
  return result
}

export function randomSamples(seed, count) {
  const out = []
  for (const sample of randomJsSamples(seed, count)) {
    out.push(sample)
    const cut = sample.lastIndexOf('}')
    if (cut > 0) out.push(sample.slice(0, cut))
  }
  return out
}

const TOKENS = ['(', ')', '[', ']', '{', '}', ',', ';', ':', '.', '...', '?', '?.', '=>', '=', '+=', '**', '*', '/', '<', '>', '</', '/>',
  '"', "'", '`', '${', '\\', '#', '@', 'let', 'const', 'var', 'yield', 'await', 'async', 'function', 'class', 'new', 'in', 'of',
  'import', 'export', 'default', 'return', 'static', 'get', 'set', 'super', 'this', '\n', ' ', '0', '1_', '08', '.5', 'x', 'a b',
  '/*', '*/', '//', '-->', 'delete', 'typeof', '++', '--', '!', '&&', '??', '||', 'extends', 'arguments', 'eval', 'enum', 'if', 'else']

/** Seeded random mutations of `snippets`: `count` per seed. */
export function mutations(snippets, seed, count) {
  const random = rng(seed)
  const int = (n) => Math.floor(random() * n)
  const out = []
  if (!snippets.length) return out
  for (let i = 0; i < count; i++) {
    // code points, not UTF-16 units: MDX input is UTF-8, it has no lone surrogates
    let s = Array.from(snippets[int(snippets.length)])
    const rounds = 1 + int(2)
    for (let r = 0; r < rounds; r++) {
      const at = int(s.length + 1)
      switch (int(5)) {
        case 0: s.splice(at, 1); break
        case 1: if (at < s.length) s.splice(at, 0, s[at]); break
        case 2: if (at + 1 < s.length) s.splice(at, 2, s[at + 1], s[at]); break
        case 3: s.splice(at, 0, TOKENS[int(TOKENS.length)]); break
        default: {
          // delete a word-ish run
          const m = /^\w+|^\W/u.exec(s.slice(at).join(''))
          s.splice(at, m ? Array.from(m[0]).length : 1)
        }
      }
    }
    out.push(s.join(''))
  }
  return out
}

/** Seeded random token soup: 1 to 40 pieces of JavaScript (brackets, operators, quotes,
 * keywords, comment and JSX delimiters, non-ASCII letters), mostly invalid. */
export function soup(seed, count) {
  const random = rng(seed)
  const int = (n) => Math.floor(random() * n)
  const parts = ['(', ')', '{', '}', '[', ']', '<', '>', '/', '*', '`', '${', '"', "'", '\\', 'a', '1', ' ', '\n', '=', '=>',
    '...', '?.', '#', '@', 'é', '𝒜', 'class', 'function', 'yield', 'await', 'async', 'let', 'import', 'export', 'of',
    '/*', '*/', '//', '</', '/>', '&', '-', ',', ';', ':', '?', '.', 'x', 'static', 'get', 'new', 'super', 'this']
  const out = []
  for (let i = 0; i < count; i++) {
    let s = ''
    const n = 1 + int(40)
    for (let j = 0; j < n; j++) s += parts[int(parts.length)]
    out.push(s)
  }
  return out
}

/** Seeded random line windows (1 to 40 lines) of the given sources: real code cut at
 * random places, mostly invalid, for error positions. */
export function windows(sources, seed, count) {
  const random = rng(seed)
  const int = (n) => Math.floor(random() * n)
  const out = []
  const split = sources.map((s) => s.split('\n'))
  for (let i = 0; i < count && split.length; i++) {
    const lines = split[int(split.length)]
    const from = int(lines.length)
    out.push(lines.slice(from, from + 1 + int(40)).join('\n'))
  }
  return out
}

// Hand-written edge cases, one feature per group; each is run as an expression and as a
// module (the verdicts come from acorn).
export const EDGE_CASES = [
  // a statement after a literal: `<` and `/=` are operators there, `/` a regex
  "import a from 'b'\n<c>", "import a from 'b'\n</B>", "export * from 'b'\n<c/>", "import a from 'b'\n/x/", "import a from 'b'\n/=x/", '1\n<a/>', '`a`\n<a/>', '/r/\n<a/>',
  // tokens
  '1_000', '1__0', '1_', '0_1', '0x_1', '0x1_f', '08', '09.5', '0o8', '0b2', '0x', '1n', '1.5n', '0x1fn', '1e', '1e+', '.5e3', '1.e5', '5..toString()', '3in x', '3 in x',
  '"\\08"', '"\\0"', '"\\1"', '"\\8"', '"\\x4"', '"\\u{110000}"', '"\\u{}"', '"\\u00"', '"a\nb"', '"a\\\nb"', "'\u2028'", '`\\08`', 'String.raw`\\08`', '`\\u{zz}`', 'a`\\unicode`',
  '`a${b}c${d}e`', '`${`${a}`}`', '`unterminated', '`a${b', '"unterminated', '/* unterminated', 'a /* ok */', 'a // x', '/re', '/re/gg', '/re/x', '/re/uv', '/[/]/', '/a/\\u0067',
  '\\u0061', 'a\\u0062', '\\u{61}bc', '\\u0030', 'a\\u0030', '\\u00', 'i\\u0066 (a) b', '#!x\n1', ' #!x\n1', '#x', 'a.#x', '@', 'a\u00a0+ b', 'café', '℮', '𝒜', 'a\u200db',
  // expressions
  'a, b', '(a, b)', '()', '(a,)', '(...a)', '(...a) => a', '(a, ...b) => 0', '(...a,) => 0', '(...a, b) => 0', 'a => b => c', 'async a => a', 'async (a) => a', 'async\n(a) => a',
  'async function() {}', 'async function*() { yield await 1 }', 'function*() { yield\n1 }', 'x = yield', 'function* g() { var yield }', 'function* g() { yield => 1 }',
  '(a = 1) => a', '([a, b]) => a', '({a, b}) => a', '({a = 1}) => a', '({a = 1})', '({a = 1} = b)', '[a, ...b] = c', '[...a, b] = c', '[...a,] = c', '({...a,} = b)', '({...{a}} = b)',
  '({a: 1} = b)', '[a + 1] = c', '(a) = 1', '((a)) = 1', '(a.b) = 1', '([a]) = 1', '({a}) = 1', 'a + 1 = 2', 'a++ = 1', '++a++', 'a?.b = 1', 'a?.b++', 'new a?.b()', 'a?.`x`', 'a?.b`x`',
  'a ?? b || c', 'a || b ?? c', '(a ?? b) || c', 'a ?? (b || c)', '-a ** 2', '(-a) ** 2', 'a ** -b', 'typeof a ** 2', 'await a ** 2', '++a ** 2', 'a++ ** 2',
  'delete a', 'delete (a)', 'delete a.b', 'delete this.#a', 'eval = 1', 'arguments++', '({eval} = a)', '[arguments] = a', 'a => { "use strict" }', '(a = 1) => { "use strict" }',
  'function f(a, a) {}', '(a, a) => 1', 'function f([a], a) {}', 'let', 'yield', 'await', 'await 1', 'async () => await', 'async (await) => 1', 'async () => { var await }',
  'new.target', 'function f() { new.target }', '() => new.target', 'import.meta', 'import.meta.url', 'import.metaa', 'import("a")', 'import("a",)', 'import("a", b)', 'import', 'new import("a")',
  'super.a', 'super()', '({a() { super.a }})', '({a() { super() }})', 'class A extends B { constructor() { super() } }', 'class A { constructor() { super() } }',
  '({__proto__: 1, __proto__: 2})', '({__proto__: 1, "__proto__": 2})', '({__proto__: 1, __proto__})', '({__proto__: 1, __proto__: 2} = a)', '({__proto__: 1, ["__proto__"]: 2})',
  '({get a() {}, set a(b) {}})', '({get a(b) {}})', '({set a() {}})', '({set a(...b) {}})', '({get [a]() {}})', '({async *a() {}})', '({async get a() {}})', '({a, b: c, ...d})',
  '({if: 1})', '({if})', '({a = 1})', '({async a})', '({get})', '({get: 1})', '({set = 1} = a)', 'x = {a: 1, a: 2}',
  // classes
  'class A {}', 'class {}', '(class {})', 'class A { constructor() {} constructor() {} }', 'class A { get constructor() {} }', 'class A { *constructor() {} }', 'class A { async constructor() {} }',
  'class A { static prototype() {} }', 'class A { static prototype = 1 }', 'class A { constructor = 1 }', 'class A { "constructor"() {} }', 'class A { ["constructor"]() {} }',
  'class A { #a; #a }', 'class A { get #a() {} set #a(b) {} }', 'class A { static get #a() {} set #a(b) {} }', 'class A { #constructor() {} }', 'class A { m() { this.#b } }',
  'class A { #a; m() { #a in this } }', 'class A { #a; m() { delete this.#a } }', 'class A { static { await } }', 'class A { static { arguments } }', 'class A { a = arguments }',
  'class A { static { return } }', 'class A { static { var a; let a } }', 'class A { a = 1; b }', 'class A { a = 1 b = 2 }', 'class A { static async *#m() {} }', 'class A { static }', 'class A { async\nm() {} }',
  'class A { get\nm() {} }', 'class A extends (B, C) {}', 'class A { [a]; }', 'class A { "a"; 1; }', 'class A { accessor a }',
  // JSX
  '<a/>', '<a></a>', '<a></b>', '<a><b></a></b>', '<></>', '<></a>', '<a></>', '<a b="c" d={e} {...f} g />', '<a b={} />', '<a b=c />', '<a b=<c/> />', '<a:b c:d="e" />', '<a:b.c />',
  '<a.b.c></a.b.c>', '<a.b></a.c>', '<a>{}</a>', '<a>{/* c */}</a>', '<a>}</a>', '<a>></a>', '<a>&amp;&#123;</a>', '<a/><b/>', '<a/> < b', '<a>\n</a>', '<a b="\n" />', '<a\n/>', '<a /* c */ b />',
  '<a>{...b}</a>', '<a {b} />', '<a {...b c} />', '<!-- x -->', '<a>', '<a b', '<a b="c', '<a>text', '<a-b-c />', '<a b-c="d" />', 'x < y', '<a></a\n>', '< a />', '<a></ a>',
  '<svg:rect></svg:rect>', '<a>{1}{2}</a>', 'a ? <b/> : <c/>', '[<a/>, <b/>]', '<a>{<b/>}</a>', '<a b={<c/>} />', 'await <a/>', 'yield <a/>',
  // statements and modules
  'import a from "a"', 'import a, {b} from "a"', 'import * as a from "a"', 'import {a as b} from "a"', 'import {"a" as b} from "a"', 'import {"a"} from "a"', 'import {if} from "a"', 'import {a as if} from "a"',
  'import a from "a"; import a from "b"', 'import a from "a"; let a', 'import a', 'import "a"', 'import {a,} from "a"', 'import {,} from "a"', 'import a, * as b from "c"',
  'export default 1', 'export default function () {}', 'export default class {}', 'export default async function () {}', 'export default 1; export default 2', 'export const a = 1', 'export let a, b',
  'export var {a, b: [c]} = d', 'export function f() {}', 'export class A {}', 'export {a}', 'export {a}; let a', 'let a; export {a}', 'export {a as b, b as a}; var a, b', 'export {a as default}; export default 1',
  'export {a as "b"}; var a', 'export {"a"}', 'export {"a"} from "b"', 'export * from "a"', 'export * as b from "a"', 'export * as default from "a"', 'export {if}', 'export {a, a}; var a', 'export {await}',
  'export async function f() {}', 'export const a', 'export let [a]', 'const a = 1; a = 2', 'let a; let a', 'let a; var a', 'var a; var a', 'function f() {} var f', 'function f() {} function f() {}',
  '{ function f() {} function f() {} }', 'function g() { function f() {} function f() {} }', 'function g() { function f() {} var f }', 'try {} catch (e) { var e }', 'try {} catch (e) { let e }',
  'try {} catch ([e]) { var e }', 'try {} catch {}', 'try {}', 'try {} finally {}', 'for (let a of b) { let a }', 'for (let a in b) var a', 'for (const a = 1;;) {}', 'for (const a;;) {}',
  'for (var a = 1 in b) {}', 'for (let a = 1 of b) {}', 'for (let of x) {}', 'for (let.a of x) {}', 'for (async of x) {}', 'for ((async) of x) {}', 'for await (a of b) {}', 'async function f() { for await (a in b) {} }',
  'for (a in b) {}', 'for ([a] of b) {}', 'for (a + b of c) {}', 'for (let [a] = b;;) {}', 'for (let [a];;) {}', 'for (var a, b of c) {}', 'for (a = 1; a < 2; a++) {}', 'for (;;) break', 'for (;;) continue',
  'break', 'continue', 'a: break a', 'a: continue a', 'a: while (1) continue a', 'a: a: ;', 'a: { b: { break a } }', 'a: { continue a }', 'switch (a) { case 1: break }', 'switch (a) { default: default: }',
  'switch (a) { case 1: let b; case 2: let b }', 'switch (a) { x }', 'if (a) function f() {}', 'if (a) let b', 'if (a) let\nb', 'while (a) const b = 1', 'if (a) class A {}', 'label: function f() {}',
  'with (a) {}', 'return', 'function f() { return }', 'throw\na', 'throw a', 'debugger', 'do a; while (b) c', 'do ; while (0) 1', 'let [a] = b', 'let {a} = b', 'let [a]', 'let let = 1', 'const {a, a} = b',
  'var let', 'let\nlet', 'let = 1', 'let.a', 'let[a] = 1', 'let in a', 'let instanceof a', 'a\n++b', 'a\n(b)', 'a\n`b`', 'if (a) a\nelse b', 'async\nfunction f() {}', 'async function f() {}\nf()',
  'function f() { "use strict"; 010 }', '"use strict"; 010', 'var eval', 'function eval() {}', 'function f(eval) {}', 'class eval {}', 'let arguments', 'implements', 'package = 1', 'enum', 'a.enum',
  'x = { get a() { return 1 } }; export {x}', 'export default x; var x', 'await a', 'await\na', 'function f() { await a }', 'async function f() { await a }', 'function f() { yield a }', 'function* f() { yield* a }',
  'function* f(a = yield) {}', 'async function f(a = await b) {}', 'async function f() { (a = await b) => 1 }', 'async (a = await 1) => 1', 'function* f() { (a = yield) => 1 }', 'a\n=> 1', '(a)\n=> 1',
  // more of each kind (patterns, classes, JSX, import(), optional chaining, numbers, escapes, regexes)

  'a = async () => await 1', 'async function f() { await\n1 }', 'function f() { return\n1 }', 'x = function* () { yield\n* 1 }', 'x = function* () { yield * 1 }',
  'x = { async *[a]() {} }', 'x = { async get() {} }', 'x = { get 1() {} }', 'x = { set "a"(b) {} }', 'x = { a() {}, get a() {} }', 'x = {a, b} = c',
  'x = {a: b = 1}', '({a: b = 1} = c)', '({a: (b) = 1} = c)', '({a: (b.c)} = d)', '({a: (b = 1)} = c)', '[(a)] = b', '[(a = 1)] = b', '[...(a)] = b', '[...(a = 1)] = b',
  '({...(a)} = b)', '({...a.b} = c)', '({...[a]} = b)', 'for ({a} of b);', 'for ([a, b] in c);', 'for ((a) of b);', 'for ((a = 1) of b);', 'for (a.b of c);', 'for (a() of b);',
  'async () => { for await (const a of b) {} }', 'for await (const a of b) {}', 'function f() { for await (const a of b) {} }', 'for (let [a, a] of b);', 'for (const a of b) { var a }',
  'let a = 1, b = a, a = 2', 'const [a, ...b] = c', 'const {a, ...b} = c', 'const {...a, b} = c', 'const [...a,] = b', 'let {a: {b}} = c', 'var [a, [b, [c]]] = d',
  'function f(a = 1, {b} = {}, ...c) {}', 'function f(...a = []) {}', 'function f(a, ...b,) {}', '(a, ...b,) => 1', 'function f(a,) {}', 'function f(,) {}', '(a,,b) => 1',
  'function f() { "use strict"; with (a) {} }', 'function f({a}) { "use strict" }', 'function f(a) { "use strict" }', '({ m({a}) { "use strict" } })', 'class A { m(a = 1) { "use strict" } }',
  'class A { static #a = 1; static m() { return A.#a } }', 'class A { #a; static has(o) { return #a in o } }', 'class A { #a; m() { return #a } }', 'class A { m() { #a in this } }',
  'class A { #a; m() { this?.#a } }', 'class A { #a; m() { super.#a } }', 'class A { #a; m() { delete this?.#a } }', 'class A { #a; m() { return class { n() { this.#a } } } }',
  'class A { get #a() {} get #a() {} }', 'class A { static #a() {} #a }', 'class A { "prototype"() {} }', 'class A { static "prototype"() {} }', 'class A { static ["prototype"]() {} }',
  'class A extends B { constructor() { (() => super())() } }', 'class A extends B { m() { super() } }', 'class A extends B { x = super() }', 'class A extends B { x = super.y }',
  'class A { static { super.x } }', 'class A { static { this.x = new.target } }', 'function f() { class A { [new.target] = 1 } }', 'class A { [arguments] = 1 }', 'function f() { class A { [arguments] = 1 } }',
  'class A { static async *[Symbol.iterator]() {} }', 'class A { static static() {} }', 'class A { static get static() {} }', 'class A { async *async() {} }', 'class A { get get() {} }',
  'class A { constructor() {} ["constructor"]() {} }', 'class A { static constructor() {} static constructor() {} }', 'class A { static async constructor() {} }',
  '<a b="&nbsp;" />', '<a>&#x1F600;&amp</a>', '<a.b:c />', '<a:b.c></a:b.c>', '<this />', '<a-b.c />', '<a b:c-d="e" />', '<a {...b} {...c} />', '<a b={...c} />',
  '<a></a><b></b>', '(<a></a>)\n<b></b>', '<a>{b}{/*c*/}{}</a>', '<a>{b c}</a>', '<a>{(b, c)}</a>', '<a b={c d} />', '<a><b /></a>', '<a></a >', '<a / >', '< / a >',
  '<><a/><b/></>', '<>\n<a/>\n</>', '<A.B.C></A.B.D>', '<a>\u2028</a>', '<a b=\'\\\' />', '<a b="c"d="e" />', '<a\u00a0/>', 'a < <b/>', '<a/> > 1', '[<a/>]', '<a>`</a>',
  'import.meta = 1', 'import.meta.a = 1', 'new import.meta.a()', 'import("a").then()', 'new (import("a"))', 'typeof import("a")', 'import(...a)', 'import()', 'a?.import("b")',
  'x = {await}', 'x = {yield}', 'x = {let}', 'x = {static}', 'x = {enum}', 'x = {eval}', 'x = {arguments}', '({eval} = {})', '({arguments = 1} = {})', '[eval] = []', 'eval++', '--arguments',
  'a?.b()', 'a?.()', 'a?.[b]()', 'new a?.b', 'new (a?.b)()', '(a?.b).c', '(a?.b)()', 'a?.b.c.d?.e', 'delete a?.b', 'a?.b = c', '(a?.b) = c', '[a?.b] = c', 'for (a?.b of c);',
  'a ?? b ?? c', '(a || b) ?? c', 'a ?? b && c', 'a && b ?? c', 'a | b ?? c', 'a ?? b | c', '2 ** -1', '(-2) ** 2', '(a, b) => c ** d', 'a ** b ** c', '+a ** b', '!a ** b', 'void a ** b',
  'let x = 08', 'let x = 0.1_1', 'let x = 1_0.1', 'let x = 1._1', 'let x = 1e1_0', 'let x = 1e_1', 'let x = 0b1_0', 'let x = 0o7_7', 'let x = 0xF_F', 'let x = 09_1', 'let x = 0_0', 'let x = 1__1',
  '"\\u{10FFFF}"', '"\\u{110000}"', '"\\u{0000000041}"', '"\\u{}"', '"\\x"', '"\\xg1"', '"\\ua"', '"\\u00g0"', '"\\c"', '"\\0"', '"\\00"', '"\\07"', '"\\9"', '"\\\r\n"',
  '`\\u{110000}`', 'a`\\u{110000}`', '`${a}\\xg`', 'a`${b}\\xg`', '`\\1`', '`\\0`', '`\\00`', '`\\08`', 'a`\\08`', '`\r\n`', '``', '`${}`', '`${a}${b}`', '`a${`b${c}`}`',
  '/a/d', '/a/v', '/[a--b]/v', '/[a&&b]/v', '/[\\q{abc}]/v', '/[^\\q{abc}]/v', '/\\p{L}/u', '/[\\p{L}--\\p{N}]/v', '/(?<a>x)\\k<a>/', '/(?<a>x)(?<a>y)/',
  '/(?<a>x)|(?<a>y)/', '/\\k<a>/', '/\\k<a>(?<b>x)/', '/\\k/', '/\\k/u', '/(?<𝒜>x)/', '/(?<\\u0061>x)/', '/a{2,1}/', '/a{2,1}/u', '/a{/', '/a{/u', '/}/', '/}/u', '/]/', '/]/u',
  '/(?=a)*/', '/(?=a)*/u', '/(?<=a)*/', '/\\b*/', '/^*/', '/a**/', '/a??/', '/a+?+/', '/[b-a]/', '/[\\d-a]/', '/[\\d-a]/u', '/[a-\\d]/u', '/\\c/', '/\\c/u', '/[\\c]/', '/[\\c]/u', '/\\cA/',
  '/\\1(a)/', '/\\2(a)/', '/\\2(a)/u', '/(a)\\1/u', '/\\u{1F600}/u', '/\\u{1F600}/', '/\\u{110000}/u', '/[😀-😁]/', '/[😀-😁]/u', '/\\uD83D\\uDE00/u', '/\\-/', '/\\-/u', '/[\\-]/u',
  '/(?:a/', '/(?a)/', '/(?<a/', '/(?<>a)/', '/(?i:a)/', '/a|*/', '/|/', '/()/', '/(|)/', '/[]/', '/[^]/', '/\\//', '/[/]/', '/a/gimsuyd', '/a/ii',
  'x\n/a/g', 'x = y\n/a/g', 'a++\n/b/', 'if (a) /b/.test(c)', 'while (a) /b/', 'do /a/; while (b)', 'for (;;) /a/', '} /a/', 'x = {} /a/', '[] /a/', ') /a/', 'this /a/',
  '/\\p{Foo}/u', '/\\P{Basic_Emoji}/v', '/\\p{Basic_Emoji}/v', '/\\p{L}/u', '/\\p{Script=Latin}/u', '/\\p{Script=Foo}/u', '/\\p{Foo=Latin}/u', '/\\p{gc=Lu}/u',
  '/[^\\p{RGI_Emoji}]/v', '/\\p{L}/', '/\\p{=a}/u', '/\\p{}/u', '/\\p{scx=Grek}/u', '/\\p{Lowercase}/u', '/\\p{lowercase}/u', '/[\\q{a|bc}--\\p{L}]/v',
  // scopes, early errors and contexts
  'class A { static { var await } }', 'class A { static { let x; { var x } } }', 'class A { static { (() => arguments) } }', 'class A { a = () => arguments }', 'class A { a = function () { arguments } }',
  'class A { static { function f() { await } } }', 'class A { static { async function f() { await 1 } } }', 'class A { static { await: ; } }', 'class A { static { x = await } }',
  'class A { a = await 1 }', 'async function f() { class A { a = await 1 } }', 'async function f() { class A { [await 1] = 1 } }', 'function* g() { class A { [yield] = 1 } }', 'function* g() { class A { a = yield } }',
  'class A { static a = this; static { this } }', 'class A { a = super.b }', 'x = { a: () => super.b }', 'x = { a() { return () => super.b } }', 'x = { a: function () { super.b } }',
  'function f() { return () => new.target }', 'class A { a = new.target }', 'class A { static { new.target } }', 'x = () => { new.target }',
  'function f(a) { let a }', 'function f(a) { var a }', 'function f(a) { { let a } }', 'function f() { let a; { var a } }', '(a) => { let a }', '(a) => { var a }', 'function f([a], {b}) { let b }',
  'function f() { var a; function a() {} }', '{ var a; function a() {} }', '{ function a() {} var a }', '{ let a; function a() {} }', 'function f() { let f }', 'function f() { var f; let f }',
  'let f; function f() {}', 'function f() {} let f', 'var f; function f() {}', 'function f() {} var f', 'class A {} class A {}', 'class A {} var A', 'var A; class A {}',
  'try {} catch ({a}) { let a }', 'try {} catch (a) { function a() {} }', 'try {} catch (a) { { var a } }', 'try {} catch ([a, a]) {}', 'try {} catch (a) { for (var a of b); }', 'try {} catch (a) { for (var a in b); }',
  'label: { label: ; }', 'label: for (;;) { label: ; }', 'a: b: c: while (1) continue a', 'a: { b: while (1) continue a }', 'a: switch (1) { case 1: continue a }', 'while (1) { function f() { break } }',
  'while (1) { (() => { break })() }', 'a: while (1) { (() => { break a })() }', 'switch (1) { case 1: break }', 'switch (1) { case 1: continue }', 'a: if (1) break a', 'a: { break }',
  'export default function f() {} export function f() {}', 'export default class A {} export class A {}', 'export function f() {} export {f as g}', 'export {f as default}; export default function () {}',
  'export * as a from "x"; export {a} from "y"', 'export * from "x"; export * from "y"', 'export {a as b, c as b} from "x"', 'export {"a b" as c} from "x"', 'export {a as "b c"}; var a', 'export {"a" as "a"} from "x"',
  'import {a as b, b as c} from "x"', 'import a, {a as b} from "x"', 'import {a} from "x"; export {a}', 'import * as ns from "x"; export {ns}', 'import a from "x"; a = 1', 'import a from "x"; a++',
  'export let [a, ...b] = c', 'export const {a, b: {c}} = d', 'export var a = 1, b = 2; export {a}', 'export {x}; export {x as y}; var x', 'export {x}; function x() {}', 'export {x}; class x {}',
  'export {x}; if (1) { var x }', 'export {x}; { let x }', 'export {x}; function f() { var x }', 'export {eval}', 'export {arguments}; var arguments',
  'async function* f() { yield await 1; for await (const x of y) {} }', 'async () => { for await (x of y); }', 'function f() { for await (x of y); }', 'for await (x of y);',
  'x = async function* () { yield* a }', 'x = { async *[Symbol.asyncIterator]() {} }', 'async function f() { await using }', 'function f(await) {}', 'async function f(await) {}', 'function* f(yield) {}',
  'async function f() { function await() {} }', 'async function f() { var await }', 'function* g() { function yield() {} }', 'async (a = await) => 1', 'async (a, await) => 1', 'async ({await}) => 1',
  'async function f() { async (await) => 1 }', 'function f() { async (await) => 1 }', 'x = async\n(a) => 1', 'async a\n=> 1', 'async (a)\n=> 1', 'x = async (a) => await a',
  'x = (a, b) => { "use strict"; }', 'x = function (a = 1) { "use strict" }', 'x = function ({a}) { "a"; "use strict" }', 'x = function (a) { "a"\n"use strict" }', 'function f(...a) { "use strict" }',
  'x = { "__proto__": 1, __proto__: 2 }', 'x = { __proto__: 1, "__proto__"() {} }', 'x = { __proto__: 1, get __proto__() {} }', 'x = { "__proto__": 1, ["__proto__"]: 2 }', '({ __proto__: a, __proto__: b } = {})',
  'x = [{ __proto__: 1, __proto__: 2 }]', '[{ __proto__: 1, __proto__: 2 }] = []', 'x = ({ __proto__: 1, __proto__: 2 }) => 1', 'f({ __proto__: 1, __proto__: 2 })', '({ __proto__: 1, __proto__: 2 }).a',
  'x = { a = 1 }', 'x = [{ a = 1 }]', '[{ a = 1 }] = []', 'x = ({ a = 1 }) => 1', 'f({ a = 1 })', '({ a = 1 }).b', '({ a = 1 } = {})', 'x = { a: { b = 1 } }', '({ a: { b = 1 } } = {})',
  'for ({ a = 1 } of b);', 'for ({ a = 1 };;);', 'for ({ a = 1 } in b);', '(({ a = 1 }))', '({ a = 1 }, b) => 1', '(b, { a = 1 })', 'async ({ a = 1 })', 'async ({ a = 1 }) => 1',
  'x?.y.#z', 'class A { #z; m() { x?.y.#z } }', 'class A { #z; m() { x?.#z() } }', 'class A { #z; m() { (x?.y).#z } }', 'class A { #z; m() { x.#z = 1 } }', 'class A { #z; m() { x?.#z = 1 } }',
  'a\n?.5:1', 'a?.[1]?.b?.()', 'new a?.()', 'new a.b?.c', 'a?.b\n`c`', 'super?.a', 'class A extends B { m() { super?.a } }', 'class A extends B { m() { super.a?.b } }', 'import.meta?.a',
  '1 + + 1', '1 - - 1', '1 ++ 1', 'a\n++\nb', 'a++\nb', '++a\nb', '++(a)', '++(a.b)', '++(a, b)', '(a, b)++', '++a.b', 'a.b++', '(a)++', '++[a]', '[a]++',
  'typeof a\n/b/', 'void /a/', 'delete /a/.b', 'a in /b/', 'a instanceof /b/', 'new /a/', 'a ? /b/ : /c/', 'a, /b/', '(/a/)', '[/a/]', '{a: /b/}', 'x = /a/ / /b/',
  'export {a as "\\uD800"}; var a', 'export {a as "\\uD83D\\uDE00"}; var a', 'export {a as "\\uDE00\\uD83D"}; var a', 'import {"\\uD800" as a} from "b"', 'export {"\\uDC00x"} from "b"',
  'export * as "\\uD800" from "b"', 'export {a as "\\u{1F600}"}; var a', 'export {a as "😀"}; var a',
  'x = { *g() { yield <a/> } }', 'class A { *g() { yield /a/ } }', 'function* f() { class A { *g() { yield <a/> } } }', 'function* g() { yield\n/a/g }', 'function* g() { yield <a/> }',
  '<𝒜></𝒜>', '<a𝒜></a𝒜>', '<a>𝒜</a>', '<a b="𝒜" />', '<😀 />',
  'new.target', 'new.tar', 'function f() { new.tar }', 'new a.b.c()', 'new a()()', 'new (a())()', 'new super.a', 'a?.[0]?.(1)?.b', 'a?.0:1', 'a ? .5 : 1', 'a\n?.b',
]

// ---------------------------------------------------------------- main

function report(label, result, verbose, limit = 15) {
  console.log(`${label}: ${result.identical}/${result.total} identical; valid inputs accepted ${result.validAgree}/${result.validTotal}` +
    (result.messageDiffs ? ` (${result.messageDiffs} with another message)` : ''))
  for (const d of result.differences.slice(0, verbose ? Infinity : limit)) {
    const v = d.value.length > 200 ? d.value.slice(0, 200) + '…' : d.value
    console.log(`  [${d.goal}] ${JSON.stringify(v)}\n    acorn ${JSON.stringify(d.expected)}\n    ours  ${JSON.stringify(d.got)}`)
  }
}

async function main() {
  const args = process.argv.slice(2)
  const pick = (flag, fallback) => {
    const i = args.indexOf(flag)
    return i >= 0 ? args[i + 1] : fallback
  }
  const verbose = args.includes('--verbose')
  const messages = args.includes('--messages')
  const only = pick('--source', null)
  const count = Number(pick('--count', 2000))
  const seed = Number(pick('--seed', 1))
  const maxFiles = Number(pick('--max-files', Infinity))
  const want = (name) => !only || only === name

  if (want('node_modules')) {
    const files = nodeModulesFiles(maxFiles)
    const values = files.map((f) => readFileSync(f, 'utf8'))
    const t0 = Date.now()
    const result = compare(values, 'module', null, messages)
    result.differences.forEach((d, i) => { d.value = files[values.indexOf(d.value)] + ': ' + d.value.slice(0, 80) })
    report(`node_modules (${files.length} files, ${(values.reduce((n, v) => n + v.length, 0) / 1e6).toFixed(1)} M chars, ${Date.now() - t0} ms)`, result, verbose)
  }
  if (want('corpus')) {
    const c = await corpusSamples()
    report('corpus expressions', compare(c.expression, 'expression', null, messages), verbose)
    report('corpus spreads', compare(c.spread, 'spread', null, messages), verbose)
    report('corpus ESM blocks', compare(c.module, 'module', c.modulePre, messages), verbose)
  }
  if (want('random')) {
    report('random expressions', compare(randomSamples(seed, count), 'expression', null, messages), verbose)
  }
  if (want('edge')) {
    report('edge cases as expressions', compare(EDGE_CASES, 'expression', null, messages), verbose, 40)
    report('edge cases as modules', compare(EDGE_CASES, 'module', null, messages), verbose, 40)
    report('edge cases as spreads', compare(EDGE_CASES, 'spread', null, messages), verbose, 40)
  }
  if (want('soup')) {
    const t = soup(seed, count)
    report('token soup as expressions', compare(t, 'expression', null, messages), verbose)
    report('token soup as spreads', compare(t, 'spread', null, messages), verbose)
    report('token soup as modules', compare(t, 'module', null, messages), verbose)
  }
  if (want('windows')) {
    const files = nodeModulesFiles().filter((f) => statSync(f).size < 200000)
    const sources = files.map((f) => readFileSync(f, 'utf8'))
    const w = windows(sources, seed, count)
    report('node_modules windows as modules', compare(w, 'module', null, messages), verbose)
    report('node_modules windows as expressions', compare(w, 'expression', null, messages), verbose)
    const m = mutations(w.filter((s) => s.length < 3000), seed, count)
    report('mutated node_modules windows as modules', compare(m, 'module', null, messages), verbose)
  }
  if (want('mutations')) {
    const snippets = EDGE_CASES.filter((s) => reference(s, 'module').ok).concat(randomSamples(seed + 100, 200).filter((s) => reference(s).ok))
    const m = mutations(snippets, seed, count)
    report('mutations as expressions', compare(m, 'expression', null, messages), verbose)
    report('mutations as modules', compare(m, 'module', null, messages), verbose)
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  main().catch((error) => {
    console.error(error)
    process.exit(1)
  })
}
