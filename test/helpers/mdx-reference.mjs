// The reference for format: 'mdx' (tests and tools): mdast-util-from-markdown with
// micromark-extension-mdxjs, GFM, math and frontmatter, `data.estree` removed (omni-mdx
// never builds estree).
import {fromMarkdown} from 'mdast-util-from-markdown'
import {mdxjs} from 'micromark-extension-mdxjs'
import {mdxFromMarkdown} from 'mdast-util-mdx'
import {gfm} from 'micromark-extension-gfm'
import {gfmFromMarkdown} from 'mdast-util-gfm'
import {math} from 'micromark-extension-math'
import {mathFromMarkdown} from 'mdast-util-math'
import {frontmatter} from 'micromark-extension-frontmatter'
import {frontmatterFromMarkdown} from 'mdast-util-frontmatter'

function dropEstree(node) {
  if (node.data) {
    delete node.data.estree
    if (Object.keys(node.data).length === 0) delete node.data
  }
  if (node.attributes) {
    for (const attribute of node.attributes) {
      dropEstree(attribute)
      if (attribute.value && typeof attribute.value === 'object') dropEstree(attribute.value)
    }
  }
  if (node.children) node.children.forEach(dropEstree)
  return node
}

/** @param {string} source */
export function referenceMdx(source) {
  return dropEstree(fromMarkdown(source, {
    extensions: [mdxjs(), gfm(), math(), frontmatter(['yaml', 'toml'])],
    mdastExtensions: [mdxFromMarkdown(), gfmFromMarkdown(), mathFromMarkdown(), frontmatterFromMarkdown(['yaml', 'toml'])]
  }))
}

/** The reference's error for `source` as {line, column, offset, reason, ruleId}, or null.
 * `line` and the rest are undefined where the reference gives no place. */
export function referenceMdxError(source) {
  try {
    referenceMdx(source)
    return null
  } catch (error) {
    if (!error || typeof error.reason !== 'string') throw error
    const place = error.place && 'start' in error.place ? error.place.start : error.place
    const offset = place && typeof place.offset === 'number' ? place.offset : undefined
    return {line: error.line, column: error.column, offset, reason: error.reason, ruleId: error.ruleId}
  }
}
