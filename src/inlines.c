/* STUB: each leaf's content as one text node. Replaced by the inline parser. */
#include "doc.h"

void mdx_inlines_parse(mdx_doc *doc, mdx_node *leaf) {
  if (!leaf->line_count) return;
  mdx_node *t = mdx_node_new(&doc->arena, MDX_NODE_TEXT, leaf->lines[0].start,
                             leaf->lines[leaf->line_count - 1].end);
  t->value.ptr = doc->src + t->start;
  t->value.len = t->end - t->start;
  mdx_node_append(leaf, t);
}
