/* mdx_parse: normalise the input, build blocks, then inlines. The only place that sets
 * the out-of-memory jump target. */
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "input.h"
#include "limits.h"

static void parse_inlines(mdx_doc *doc) {
  mdx_walk walk;
  mdx_walk_init(&walk, doc->root);
  while (mdx_walk_next(&walk)) { /* bounded: visits each node twice */
    mdx_node *node = walk.node;
    if (!walk.entering) continue;
    if ((node->type == MDX_NODE_PARAGRAPH || node->type == MDX_NODE_HEADING) &&
        !node->first_child) {
      mdx_inlines_parse(doc, node);
      walk.entering = 0; /* do not descend into the inlines just made */
    }
  }
}

int mdx_parse(const char *input, size_t len, unsigned options, mdx_doc **out, mdx_error *err) {
  *out = NULL;
  if (len > MDX_MAX_SOURCE_BYTES) return MDX_ETOOBIG;
  mdx_doc *doc = calloc(1, sizeof *doc);
  if (!doc) return MDX_ENOMEM;
  mdx_arena_init(&doc->arena, &doc->on_oom);
  doc->options = options;
  doc->err = err;
  if (setjmp(doc->on_oom)) {
    mdx_doc_free(doc);
    return MDX_ENOMEM;
  }
  doc->src = mdx_input_normalize(&doc->arena, input ? input : "", input ? len : 0, &doc->len,
                                 &doc->ascii);
  if (!doc->src) {
    mdx_doc_free(doc);
    return MDX_ETOOBIG;
  }
  doc->root = mdx_node_new(&doc->arena, MDX_NODE_ROOT, 0, doc->len);
  mdx_blocks_parse(doc);
  parse_inlines(doc);
  *out = doc;
  return MDX_OK;
}

void mdx_doc_free(mdx_doc *doc) {
  if (!doc) return;
  mdx_arena_free(&doc->arena);
  free(doc);
}

const char *mdx_strerror(int code) {
  switch (code) {
  case MDX_OK: return "ok";
  case MDX_ENOMEM: return "out of memory";
  case MDX_ETOOBIG: return "source too large (limit: 2 GiB of UTF-8)";
  case MDX_ESYNTAX: return "MDX syntax error";
  case MDX_EOPTION: return "option not supported";
  default: return "unknown error";
  }
}
