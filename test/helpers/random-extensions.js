'use strict'
// Seeded random documents mixing CommonMark with every Markdown extension omni-mdx has
// (GFM tables, strikethrough, task list items, autolink literals, footnotes; math;
// frontmatter), for differential tests against micromark and mdast-util-from-markdown.
// Built on random-markdown.js's line structure (containers, blank lines, line endings),
// with the extensions' pieces added to its vocabulary. Same seed, same document.
const {randomMarkdown, commonmark} = require('./random-markdown.js')

const inline = [
  ...commonmark.inline,
  // strikethrough
  '~a~', '~~b~~', '~~~c~~~', '~', '~~', 'a~~b', '~*x*~', '*~y~*',
  // math
  '$x$', '$$y$$', '$', '$$', '$a $b', '\\$', '$`a`$', '$[x](y)$', '$}{$',
  // autolink literals
  'www.a.com', 'https://b.org/c?d', 'http://x.y/(z)', 'e@f.gh', 'mailto:a@b.cd', 'www.q.r.',
  'https://a.b/c)', '(www.z.org)', 'www.x.com/a_b_', 'a.b@c.de.', 'xmpp:u@v.wx',
  // footnote references and labels
  '[^1]', '[^note]', '[^x y]', '[^]', '[^1][^1]', '^', '[^missing]',
  // table pieces inside text
  '|', '\\|', '`a|b`', 'a | b'
]

const blockStarts = [
  ...commonmark.blockStarts,
  // tables: header, delimiter rows, body rows
  '| a | b |', 'a | b', '|a|', '| - | - |', '|---|:-:|', ':--|--:', '| :-- | ---: | :-: |', '-|-',
  '| x |', '| 1 | 2 | 3 |', '|', '||',
  // task list items
  '- [ ] ', '- [x] ', '* [X] ', '1. [ ] ', '- [ ]', '- [x]\t',
  // footnote definitions
  '[^1]: ', '[^note]: ', '[^x y]: ', '[^1]:', '[^]: ',
  // math blocks
  '$$', '$$ meta', '$$$', '\\[',
  // frontmatter fences in the middle (not frontmatter there)
  '---', '+++'
]

const heads = ['---\na: 1\n---\n', '---\n---\n', '+++\nb = 2\n+++\n', '---\nc\n', '--- \nd: e\n---\n', '+++\n']

/**
 * @param {number} seed
 * @returns {string} a Markdown document using the extensions
 */
function randomExtended(seed) {
  return randomMarkdown(seed, {inline, blockStarts, prefixes: commonmark.prefixes, heads})
}

module.exports = {randomExtended}
