/* GFM footnotes (gfm_footnote.c): definitions `[^label]: ...` (a container block, opened
 * by blocks.c) and references `[^label]` (inlines.c), as micromark-extension-gfm-footnote
 * reads them and mdast-util-gfm-footnote builds them. A reference forms only when a
 * definition of its label exists anywhere in the document (micromark reads all blocks
 * before any inline content). */
#ifndef MDX_GFM_FOOTNOTE_H
#define MDX_GFM_FOOTNOTE_H

#include <stdint.h>

#include "doc.h"

/* `[^label]:` at s[i] == '[' on a line ending at `le`: returns the offset after the ':'
 * and sets the raw label [*ls, *lend), or returns 0. */
uint32_t mdx_footnote_def_start(const char *s, uint32_t i, uint32_t le, uint32_t *ls,
                                uint32_t *lend);

/* A footnoteDefinition node over [start, end) with the raw label s[ls, lend), registered
 * (the first definition of a label is the one HTML shows). Footnote nodes keep the
 * normalised label in `url` (references: their definition's), for the HTML renderer. */
mdx_node *mdx_footnote_define(mdx_doc *doc, uint32_t start, uint32_t end, uint32_t ls,
                              uint32_t lend);

/* A reference `[^label]` at s[pos] == '[' (text, up to n): when a definition of the
 * label exists, returns the offset after its ']' and sets *def, else returns 0. */
uint32_t mdx_footnote_call(mdx_doc *doc, const char *s, uint32_t n, uint32_t pos,
                           const mdx_node **def);

/* The first definition for the raw label s[0, len), or NULL. `caret`: normalised, the
 * label must start with a caret, and the rest is looked up (micromark's check for
 * `![^label]` once the image failed). */
const mdx_node *mdx_footnote_lookup(mdx_doc *doc, const char *raw, uint32_t len, int caret);

/* The first definition of a normalised identifier (as mdx_label_normalize makes them),
 * or NULL. */
const mdx_node *mdx_footnote_first(const mdx_doc *doc, const char *key, uint32_t len);

#endif
