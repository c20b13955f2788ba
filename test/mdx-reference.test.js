'use strict'
// format: 'mdx' (the default) must deep-equal the reference, test/helpers/mdx-reference.mjs:
// mdast-util-from-markdown with micromark-extension-mdxjs + mdast-util-mdx, GFM, math and
// frontmatter (the default options), `data.estree` removed. Every node, field, attribute
// and position. Cases still failing are listed in test/known-failures.json.
const fs = require('node:fs')
const {isDeepStrictEqual} = require('node:util')
const mdx = require('..')
const {checkAgainstKnown} = require('./helpers/known-failures.js')
const {corpusFiles} = require('./helpers/corpus.js')

let reference

/** JSON round trip: the reference leaves no undefined fields, and neither should we. */
const plain = (tree) => JSON.parse(JSON.stringify(tree))

/** What parsing `source` with `fn` gives: the tree, or the syntax error's place and words. */
function outcome(fn, source) {
  try {
    return plain(fn(source))
  } catch (error) {
    if (typeof error.reason !== 'string') throw error
    return {error: [error.line, error.column, error.reason, error.ruleId]}
  }
}

function same(source) {
  let ours
  try {
    ours = mdx.parse(source)
  } catch {
    return false
  }
  return isDeepStrictEqual(ours, plain(reference(source)))
}

