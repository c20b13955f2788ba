/* Link reference definitions: the label map the inline phase looks references up in. */
#ifndef MDX_REFS_H
#define MDX_REFS_H

#include "doc.h"

/* micromark's normalizeIdentifier (whitespace runs to one space, trimmed, then
 * toLowerCase().toUpperCase()) of a raw label, in the arena. */
mdx_str mdx_label_normalize(mdx_doc *doc, const char *s, uint32_t len);

/* The definition registered for a raw label, or NULL. */
mdx_node *mdx_refs_lookup(mdx_doc *doc, const char *raw, uint32_t len);

/* Whether any definition exists (references are only tried then). */
int mdx_refs_any(const mdx_doc *doc);

#endif
