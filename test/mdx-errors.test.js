'use strict'
// Broken MDX: where the reference (test/helpers/mdx-reference.mjs) throws, parse() throws
// an Error with the same line, column, offset, reason and ruleId, `source: 'omni-mdx'`
// and `message` = reason. `broken` holds MDX errors and the lexical JavaScript ones;
// `grammar` the errors where acorn judges JavaScript that is lexically fine (src/jscheck.c
// stands in for acorn). Cases still failing are listed in test/known-failures.json.
const assert = require('node:assert/strict')
const {isDeepStrictEqual} = require('node:util')
const mdx = require('..')
const {checkAgainstKnown} = require('./helpers/known-failures.js')

let referenceError
let referenceMdx

const broken = [
  "> <a\nb>",
  "a <b\nc> d",
  "<a b={} />",
  "> <a>\n</a>",
  "<a></b>",
  "<a>\n\nb</a>",
  "<a>",
  "a <b> c",
  "*a <b>* c</b>",
  "</a>",
  "<a {b} />",
  "a <3",
  "import a from \"b\n\nx",
  "export {\n\n",
  "a {b",
  "a <= b",
  "<a>b\n</a>",
  "<a>\nb</a>",
  "a <",
  "<",
  "<a b",
  "a <b c",
  "<a\tb=\n",
  "a <b\\u00a0c />",
  "<a>\n\n- b\n\n</a>\n</a>",
  "<a>\n  <b>\n</a>",
  "<a>\n{b\n</a>",
  "<a>\n</a>\n</a>",
  "text <a>\n\n</a> text",
  "- a\n- <b>\n- </b>",
  "1. <a>\n\n2. </a>",
  "<a>\n> b <c>\n</a>",
  "**<a>**</a>",
  "<a>**</a>**",
  "export const a = \"\n\nb",
  "export default <a",
  "<a>\n\nb",
  "<a>\n</b>",
  "a </b> c",
  "- <a>\n</a>",
  "<a>\n> </a>",
  "<a b=\"c>",
  "<a b='c>",
  "<a b=c />",
  "<a b=<c/> />",
  "<a b= />",
  "<a 1 />",
  "<a @ />",
  "<a !b />",
  "<a b:1 />",
  "<a b:c:d />",
  "<a.1 />",
  "<a.b:c />",
  "<a:b.c />",
  "<a:1 />",
  "<a:+ />",
  "<a/b>",
  "<a /x>",
  "</a b>",
  "</a/>",
  "<!-- x -->",
  "<!a>",
  "<1a>",
  "<a#b />",
  "<a@b />",
  "<a.b@c />",
  "</ a>",
  "</*a>",
  "<a /*b*/ />",
  "<a //b\n/>",
  "<a\n",
  "<a b=",
  "<a b=\"",
  "<a.",
  "<a:",
  "<a {",
  "<a {...b",
  "<a b={c",
  "{a",
  "{a\n\nb",
  "a {b\n\nc}",
  "> {a\n}",
  "> {a\nb}",
  "- {a\nb}",
  "> <a\nb />",
  "> <a b={\nc} />",
  "<a b={ } />",
  "<a b={/* c */} />",
  "<a {} />",
  "<a {b: 1} />",
  "<a>*b</a>*",
  "[<a>](b)</a>",
  "# <a>\n</a>",
  "<a>\n# </a>",
  "<a></a></a>",
  "<><a></>",
  "<a></>",
  "<></a>",
  "<a b c=\"\" {...d} e></a f>",
  "a\n<b>\n\nc</b>",
  "<x:y></x:z>",
  "<x.y></x.z>",
  "<a>text</a>\n\n<b>",
  "{}\n<a>",
  "<a\tb=\"c\"\t/>\n</a>",
  "- <a>\n\n  b\n\n- </a>",
  "<a>*</a>*",
  "[<a>](b)",
  "a <b\n\nc/>",
  "\\\\{",
  "- <a\nb />",
  "- {\na}",
  "> {\n\n}",
  "> - {\na}",
  "<a>\n> b\n</a>\n</a>",
  "> <a>\n> </b>",
  "<a\n\n>",
  "<a>{</a>",
  "<a>{b</a>",
  "a {b <c />",
  "<a b={c>",
  "<a b=\"c\" {...d>",
  "- <a>\n- </a>",
  "* <a>b\n* </a>",
  "<a>\n</a>\n<a>",
  "<a>\n<b>\n</a>\n</b>",
  "a\n<b />\n</c>",
  "<a>\n\n  </b>",
  "text {a}\n\n{b",
  "text <a>\n\n</a>",
  "**<a>** </a>",
  "<a> *b</a>*",
  "<a>[b</a>](c)",
  "[a <b>](c) </b>",
  "<a b=\"\n",
  "<a b=\n",
  "<a.b.>",
  "<a.b:c>",
  "<a:b:c>",
  "<a b:c:d>",
  "<a b:c=d>",
  "<a b/c>",
  "a <b c=<d/> />",
  "a <b !c />",
  "</a.b>",
  "<a→ />",
  "<a b c=\"d\" =/>",
  "a <b→c />",
  "<a b→ />",
  "<a {...b, c} />",
  "<a {...b, ...c} />",
  "<a {...b,\n  c} />",
  "<br>",
  "a\n<a\n> b",
  "- <a\n- b />",
  "> a\n> <b\n\nc />",
  "> a\n> <b\n- c />",
  "> a\n> <b\nc />",
  "- <a\n> ",
  "> <a\n- b />",
  "> <a\n\nb />",
  "- a\n  {b\n- c}",
  "> a\n<b\n",
  "<a {1} />",
  "<a {x +\n  y} />",
  "<a {b c} />",
  "<a\n---\n/> c",
  "{</A>}",
  "{< /A>}",
  "- [x] a <B>",
  "* [X]\ta\n  b <B>",
  "<B>\n- [x] a </B>",
  "- a\n<_y\n  q=\"r\">\n\n</_y>\n",
  "- a\n<b\nc />\n",
  "- a\n{b +\nc}\n",
  "{\n> a\n}",
  "export const c =\n> a\n",
  "export const c =\n```x\n",
  "{a\n* ```js{b}",
  "{`a\n${b} c}",
  "export const j = {\n  k: 1\n</>\n}\n",
  "{a\n/b/ /c\n}",
  "<A {c, d as e} />",
  "<A {...c, \"d\" e} />",
  // A flow group that fails (text after it) is read again line by line as flow: its
  // later lines may interrupt the paragraph, and a group among them may fail in turn.
  "<a t=\"a\n<a.>\nb\"> c\n",
  "<a t=\"a\n# b\nb\"> c\n",
  "{a +\n$$\n} c\n",
  "<a t=\"a\n<A b={>\nb\"> c\n",
  "<a t='\n# h\n<b c=\"\n<d.>\n\"> x'> y\n",
  "<a t='\n# h\n<b c=\"\n\"> x\n<d.>\n'> y\n",
  "<a t='\r\n# h\r\n<b c=\"\r\n\"> x\r\n<d.>\r\n'> y\r\n",
  "> <a t=\"x\n> # b\n> \"> c",
  "- <a t=\"x\n\n  <a.>\n  \"> c",
  "> {a +\n> ```\n> } c\n",
  "[^1]: <a t=\"x\n    # b\n    \"> c\n",
  // Reading ahead whether a tag or expression interrupts a footnote's paragraph: a line
  // not indented 4 columns is lazy there.
  "[^1]: a\n    <b t=\"c\nd\"> e\n",
  // The end of a value that never parsed is placed at the end of the last piece read
  // before its last `}`: not past the prefix of the line it is on; virtual spaces of a
  // tab take no source.
  "{a +\n }",
  "{a +\n  }",
  "{a +\n \t}",
  "{\n\ta +\n\t}",
  "<a {...\n \t \n } />\n",
  "1. x { \n   \ta +\n   } z\n",
  "> {\n>\t\ta b\n> }",
  "[^1]: a\n    {b +\nc} d\n",
  "[^1]: a\n<A t=\"d\ne\"> f\n",
  // A table's body row that is a flow group ends the table (here it fails at once); and
  // an indented paragraph line may be a table's head row (no indented code).
  "| a {b |\n| - |\n<d.>\n",
  "<a t='x\n| - |\n<d.>\n'> y\n",
  "z <a t=\"x\n    code\n| - |\n",
]

