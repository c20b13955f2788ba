'use strict'
// Seeded random contents for MDX expressions `{…}`, for the differential test of the
// lexical JS scanner (src/jsscan.c) against micromark + acorn: valid JavaScript
// expressions mixing strings, templates with `${}`, comments, regex literals and
// divisions, JSX (attributes, text with quotes, fragments), arrow functions with
// statement bodies, with `}` placed inside strings, comments, templates, regexes and
// JSX strings; then the closing `}` and some text after it. A few samples are left
// unterminated on purpose (open string, template, comment, bracket, JSX text `}`).
// The same seed always gives the same samples.

const {rng} = require('./random-markdown.js')

function generator(seed) {
  const random = rng(seed)
  const int = (n) => Math.floor(random() * n)
  const pick = (list) => list[int(list.length)]
  const chance = (p) => random() < p

  const names = ['a', 'b', 'x', 'foo', '$x', '_y', 'café', 'props', 'data', 'of', 'async', 'get']
  const numbers = ['1', '0', '42', '1.5', '.5', '1e3', '0x1F', '10n', '1_000']
  const textBits = ['}', '{', '} }', 'a', ' ', '//', '/*', '*/', '`', '$', '<a>', '/', 'x y', '}{']

  function text(extra) {
    let out = ''
    const n = int(5)
    for (let i = 0; i < n; i++) out += pick(textBits.concat(extra))
    return out
  }

  function string() {
    const quote = pick(["'", '"'])
    const other = quote === "'" ? '"' : "'"
    return quote + text([other, '\\' + quote, '\\\\', '\\n', '\\}']) + quote
  }

  function template(depth) {
    let out = '`'
    const n = 1 + int(3)
    for (let i = 0; i < n; i++) {
      // No bare backquote, no `${` in the text, no `$` right before a substitution.
      out += text(['\\${', '$ {', '\n', "'", '"']).replace(/`/g, '\\`').replace(/\$(?=\{|$)/g, '$ ')
      if (chance(0.6)) out += '${' + expr(depth + 1) + '}'
    }
    return out + '`'
  }

  function regex() {
    const bodies = ['a', '[}/]', '\\/', '}', '\\}', 'x*', '[a-z]+', '\\d{2}', '(a|b)', '[\\]/]']
    let body = ''
    const n = 1 + int(3)
    for (let i = 0; i < n; i++) body += pick(bodies)
    return '/' + body + '/' + pick(['', 'g', 'gi', 'm'])
  }

  function comment() {
    return chance(0.5) ? '/*' + text(['\n', '/']).replace(/\*$/, '* ').replace(/\*\//g, '* /') + '*/' : '//' + text(["'", '"']).replace(/\*\//g, '') + '\n'
  }

  function space() {
    if (chance(0.15)) return ' ' + comment() + ' '
    if (chance(0.1)) return '\n'
    return pick(['', ' '])
  }

  function jsxName() {
    return pick(['a', 'div', 'my-el', 'X.Y', 'svg:rect', 'Foo', 'p'])
  }

  function jsx(depth) {
    if (chance(0.2)) return '<>' + children(depth) + '</>'
    const name = jsxName()
    let attrs = ''
    const n = int(3)
    for (let i = 0; i < n; i++) {
      attrs += ' ' + pick([
        () => 'b="' + text(["'", '\\']) + '"',
        () => "c='" + text(['"']) + "'",
        () => 'd={' + expr(depth + 1) + '}',
        () => '{...' + pick(names) + '}',
        () => 'e',
        () => 'f=' + '<i />',
        () => '/* } */ g'
      ])()
    }
    if (chance(0.35)) return '<' + name + attrs + (chance(0.5) ? ' />' : '/>')
    return '<' + name + attrs + '>' + children(depth) + '</' + name + '>'
  }

  function children(depth) {
    let out = ''
    const n = int(4)
    for (let i = 0; i < n; i++) {
      out += pick([
        () => pick(["it's", '"quoted"', 'a / b', '//', '/* x', ' ', '\n', 'x`y', 'a $ b']),
        () => '{' + expr(depth + 1) + '}',
        () => '{/* } */}',
        () => (depth < 3 ? jsx(depth + 1) : 'z')
      ])()
    }
    return out
  }

  function statement(depth) {
    return pick([
      () => 'return ' + expr(depth + 1),
      () => 'const ' + pick(['k', 'v']) + ' = ' + expr(depth + 1),
      () => 'if (' + expr(depth + 1) + ') ' + regex() + '.test(s)',
      () => 'if (x) { ' + statement(depth + 1) + ' } else ' + regex() + '.exec(y)',
      () => '{ ' + statement(depth + 1) + ' }\n' + regex() + '.test(z)',
      () => 'for (const k of ' + expr(depth + 1) + ') f(k)',
      () => 'x = ' + expr(depth + 1) + '; y = x / 2',
      () => '// } \n' + 'return 1',
      () => 'function g() { ' + statement(depth + 1) + ' }\n' + regex() + '.test(z)',
      () => 'switch (x) { case 1: { ' + statement(depth + 1) + ' } ' + regex() + '.test(y); default: ' + regex() + ' }',
      () => 'l' + depth + ': { ' + statement(depth + 1) + ' }\n' + regex() + '.test(z)',
      () => 'do { x++ } while (' + expr(depth + 1) + ')\n' + regex() + '.test(z)',
      () => 'try { ' + statement(depth + 1) + ' } catch (e) { ' + regex() + ' } finally { x / 2 }',
      () => 'const f = function* () { yield ' + regex() + '; yield <a>{1}</a> }',
      () => 'const o = {a: 1}\nreturn o / 2',
      () => 'if (x) f(' + expr(depth + 1) + '); else { ' + statement(depth + 1) + ' }',
      () => 'while (x) ' + regex() + '.test(y)',
      () => 'return typeof x === \'string\' ? `${x}` : <b c="}">{x}</b>'
    ])()
  }

  function atom(depth) {
    const options = [
      () => pick(names),
      () => pick(numbers),
      () => string(),
      () => regex()
    ]
    if (depth < 4) {
      options.push(
        () => template(depth),
        () => jsx(depth),
        () => '(' + expr(depth + 1) + ')',
        () => '[' + expr(depth + 1) + ', ...' + pick(names) + ']',
        () => '{' + pick(['a', "'}'", '[k]']) + ': ' + expr(depth + 1) + ', ...' + pick(names) + '}',
        () => pick(names) + '(' + expr(depth + 1) + ')',
        () => pick(names) + '[' + expr(depth + 1) + ']' + pick(['', ' / 2', '/2/1']),
        // Arrows are parenthesised: `a + () => b` is not an expression.
        () => '((' + pick(['', 'a', 'a, b']) + ') => ' + expr(depth + 1).replace(/^\{.*$/s, '($&)') + ')',
        // A block body cannot be followed by an operator: parenthesised.
        () => '(' + pick(names) + ' => {' + space() + statement(depth + 1) + space() + '})',
        () => '(function (a) { ' + statement(depth + 1) + ' })',
        () => '(class extends ' + pick(names) + ' { m() { ' + statement(depth + 1) + ' } })',
        () => '(class { static { x = ' + expr(depth + 1) + '; y = x / 2 } #p = ' + regex() + '; get v() { return this.#p / 2 } })',
        () => '(async function () { ' + statement(depth + 1) + ' })',
        () => 'new (class { *[Symbol.iterator]() { ' + statement(depth + 1) + ' } })()',
        () => '(async () => await ' + pick([regex(), pick(names)]) + ')',
        () => 'typeof ' + pick(names),
        () => '!' + pick([pick(names), string(), '(' + expr(depth + 1) + ')']),
        () => pick(names) + '++',
        () => 'new ' + pick(names) + '()',
        () => pick(names) + '.' + pick(['b', 'c', 'default', 'return', 'class']) + ' / 2',
        () => pick(names) + '?.' + pick(['b', 'c'])
      )
    }
    return options[int(options.length)]()
  }

  function expr(depth) {
    let out = atom(depth)
    const n = depth < 3 ? int(3) : 0
    for (let i = 0; i < n; i++) {
      let op = pick(['+', '-', '*', '/', '%', '<', '>', '<=', '>=', '===', '!==', '&&', '||', '|', '&', '<<', '>>'])
      // After a JSX element `<` is an error ("Adjacent JSX elements").
      if (/>\s*$/.test(out) && op.startsWith('<')) op = '+'
      const right = atom(depth)
      // `a <<b/>` is a shift, `a //x/` a comment: a space before JSX and regexes.
      const gap = /^[</]/.test(right) ? ' ' : space()
      if (chance(0.15)) out += space() + '?' + space() + atom(depth) + space() + ':' + gap + right
      else out += space() + op + gap + right
    }
    return out
  }

  function broken() {
    return pick([
      () => "'a } b",
      () => '"a\n} "',
      () => '`a ${b} }',
      () => 'a /* } ',
      () => '(a }',
      () => '[a, }',
      () => '<a>} b</a>',
      () => '<a>x > y</a>',
      () => 'a = /x\n}/',
      () => 'x // }',
      () => '`${ {a: 1 }`'
    ])()
  }

  return function sample() {
    let body = chance(0.06) ? broken() : space() + expr(0) + space()
    // No blank lines (they end a paragraph), no indentation (the reference strips some).
    body = body.replace(/\n[ \t]*/g, '\n').replace(/\n\n+/g, '\n')
    // Text after the `}` on its line makes a paragraph, where lines starting with `>`,
    // `#`, `<`… would interrupt the expression: only after a one-line body.
    const tails = body.includes('\n') ? ['', '\nafter', '\nx } y}'] : ['', ' after}', '\nafter', ' x } y}']
    return body + '}' + pick(tails)
  }
}

/** `count` samples from `seed`. */
function randomJsSamples(seed, count) {
  const sample = generator(seed)
  const out = []
  for (let i = 0; i < count; i++) out.push(sample())
  return out
}

module.exports = {randomJsSamples}