// Small valid documents, one or more constructs each: expressions (flow and text, across
// lines and containers), ESM, JSX (flow and text, names, attributes, nesting, fragments,
// containers) and what MDX turns off (indented code, HTML, autolinks).
const cases = [
  "- a\n<b\n  c />\n",
  "> a\n<b\n> c />\n",
  "- a\n{b +\n  c}\n- d",
  "- a\n<b />\n",
  "{a || b && c | d ^ e & f % g}",
  "{a ?? b ? c : d >= e >>> f}",
  "{x = 1} {a => b} {a?.b} {[,a]}",
  "{a+\n    b}",
  "x {a+\n     b} y",
  "> {a+\n> b}",
  "- {a+\n    b}",
  "<a b=\"c\n   d\" />",
  "<a>b</a>",
  "<a>\n\nb\n\n</a>",
  "{1} <a/> b",
  "    # hi",
  "a\n    # hi",
  "<a\n  b>\n\nc\n</a>",
  "a\n<b/>",
  "a\n{b}",
  "{}",
  "{/* c */}",
  "a {} b",
  "<a {...b} />",
  "{a}}",
  "<a>\n{1}\n</a>",
  "\t{a}",
  " {a}",
  "\t<a/>",
  "  <a/>",
  "<a>\n> b\n</a>",
  "<a\n/>",
  "a < b",
  "<x.y.z q:r=\"s\" t={u} />",
  "<svg:rect />",
  "<>\n  a\n</>",
  "<a>*b*</a>",
  "import a from \"b\"\nexport const c = 1\n\n# hi",
  "a\nimport x from \"y\"",
  "<a b='&amp;&#123;x' />",
  "<a.b></a.b>",
  "- <a>\n  b\n  </a>",
  "<a>\n  - b\n</a>",
  "# <a>b</a>",
  "<A>\n<B>\n<C />\n</B>\n</A>",
  "<a><b /></a>",
  "<a>{1}</a>",
  "<a> {1} </a>",
  "{1}{2}",
  "{1} {2}",
  "<a />{1}",
  "{1}<a />",
  "a {1}",
  "{1} a",
  "<a>\n\n* b\n\n</a>",
  "> <a />",
  "> <a>\n> b\n> </a>",
  "> {a}",
  "- {a}",
  "- <a />",
  "1. <a />\n2. {b}",
  "* <a>\n  *b*\n  </a>",
  "<a\n  b=\"c\"\n  d={e}\n/>",
  "<a b={{c: 1}} />",
  "<a b={`x`} />",
  "<a b=\"}\" />",
  "<a b='\"' />",
  "<a b=\"&quot;&lt;\" />",
  "<a b=\"&unknown;\" />",
  "<a b=\"&#x41;\" />",
  "<a\tb />",
  "<a  b  =  \"c\"  />",
  "<a b\n=\n\"c\" />",
  "<a.b.c />",
  "<a:b />",
  "<a:b c:d=\"e\" />",
  "<a-b />",
  "<a b-c=\"d\" />",
  "<$a _b />",
  "<a {...b} {...c} />",
  "<a {...{b: 1}} />",
  "<a b={1} c=\"2\" d />",
  "a <b /> c",
  "a <b>c</b> d",
  "a <b c=\"d\">e</b> f",
  "a <b.c>d</b.c>",
  "a <>b</> c",
  "*<a>b</a>*",
  "**a <b /> c**",
  "[a <b /> c](d)",
  "[<a />](b)",
  "`<a />`",
  "a\n<b />\nc",
  "<a>\n  *b*\n</a>",
  "<a>\n\n  b\n\n</a>",
  "<a>\n\n      b\n\n</a>",
  "# a {b}",
  "# {b}",
  "a\n===\n{b}",
  "{a}\n===",
  "<a>\n# b\n</a>",
  "<a>\n```\nb\n```\n</a>",
  "```\n<a>\n```",
  "```js\n{a}\n```",
  "`{a}`",
  "\\\\{a}",
  "\\\\<a />",
  "a \\\\< b",
  "a\n{\n  b\n}",
  "{\n  a\n}",
  "{a /* } */}",
  "{a // }\n}",
  "{\"}\"}",
  "{'}'}",
  "{`}`}",
  "{a ? b : c}",
  "{() => {}}",
  "{[1, 2, 3]}",
  "{a}\n\n{b}",
  "<a>\n{b}\n</a>",
  "text\n\n<a>\n\n- list\n\n</a>",
  "<a>b</a>\n\n<c />",
  "import a from 'b'",
  "export default function X() {}",
  "export const a = {\n  b: 1\n}",
  "import a from 'b'\nimport c from 'd'",
  "import a from 'b'\n\nimport c from 'd'",
  "import a from \"b\"\n// comment",
  "a\n\nexport const b = 1\n\nc",
  " import a from 'b'",
  "importa",
  "import\n",
  "export",
  "export const a = 1\n\n\n",
  "<a></a>",
  "<a>\n</a>",
  "<>\n</>",
  "<a>\n\n</a>",
  "&amp; {a} &copy;",
  "a{b}c",
  "a<b/>c",
  "<a/><b/>",
  "<a/> <b/>",
  "<a>\n  <b>\n    c\n  </b>\n</a>",
  "<x y=\"1\n2\" />",
  "<x y=\"a\n  b\n  c\" />",
  "a <x y=\"1\n2\" /> b",
  "a {b +\n  c}",
  "a {b +\n      c}",
  "> a {b +\n> c}",
  "- a {b +\n  c}",
  "<a b={\n  c\n} />",
  "a *b {c} d*",
  "a _b <c /> d_",
  "~~a {b}~~",
  "$a$ {b}",
  "$$\n{a}\n$$",
  "---\ntitle: a\n---\n\n{b}",
  "| a | b |\n| - | - |\n| {c} | <d /> |",
  "[^1]: {a}",
  "a\\\\\n{b}",
  "a  \n{b}",
  "{a}  \n",
  "<a />  ",
  "  <a />  ",
  "<a>\n\n> b\n\n</a>",
  "<A.B.C d:e=\"f\" g={h} {...i} j />",
  "a <\nb",
  "<a>\n{b}}\n</a>",
  "}",
  "<a>}</a>",
  "<a b=\"c\"d />",
  "<a b=\"c\"/>",
  "<a b={c}d />",
  "<a b={c}/>",
  "<a {...b}c />",
  "<a {...b}/>",
  "> a <b>\n> c </b>",
  "> a <b>\nc </b>",
  "[a](<b>)",
  "![<a />](b)",
  "<a b=\"&amp\" />",
  "<a b='&#;' />",
  "<a / >",
  "<a>\n- b\n</a>",
  "> <a>\n> b\n> </a>\n\nc",
  "> <a />\nb",
  "> a\n<b />",
  "> a\n> <b />",
  "- a\n  <b />",
  "- <a>\n\n  b\n\n  </a>",
  "> <a\n> b />",
  "- <a\n  b />",
  "- {\n  a\n  }",
  "> {\n> a\n> }",
  "> - <a\n>   b />",
  "<a>\n- b\n- c\n</a>",
  "<a>\n> b\n\nc\n</a>",
  "a\n<b>\nc\n</b>",
  "a\n{b}\nc",
  "<a>\n\n</a>\n\n<b>\n\n</b>",
  "<a>   \n   b\n   </a>",
  "    <a>\n    </a>",
  "   <a>\nb\n</a>",
  "<a></a> b",
  "a <b></b>",
  "<a>\nb *c* d\n</a>",
  "<a>[</a>]",
  "[a](b) <c>d</c>",
  "<a><b>\nc\n</b></a>",
  "<a b=\"c\nd\" e>\nf\n</a>",
  "a {\nb}",
  "a {b\n}",
  "{\n}",
  "{ }",
  "{\t}",
  "<a\n\n/>",
  "<a b\n\n=\n\n\"c\" />",
  "* a\n* <b/>\n* c",
  "1. a\n\n   {b}",
  "> > {a}",
  "> > <a>\n> > </a>",
  "# a <b /> c",
  "a\n===\n<b />",
  "<a />\n===",
  "<a>\n---\n</a>",
  "---\n<a />",
  "<a />\n---",
  "~~~\n<a>\n~~~",
  "$$\n<a\n$$",
  "a $<b$ c",
  "`{` <a />",
  "a \\\\{b}",
  "&#123;a}",
  "<a b=\"&#x7B;\" />",
  "<a b=\"1 &lt; 2\" c='&quot;' />",
  "<a>\ta\t</a>",
  "> a <b\nc />",
  "<a/ >",
  "<a/\n>",
  "< >",
  "<a b=\"c\" / >",
  "<é />",
  "<aé b-c=\"d\" />",
  "a <αβγ δ=\"ε\" />",
  "<a b />",
  "<a {...b,} />",
  "<a {...f(a, b)} />",
  "<a {...{a, b}} />",
  "<a {...b /* , */} />",
  "import a from \"b\"\r\nexport const c = 1\r\n\r\n# d\r\n",
  "<a b=\"c\r\nd\" e={f +\r\n  g}>\r\n\r\nh\r\n\r\n</a>\r\n",
  "{a +\r\n  b}\r\n",
  "x {a +\r\n  b} y\r\n",
  "x <a\r\nb=\"c\" /> y\r",
  "<a>\r\r</a>",
  "> <a\r\n> b />\r\n",
  "<a>\n  <b>\n\n    text\n\n  </b>\n</a>\n",
  "<Callout type=\"info\">Some **text** here.</Callout>",
  "<img src=\"x\" />\n\n<br />",
  "export const meta = {\n  title: 'x',\n}\n\n# Title",
  "{/* c */}\n\n# a",
  "<A>\n  ```js\n  code\n  ```\n</A>",
  "- a\n\n  <B>\n    c\n  </B>",
  "<A>\n\n- b\n- c\n\n</A>",
  "  <A>\n    b\n  </A>",
  "- a\n  <b\n\n  c />",
  "{a +\n- b\n} c",
  "{a +\nb\n} c",
  "<a\nb\n/> c",
  // Valid JavaScript that only a parser can tell from broken: the checker must accept it.
  "{() => {return}}}",
  "{function () {}}",
  "{class {}}",
  "{({a: 1, b})}",
  "{[a, b] = 1}",
  "export const a = b\n\nfoo()",
  "{async function* g() { for await (const x of y) yield* x }}",
  "{({a, b: [c, ...d], ...e} = f)}",
  "{(a, b) => ({c: a ?? b?.[0]})}",
  "{class A extends B { #x = 1; static { this.y = 2 } get z() { return this.#x } static #w() {} }}",
  "{a => a ** -b}",
  "{`a ${b} ${`c ${d}`}`}",
  "{/[/]{}/.test(x) ? /a/g : b / c / d}",
  "{function () { return new.target }}",
  "{<A b={1} {...c} d=\"e\"><B.C /><x:y />text{d}</A>}",
  "{<>{[1, 2].map((x) => <li key={x}>{x}</li>)}</>}",
  "{a\n/* } */\n}",
  "{x = {y: function () { return {} }}}",
  "<a b={c => { if (c) { return <d /> } }} />",
  "<a {...(b ? {c} : {})} />",
  "<a {...b /* c */} />",
  "import a, {b as c, default as d} from 'e'\nimport * as f from 'g'\nexport {a, c as h}\nexport * from 'i'\nexport * as j from 'k'",
  "import a from 'b'\n\nexport {a}",
  "import a from 'b'\n\nexport const c = a",
  "export default class extends A {}",
  "export async function* f() { yield await 1 }",
  "export const a = await import('b')",
  "export const {a, b: [c]} = d",
  "export function f() {\n\n  return 1\n\n}",
  "import {a} from\n\n\"b\"",
  "{/* } */}",
  "{a /* } */}",
  // After a table, a flow group ends it (a failed one is a body row); no indented code:
  // indented head and delimiter rows.
  "| a |\n| - |\n{d}\n",
  "| a |\n| - |\n<d\n/>\n",
  "| a |\n| - |\n<d /> x\n",
  "| a |\n| - |\n{a} {b}\n",
  "| a |\n| - |\n      # h\n",
  "a\n    | b |\n    | - |\n",
  "a\n    b | c\n| - | - |\nd\n",
  // A new container on a line with a footnote definition's indent: what it closes ends
  // where it starts.
  "[^1]: a\n    - b\n    1. g\n",
  "- a\n  [^1]: b\n      > c\n      - d\n",
  // Tabs on an expression's continuation lines: micromark splits a tab into a tab and
  // virtual spaces to the next multiple of 4 columns; container prefixes and the
  // expression's prefix (two codes of whitespace) use some, the rest are spaces in the value.
  "{\n\ta\n}",
  "{\n\t\ta\n}",
  "{\n \ta\n}",
  "{\n  \ta\n}",
  "{\n   \ta\n}",
  "{\r\n\ta\r\n}",
  "{\n\t\n}",
  "{a\n\t}",
  "x {\n\ta\n}",
  "x\n{\n\ta\n}",
  "<a b={\n\tc\n} />",
  "<a {...\n\tb} />",
  "x <a b={\n\tc\n} /> y",
  "> {\n>\ta\n> }",
  ">\t{\n>\t\ta\n>\t}",
  "> x {\n\ta\n> }",
  "> - x {\n> \t\ta\n>   }",
  "- {\n\t a\n  }",
  "- {\n\t\ta\n  }",
  "- {\n\t\n  }",
  "- x {\n\t a\n  }",
  "- x <a b={\n\t c\n  } /> y",
  "1. {\n\t a\n   }",
  "- a\n\n\t{\n\t\tb\n\t}",
]