// JavaScript that acorn rejects though it scans fine: expressions in flow, text and
// attributes, spreads, and ESM (whose blocks share the names they import).
const grammar = [
  "{a b}",
  "x {a b} y",
  "{a\nb}",
  "{a +}",
  "{a +} b}",
  "{a +\n}",
  "{(a}",
  "{a,}",
  "{a b} {c}",
  "{a b}\n\nmore {c}",
  "> {a b}",
  "- {a\n  b}",
  "{1 = 2}",
  "{a => }",
  "{let x = 1}",
  "{if (a) b}",
  "{a ? b}",
  "{a.}",
  "{new}",
  "{({a = 1})}",
  "{a ?? b || c}",
  "{-a ** 2}",
  "{a?.b`c`}",
  "{new a?.b()}",
  "{yield a}",
  "{x => { let a; let a }}",
  "{x => { return 1 }; 2}",
  "{async () => { await }}",
  "{/a/gg}",
  "{0777}",
  "{'\\08'}",
  "{<a></b>}",
  "{<a>}</a>}",
  "{<a/><b/>}",
  "{a // c}",
  "<a b={c d} />",
  "<a b={1 +} />",
  "<a b={(} />",
  "text <a b={c d} /> text",
  "<a {...b c} />",
  "<a {...} />",
  "<a {b: 1} />",
  "<a {...b, c} />",
  '<a {"b": 1} />',
  "<a {b() {}} />",
  "import a",
  "import a from",
  "import {a} from 'b' c",
  "export nonsense",
  "export const a = 1 2",
  "export const a = 1\nconsole.log(a)",
  "export const a = 1\n\nexport const a = 2\nlet a",
  "export function f() {\n  return 1 +\n}",
  "export default a b",
  "export {a}",
  "export const a = 1, a = 2",
  "export const a = 1\nexport {a as b, a as b}",
  "import a from 'b'\n\nimport a from 'c'",
  "import {a} from 'b'\n\nexport const a = 1",
  "import * as a from 'b'\n\nexport function a() {}",
  "import a from 'b'\nimport a from 'c'",
  "export const a = {\n\nb: 1 2}",
  "export const a = (\n\n1 2)",
  "export class A { constructor() {} constructor() {} }",
  "export const a = () => { break }",
  "export const a = new.target",
  "export const a = delete b",
  "export const a = 08",
  "export const \\u0061wait = 1",
  "export const a = <b>{c d}</b>",
  "{new.target}",
  "{label: while (1) break label}",
  "export let a; a = 1",
  "import json from './a.json' with {type: 'json'}",
  "{/[/]{}/u}",
  "{a\n++b}",
  "{await <a/>}",
  "{x => { x ? {} : {} /y/ }}",
  "{({ *g() { yield /x/ } })}",
  "{// /*\n{[k]: 1} // */\n}",
]

