/* The tree the core builds: mdast node types, byte offsets into the normalised source,
 * doubly linked children. Every node lives in the parse's arena. Renderers and the OCP
 * encoder walk it iteratively (see mdx_node_next_event), never by recursion. */
#ifndef MDX_NODE_H
#define MDX_NODE_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"

/* The numbers are part of the OCP format (docs/ocp.md): append, never renumber. */
typedef enum mdx_node_type {
  MDX_NODE_NONE = 0,
  MDX_NODE_ROOT = 1,
  MDX_NODE_PARAGRAPH = 2,
  MDX_NODE_HEADING = 3,
  MDX_NODE_THEMATIC_BREAK = 4,
  MDX_NODE_BLOCKQUOTE = 5,
  MDX_NODE_LIST = 6,
  MDX_NODE_LIST_ITEM = 7,
  MDX_NODE_HTML = 8,
  MDX_NODE_CODE = 9,
  MDX_NODE_DEFINITION = 10,
  MDX_NODE_TEXT = 11,
  MDX_NODE_EMPHASIS = 12,
  MDX_NODE_STRONG = 13,
  MDX_NODE_INLINE_CODE = 14,
  MDX_NODE_BREAK = 15,
  MDX_NODE_LINK = 16,
  MDX_NODE_IMAGE = 17,
  MDX_NODE_LINK_REFERENCE = 18,
  MDX_NODE_IMAGE_REFERENCE = 19,
  /* GFM */
  MDX_NODE_DELETE = 20,
  MDX_NODE_TABLE = 21,
  MDX_NODE_TABLE_ROW = 22,
  MDX_NODE_TABLE_CELL = 23,
  MDX_NODE_FOOTNOTE_DEFINITION = 24,
  MDX_NODE_FOOTNOTE_REFERENCE = 25,
  /* math */
  MDX_NODE_MATH = 26,
  MDX_NODE_INLINE_MATH = 27,
  /* frontmatter */
  MDX_NODE_YAML = 28,
  MDX_NODE_TOML = 29,
  /* MDX */
  MDX_NODE_MDX_JSX_FLOW_ELEMENT = 30,
  MDX_NODE_MDX_JSX_TEXT_ELEMENT = 31,
  MDX_NODE_MDX_FLOW_EXPRESSION = 32,
  MDX_NODE_MDX_TEXT_EXPRESSION = 33,
  MDX_NODE_MDXJS_ESM = 34,
  MDX_NODE_TYPE_COUNT
  /* 35 and 36 are taken by JSX attributes (mdx_syntax.h): internal, chained off their
   * element, never children and never OCP records. New types start at 37. */
} mdx_node_type;

/* A string: pointer + length. ptr == NULL means "null" (e.g. no title). The pointer is
 * either into the normalised source (the encoder detects this and references it) or
 * into the arena. */
typedef struct mdx_str {
  const char *ptr;
  uint32_t len;
} mdx_str;

/* One line of a leaf block's content, as byte offsets into the source.
 * Content is src[start, end); the line ending is src[end, eol) (empty on the last line).
 * `pad` counts spaces that stand before `start` but come from a partly used tab
 * (indented code inside containers keeps them). */
typedef struct mdx_line {
  uint32_t start;
  uint32_t end;
  uint32_t eol;
  uint32_t pad;
  /* Paragraph lines (MDX_FLAG_LEAD) and MDX group lines: at `start - pad`, just after the
   * container prefixes, the column mod 4 and the virtual spaces of a tab they split that
   * are still ahead (expressions strip continuation lines by them: mdx_expr_line). */
  uint8_t lead_col, lead_vs;
} mdx_line;
/* In paragraphs and headings whose node has MDX_FLAG_LEAD, `pad` instead counts the bytes
 * of spaces and tabs just before `start` that follow the container prefixes (continuation
 * lines): micromark keeps them in code spans and labels that cross lines. Without the
 * flag the inline phase takes the whole run back to the previous line ending, which is
 * right outside containers. */

/* Node flags (meaning by type). */
enum {
  MDX_FLAG_ORDERED = 1 << 0,     /* list */
  MDX_FLAG_SPREAD = 1 << 1,      /* list, listItem */
  MDX_FLAG_CHECKED_SET = 1 << 2, /* listItem: `checked` is a boolean, not null */
  MDX_FLAG_CHECKED = 1 << 3,     /* listItem: checked = true */
  MDX_FLAG_SETEXT = 1 << 4,      /* heading: setext underline (HTML renders the same) */
  MDX_FLAG_FENCED = 1 << 5,      /* code: fenced (not indented) */
  MDX_FLAG_TIGHT = 1 << 7,       /* list: HTML renders items without <p> */
  MDX_FLAG_LEAD = 1 << 8,        /* paragraph, heading: `pad` of lines is their lead (above) */
  /* paragraph, text: the start is reported one column past the previous line's ending,
   * on that line (mdast-util-gfm-task-list-item's quirk, see gfm_tasks.c) */
  MDX_FLAG_AFTER_EOL = 1 << 9,
  MDX_FLAG_NOPOS = 1 << 14       /* text, link: made by a tree transform, no `position` in
                                    mdast (start/end mean nothing); HTML shows no link */
};

