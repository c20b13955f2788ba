/* The parse state shared by the core's modules (not part of the public API). */
#ifndef MDX_DOC_H
#define MDX_DOC_H

#include <setjmp.h>

#include "arena.h"
#include "mdx.h"
#include "node.h"

typedef struct mdx_refmap mdx_refmap; /* refs.c */

struct mdx_doc {
  mdx_arena arena;
  jmp_buf on_oom;  /* arena allocation failure jumps here (inside mdx_parse) */
  const char *src; /* normalised UTF-8 source, in the arena */
  uint32_t len;
  int ascii;       /* the source is pure ASCII: byte offsets are UTF-16 offsets */
  unsigned options;
  mdx_node *root;
  mdx_refmap *refs; /* link reference definitions, by normalised label */
  mdx_error *err;   /* where MDX syntax errors go */
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
