/* The parse state shared by the core's modules (not part of the public API). */
#ifndef MDX_DOC_H
#define MDX_DOC_H

#include <setjmp.h>

#include "arena.h"
#include "jscheck.h"
#include "mdx.h"
#include "node.h"

typedef struct mdx_refmap mdx_refmap; /* refs.c */
typedef struct mdx_delim mdx_delim;   /* inlines.c */
struct mdx_footnotes;                 /* gfm_footnote.c */

struct mdx_doc {
  mdx_arena arena;
  jmp_buf on_oom;  /* arena allocation failure jumps here (inside mdx_parse) */
  const char *src; /* normalised UTF-8 source, in the arena */
  uint32_t len;
  int ascii;       /* the source is pure ASCII: byte offsets are UTF-16 offsets */
  unsigned options;
  mdx_node *root;
  mdx_refmap *refs; /* link reference definitions, by normalised label */
  struct mdx_footnotes *footnotes; /* GFM footnote definitions, by normalised label */
  mdx_error *err;   /* where MDX syntax errors go */
  /* Work memory reused leaf after leaf (in the arena, so an out-of-memory jump leaks
   * nothing). Only one content view and one inline parse exist at a time. */
  mdx_scratch view_lines; /* mdx_view.lines (scan.c) */
  mdx_scratch view_text;  /* mdx_view.s when the lines are not contiguous in the source */
  mdx_scratch brackets;   /* the inline phase's bracket stack */
  mdx_scratch ticks;      /* the inline phase's backtick run index */
  mdx_scratch dollars;    /* the same for `$` runs (inline math) */
  mdx_delim *spare_delims; /* delimiter records done with, for reuse */
  mdx_node *spare_nodes;   /* short nodes (see node.h) unlinked for good, for reuse */
  /* The block phase's line ends (blocks.c), malloc'd rather than in the arena because
   * they are only needed until the block phase ends; mdx_doc_free frees them if an
   * out-of-memory jump skips that. */
  uint32_t *block_eols;
  /* MDX: local names imported by the ESM blocks so far (jscheck.h; in the arena). */
  mdx_js_names esm_names;
  /* MDX: the JavaScript checker's work memory, emptied before each check, so that a
   * document of many expressions does not keep every check's tables. */
  mdx_arena js_arena;
};

/* Block phase (blocks.c): builds the block tree under doc->root; paragraphs and headings
 * keep their content lines for the inline phase. Link reference definitions are taken
 * from paragraph starts (via mdx_definitions_take) and registered in doc->refs. */
void mdx_blocks_parse(mdx_doc *doc);

/* Removes link reference definitions from the start of a closing paragraph, inserting a
 * `definition` node before it for each and registering the first of each label.
 * Returns the number of content lines left (0: the paragraph is gone). (refs.c) */
uint32_t mdx_definitions_take(mdx_doc *doc, mdx_node *paragraph);

/* Inline phase (inlines.c): parses the content lines of `leaf` (paragraph, heading,
 * table cell...) into inline children. */
void mdx_inlines_parse(mdx_doc *doc, mdx_node *leaf);

#endif
