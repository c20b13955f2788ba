'use strict'
// Seeded documents of tab and indentation shapes on the continuation lines of multi-line
// MDX expressions (flow, text, attribute values, spreads) inside block quotes and list
// items: micromark splits a tab into a tab and virtual spaces up to the next multiple of
// 4 columns, container prefixes use some of them, the expression strips up to two codes,
// and what is left of a tab becomes spaces in the value.

const {rng: generator} = require('./random-markdown.js') // mulberry32

const containers = ['', '> ', '>', '>\t', '- ', '-\t', '1. ', '10) ', '* ', '> - ', '- > ', '  ']
const indents = ['', ' ', '  ', '   ', '\t', '\t\t', ' \t', '  \t', '   \t', '\t ', '\t  ', ' \t ', '\t\t ']
const firsts = ['a', 'a + b', '/* c */ a', '`x`', '"x"', 'a b', 'a +', 'a']
const nexts = ['+ b', '.c', '// c', '/* c */', '+ b']

/** The continuation prefix of a container opened with `open`. */
function continuation(pick, open) {
  if (open === '') return ''
  if (open === '> ' || open === '>' || open === '>\t') return pick(['>', '> ', '>\t', ''])
  if (open === '> - ') return pick(['>   ', '> \t', '>\t', '>  ', ''])
  if (open === '- > ') return pick(['  >', '  > ', '\t>', '  >\t', ''])
  if (open === '  ') return pick(['', ' ', '  '])
  const width = open.replace('\t', '  ').length
  return pick([' '.repeat(width), '\t', ' '.repeat(width - 1), ' '.repeat(width + 1), ''])
}

/** @param {number} seed */
function randomTabs(seed) {
  const random = generator(seed)
  const pick = (list) => list[Math.floor(random() * list.length)]
  const open = pick(containers)
  const eol = random() < 0.15 ? '\r\n' : '\n'
  const lines = 1 + Math.floor(random() * 3)
  const middle = []
  for (let k = 0; k < lines; k++) {
    middle.push(continuation(pick, open) + pick(indents) + (random() < 0.1 ? '' : pick(k ? nexts : firsts)))
  }
  const last = continuation(pick, open) + pick(indents)
  const shape = pick(['flow', 'text', 'attr', 'spread', 'textattr'])
  let head
  let tail
  if (shape === 'flow') [head, tail] = ['{', '}']
  else if (shape === 'text') [head, tail] = [pick(['x {', 'x {', '# x {', 'x *y* {']), '} z']
  else if (shape === 'attr') [head, tail] = ['<a b={', '} />']
  else if (shape === 'spread') [head, tail] = ['<a {...', '} />']
  else [head, tail] = ['x <a b={', '} /> z']
  return open + head + pick(['', ' ', '\t', '', ' ', '\t', 'a']) + eol + middle.join(eol) + eol + last + tail + eol
}

module.exports = {randomTabs}
