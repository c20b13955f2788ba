'use strict'
// OCP layout constants, mirrored from src/ocp.h and src/node.h; docs/ocp.md is the spec.

const HEADER_BYTES = 48
const VERSION = 1
const MAGIC = [0x4f, 0x4d, 0x4e, 0x49] // "OMNI"
const HAS_CHILDREN = 1 << 8
const LAST = 1 << 9
const SHIFT_SPECIFIC = 10
const LONG_LENGTH = 0xffff
const NULL_STRING = 0xffffffff
// Type-specific flags (after shifting by SHIFT_SPECIFIC).
const HAS_FIRST = 1 // code: lang present; link, image, definition: title present
const HAS_SECOND = 2 // code, math: meta present
const RAW_SAME = 4 // definition, linkReference, imageReference: raw label = label
const NO_POSITION = 2 // text, link: no position (made by GFM's autolink literal transform)
const AFTER_EOL_PARAGRAPH = 1 // paragraph: start point one column past the previous line end
const AFTER_EOL_TEXT = 4 // text: the same

// Type numbers are stable: index = number.
const TYPES = [
  null, 'root', 'paragraph', 'heading', 'thematicBreak', 'blockquote', 'list', 'listItem',
  'html', 'code', 'definition', 'text', 'emphasis', 'strong', 'inlineCode', 'break', 'link',
  'image', 'linkReference', 'imageReference', 'delete', 'table', 'tableRow', 'tableCell',
  'footnoteDefinition', 'footnoteReference', 'math', 'inlineMath', 'yaml', 'toml',
  'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxFlowExpression', 'mdxTextExpression',
  'mdxjsEsm'
]

const REFERENCE_TYPES = ['shortcut', 'collapsed', 'full']

module.exports = {
  HEADER_BYTES,
  VERSION,
  MAGIC,
  HAS_CHILDREN,
  LAST,
  SHIFT_SPECIFIC,
  LONG_LENGTH,
  NULL_STRING,
  HAS_FIRST,
  HAS_SECOND,
  RAW_SAME,
  NO_POSITION,
  AFTER_EOL_PARAGRAPH,
  AFTER_EOL_TEXT,
  TYPES,
  REFERENCE_TYPES
}
