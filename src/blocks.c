/* STUB: the whole source as one paragraph. Replaced by the block parser. */
#include "doc.h"

void mdx_blocks_parse(mdx_doc *doc) {
  if (!doc->len) return;
  mdx_node *p = mdx_node_new(&doc->arena, MDX_NODE_PARAGRAPH, 0, doc->len);
  mdx_line line = {0, doc->len, doc->len, 0};
  mdx_node_add_line(&doc->arena, p, line);
  mdx_node_append(doc->root, p);
}
