'use strict'
// Seeded random MDX documents for differential tests against the reference: pieces of
// valid and broken MDX (tags, expressions, ESM, containers, Markdown) joined at random.
// Expressions hold valid JavaScript only: where the reference's acorn would reject
// lexically fine code, omni-mdx differs on purpose (docs/syntax.md).

/** Deterministic PRNG (mulberry32). */
function prng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const pieces = [
  '<a>', '</a>', '<b />', '<c d="e">', '</c>', '{1}', '{x +\n  y}', '<>', '</>', 'text', '*em*',
  ' ', '  ', '\n', '\n', '\n\n', '> ', '>', '- ', '   - ', '1. ', '# ', '    ', '\t', '`code`',
  '[l](u)', '<e\n  f={g}\n/>', '{/* c */}', 'a < b', '<h i />', '\\{', '&amp;', '***', '---',
  '```\nx\n```', '<A.B c:d="&lt;" />', '<a\n', '> <a>\n', '\n  ', '<x y="1\n2" />', '<z>\n\n',
  '</z>\n', '- <z>\n', '{a}\n', '**', '_', '[', ']', '(u)', '<f>*</f>*', '<g {...h} />', '<3',
  '<i j={[1, 2]}>', '</i>', '{\n  k\n}'
]

/** A document of 1 to 12 pieces; ESM (valid, distinct names) may open it. */
function randomMdx(seed) {
  const random = prng(seed)
  let source = random() < 0.15 ? `import {v${seed}} from 'w'\n\n` : ''
  const count = 1 + Math.floor(random() * 12)
  for (let i = 0; i < count; i++) source += pieces[Math.floor(random() * pieces.length)]
  return source
}

module.exports = {randomMdx}