/** Our error for `source` in the reference's terms, or null if parse() did not throw. */
function ourError(source) {
  try {
    mdx.parse(source)
    return null
  } catch (error) {
    if (typeof error.reason !== 'string') throw error
    assert.equal(error.source, 'omni-mdx')
    assert.equal(error.message, error.reason)
    assert.ok(error instanceof Error)
    return {line: error.line, column: error.column, offset: error.offset, reason: error.reason, ruleId: error.ruleId}
  }
}

describe('MDX: syntax errors as the reference throws them', function () {
  before(async () => {
    const reference = await import('./helpers/mdx-reference.mjs')
    referenceError = reference.referenceMdxError
    referenceMdx = reference.referenceMdx
  })

  it(`the reference throws on all ${broken.length} broken documents`, () => {
    const fine = broken.filter((source) => referenceError(source) === null)
    assert.deepEqual(fine, [])
  })

  it(`${broken.length} broken documents: same line, column, offset, reason and ruleId`, () => {
    const failed = []
    for (const source of broken) {
      if (!isDeepStrictEqual(ourError(source), referenceError(source))) failed.push(source)
    }
    console.log(`      ${broken.length - failed.length}/${broken.length} identical errors`)
    checkAgainstKnown('mdx-errors', failed)
  })

  it(`the reference throws on all ${grammar.length} documents with JavaScript grammar errors`, () => {
    const fine = grammar.filter((source) => referenceError(source) === null)
    assert.deepEqual(fine, [])
  })

  it(`${grammar.length} JavaScript grammar errors: same line, column, offset, reason and ruleId`, () => {
    const failed = []
    for (const source of grammar) {
      if (!isDeepStrictEqual(ourError(source), referenceError(source))) failed.push(source)
    }
    console.log(`      ${grammar.length - failed.length}/${grammar.length} identical errors`)
    checkAgainstKnown('mdx-errors-grammar', failed)
  })

  it(`${grammar.length} JavaScript grammar errors: acorn's words in \`cause\` as the reference's`, () => {
    const failed = []
    for (const source of grammar) {
      let expected
      try {
        referenceMdx(source)
      } catch (error) {
        expected = error.cause ? error.cause.message : undefined
      }
      let ours
      try {
        mdx.parse(source)
      } catch (error) {
        ours = error.cause ? error.cause.message : undefined
        if (error.cause) assert.ok(error.cause instanceof Error)
      }
      if (ours !== expected) failed.push(source)
    }
    console.log(`      ${grammar.length - failed.length}/${grammar.length} identical causes`)
    checkAgainstKnown('mdx-errors-cause', failed)
  })

  it('errors without a place (a tag open at the end) have no line, column or offset', () => {
    const error = ourError('<a>')
    assert.deepEqual(error, {line: undefined, column: undefined, offset: undefined, reason: 'Expected a closing tag for `<a>` (1:1-1:4)', ruleId: 'end-tag-mismatch'})
  })
})