describe('MDX: same trees as mdast-util-from-markdown with micromark-extension-mdxjs', function () {
  before(async () => {
    reference = (await import('./helpers/mdx-reference.mjs')).referenceMdx
  })

  it(`${cases.length} hand-written documents`, () => {
    const failed = cases.filter((source) => !same(source))
    console.log(`      ${cases.length - failed.length}/${cases.length} identical`)
    checkAgainstKnown('mdx-reference-cases', failed)
  })

  it('2,000 seeded random documents (test/helpers/random-mdx.js), trees and errors', () => {
    const {randomMdx} = require('./helpers/random-mdx.js')
    const failed = []
    for (let seed = 1; seed <= 2000; seed++) {
      const source = randomMdx(seed)
      if (!isDeepStrictEqual(outcome(mdx.parse, source), outcome(reference, source))) failed.push(seed)
    }
    console.log(`      ${2000 - failed.length}/2000 identical`)
    checkAgainstKnown('mdx-random', failed)
  })

  it('3,000 seeded random documents mixing MDX with Markdown and its extensions (test/helpers/random-mdx-mixed.js), trees and errors', () => {
    const {randomMdx} = require('./helpers/random-mdx-mixed.js')
    const failed = []
    let valid = 0
    for (let seed = 1; seed <= 3000; seed++) {
      const source = randomMdx(seed)
      const expected = outcome(reference, source)
      if (!expected.error) valid++
      if (!isDeepStrictEqual(outcome(mdx.parse, source), expected)) failed.push(seed)
    }
    console.log(`      ${3000 - failed.length}/3000 identical (${valid} valid, ${3000 - valid} errors in the reference)`)
    checkAgainstKnown('mdx-random-mixed', failed)
  })

  it('1,000 seeded tab and indentation shapes in multi-line expressions (test/helpers/random-tabs.js), trees and errors', () => {
    const {randomTabs} = require('./helpers/random-tabs.js')
    const failed = []
    let valid = 0
    for (let seed = 1; seed <= 1000; seed++) {
      const source = randomTabs(seed)
      const expected = outcome(reference, source)
      if (!expected.error) valid++
      if (!isDeepStrictEqual(outcome(mdx.parse, source), expected)) failed.push(seed)
    }
    console.log(`      ${1000 - failed.length}/1000 identical (${valid} valid, ${1000 - valid} errors in the reference)`)
    checkAgainstKnown('mdx-random-tabs', failed)
  })

  // toHtml: micromark with the same extensions (math off: micromark-extension-math's HTML
  // is KaTeX, ours is what mdast-util-to-hast gives). micromark has no HTML for JSX,
  // expressions and ESM but keeps their line endings, and never pairs tags.
  let micromarkHtml
  before(async () => {
    const [{micromark}, {mdxjs}, {gfm, gfmHtml}, {frontmatter, frontmatterHtml}] = await Promise.all([
      import('micromark'),
      import('micromark-extension-mdxjs'),
      import('micromark-extension-gfm'),
      import('micromark-extension-frontmatter')
    ])
    micromarkHtml = (source) => micromark(source, {
      extensions: [mdxjs(), gfm(), frontmatter(['yaml', 'toml'])],
      htmlExtensions: [gfmHtml(), frontmatterHtml(['yaml', 'toml'])]
    })
  })
  const html = (fn, source) => {
    try {
      return fn(source)
    } catch (error) {
      return `error: ${error.reason}`
    }
  }
  const sameHtml = (source) => html((s) => mdx.toHtml(s, {math: false}), source) === html(micromarkHtml, source)

  it(`toHtml of the ${cases.length} hand-written documents as micromark`, () => {
    const failed = cases.filter((source) => !sameHtml(source))
    console.log(`      ${cases.length - failed.length}/${cases.length} identical`)
    checkAgainstKnown('mdx-html-cases', failed)
  })

  const files = corpusFiles('mdx')
  it(`toHtml of every file in corpus/mdx${files ? ` (${files.length})` : ' (absent: skipped)'} as micromark`, function () {
    if (!files) this.skip()
    const failed = []
    for (const {name, file} of files) if (!sameHtml(fs.readFileSync(file, 'utf8'))) failed.push(name)
    console.log(`      ${files.length - failed.length}/${files.length} identical`)
    checkAgainstKnown('mdx-html-corpus', failed)
  })


  it(`every file in corpus/mdx${files ? ` (${files.length})` : ' (absent: skipped)'}`, function () {
    if (!files) this.skip()
    const failed = []
    for (const {name, file} of files) if (!same(fs.readFileSync(file, 'utf8'))) failed.push(name)
    console.log(`      ${files.length - failed.length}/${files.length} identical`)
    checkAgainstKnown('mdx-reference-corpus', failed)
  })
})
