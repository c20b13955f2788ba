'use strict'
// Broken MDX: where the reference (test/helpers/mdx-reference.mjs) throws, parse() throws
// an Error with the same line, column, offset, reason and ruleId, `source: 'omni-mdx'`
// and `message` = reason. Errors that need acorn's syntax judgement of lexically valid
// JavaScript are out of scope (docs/syntax.md) and not in this table. Cases still
// failing are listed in test/known-failures.json.
const assert = require('node:assert/strict')
const {isDeepStrictEqual} = require('node:util')
const mdx = require('..')
const {checkAgainstKnown} = require('./helpers/known-failures.js')

let referenceError

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
  "[^1]: a\n    {b +\nc} d\n",
  "[^1]: a\n<A t=\"d\ne\"> f\n",
  // A table's body row that is a flow group ends the table (here it fails at once); and
  // an indented paragraph line may be a table's head row (no indented code).
  "| a {b |\n| - |\n<d.>\n",
  "<a t='x\n| - |\n<d.>\n'> y\n",
  "z <a t=\"x\n    code\n| - |\n",
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
    referenceError = (await import('./helpers/mdx-reference.mjs')).referenceMdxError
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

  it('errors without a place (a tag open at the end) have no line, column or offset', () => {
    const error = ourError('<a>')
    assert.deepEqual(error, {line: undefined, column: undefined, offset: undefined, reason: 'Expected a closing tag for `<a>` (1:1-1:4)', ruleId: 'end-tag-mismatch'})
  })
})
