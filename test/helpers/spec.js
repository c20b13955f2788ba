'use strict'
// The CommonMark spec examples (npm commonmark-spec) with "→" turned back into the tab it
// stands for, as the spec's own runner does, in the Markdown and in the expected HTML.
const spec = require('commonmark-spec')

const examples = spec.tests.map((test) => ({
  ...test,
  markdown: test.markdown.replace(/→/g, '\t'),
  html: test.html.replace(/→/g, '\t')
}))

module.exports = {examples}