/* Reference kinds (linkReference, imageReference). Numbers are part of OCP. */
enum { MDX_REF_SHORTCUT = 0, MDX_REF_COLLAPSED = 1, MDX_REF_FULL = 2 };

typedef struct mdx_node mdx_node;
/* Nodes come in two sizes, to keep the tree small (most nodes are text, paragraphs and
 * list items): every node has the fields up to `value`; only the types for which
 * mdx_node_has_tail() is true have the "tail" (url, title, label, raw_label), and those
 * fields must not be touched on other nodes (they are not allocated). */
struct mdx_node {
  mdx_node *parent, *first_child, *last_child, *prev, *next;
  uint32_t start, end; /* [start, end) byte offsets into the normalised source */
  uint16_t type;       /* mdx_node_type */
  uint16_t flags;
  int32_t num; /* heading depth; list start; reference kind */
  /* Block-parse scratch: the content lines of paragraphs, headings, code, html (code and
   * html keep line_count: HTML tells an empty fence from one holding a blank line). In
   * the inline phase, line_cap of inline containers holds their subtree height. */
  uint32_t line_count, line_cap;
  union {
    mdx_str value;   /* text, inlineCode, code, html, math: the value; image*: alt */
    mdx_line *lines; /* paragraph, heading; code and html until `value` is set */
    mdx_node *attrs; /* mdxJsx*Element: the first attribute (mdx_syntax.h), by `next` */
  };
  /* ---- the tail (mdx_node_has_tail) ---- */
  mdx_str url;   /* link, image, definition: destination. code: lang */
  mdx_str title; /* link, image, definition: title. code: meta */
  mdx_str label; /* linkReference, imageReference, definition: label, escapes and
                    character references decoded (mdast's `label`) */
  mdx_str raw_label; /* the same label as written; mdast's `identifier` is
                        normalizeIdentifier(raw_label).toLowerCase(), done in JS */
};

/* Bytes of a node without the tail. */
#define MDX_NODE_SHORT_SIZE offsetof(mdx_node, url)

/* Whether nodes of `type` have url, title, label and raw_label. Types without any of them
 * in mdast (and that future extensions will not need them for) are short. */
static inline int mdx_node_has_tail(int type) {
  switch (type) {
  case MDX_NODE_ROOT: case MDX_NODE_PARAGRAPH: case MDX_NODE_HEADING:
  case MDX_NODE_THEMATIC_BREAK: case MDX_NODE_BLOCKQUOTE: case MDX_NODE_LIST:
  case MDX_NODE_LIST_ITEM: case MDX_NODE_HTML: case MDX_NODE_TEXT: case MDX_NODE_EMPHASIS:
  case MDX_NODE_STRONG: case MDX_NODE_INLINE_CODE: case MDX_NODE_BREAK: case MDX_NODE_DELETE:
  case MDX_NODE_INLINE_MATH: case MDX_NODE_TABLE: case MDX_NODE_TABLE_ROW:
  case MDX_NODE_TABLE_CELL:
    return 0;
  default: return 1;
  }
}

/* Whether nodes of `type` are mdast parents (may have children); the others are leaves. */
static inline int mdx_node_is_parent(int type) {
  switch (type) {
  case MDX_NODE_ROOT: case MDX_NODE_PARAGRAPH: case MDX_NODE_HEADING:
  case MDX_NODE_BLOCKQUOTE: case MDX_NODE_LIST: case MDX_NODE_LIST_ITEM:
  case MDX_NODE_EMPHASIS: case MDX_NODE_STRONG: case MDX_NODE_LINK:
  case MDX_NODE_LINK_REFERENCE: case MDX_NODE_DELETE: case MDX_NODE_TABLE:
  case MDX_NODE_TABLE_ROW: case MDX_NODE_TABLE_CELL: case MDX_NODE_FOOTNOTE_DEFINITION:
  case MDX_NODE_MDX_JSX_FLOW_ELEMENT: case MDX_NODE_MDX_JSX_TEXT_ELEMENT:
    return 1;
  default: return 0;
  }
}

mdx_node *mdx_node_new(mdx_arena *arena, mdx_node_type type, uint32_t start, uint32_t end);
void mdx_node_append(mdx_node *parent, mdx_node *child);
void mdx_node_insert_before(mdx_node *sibling, mdx_node *child);
void mdx_node_unlink(mdx_node *node);
/* Adds a content line to a leaf block. */
void mdx_node_add_line(mdx_arena *arena, mdx_node *node, mdx_line line);
/* mdast name of a type ("paragraph"), or "" if unknown. */
const char *mdx_node_type_name(int type);

/* Iterative pre/post-order walk: returns the next node and sets *entering.
 * Start with node = root, entering = 1 meaning "root was just entered"... see node.c. */
typedef struct mdx_walk {
  mdx_node *root;
  mdx_node *node;
  int entering;
} mdx_walk;

void mdx_walk_init(mdx_walk *walk, mdx_node *root);
/* Advances; returns 0 at the end. After it returns 1, walk->node and walk->entering say
 * where we are: entering = 1 before a node's children, 0 after them (leaves get both). */
int mdx_walk_next(mdx_walk *walk);

#endif
