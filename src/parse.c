/* mdx_parse: normalise the input, build blocks, then inlines. The only place that sets
 * the out-of-memory jump target. */
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "input.h"
#include "limits.h"
#include "mdx_syntax.h"

static void parse_inlines(mdx_doc *doc) {
  /* Pre-order over the block tree by parent pointers, not descending into the inlines
   * just made (mdx_walk's order, inline here). */
  mdx_node *root = doc->root, *node = root->first_child;
  while (node) { /* bounded: visits each block once, climbing back once per block */
    if ((node->type == MDX_NODE_PARAGRAPH || node->type == MDX_NODE_HEADING ||
         node->type == MDX_NODE_TABLE_CELL) &&
        !node->first_child) {
      mdx_inlines_parse(doc, node);
    } else if (node->first_child) {
      node = node->first_child;
      continue;
    }
    while (!node->next) { /* bounded: the depth */
      node = node->parent;
      if (node == root) return;
    }
    node = node->next;
  }
}

int mdx_parse(const char *input, size_t len, unsigned options, mdx_doc **out, mdx_error *err) {
  return mdx_parse_reuse(input, len, options, NULL, out, err);
}

void mdx_reuse_free(mdx_reuse *reuse) {
  if (reuse) mdx_arena_spare_release(&reuse->spare);
}

int mdx_parse_reuse(const char *input, size_t len, unsigned options, mdx_reuse *reuse,
                    mdx_doc **out, mdx_error *err) {
  *out = NULL;
  if (len > MDX_MAX_SOURCE_BYTES) return MDX_ETOOBIG;
  mdx_doc *doc = calloc(1, sizeof *doc);
  if (!doc) return MDX_ENOMEM;
  mdx_arena_init(&doc->arena, &doc->on_oom);
  if (reuse) doc->arena.spare = &reuse->spare;
  mdx_arena_init(&doc->js_arena, &doc->on_oom);
  doc->options = options;
  doc->err = err;
  if (err) err->cause[0] = 0;
  int jumped = setjmp(doc->on_oom);
  if (jumped) { /* 1: out of memory (arena.c), 2: an MDX syntax error (mdx_err.c) */
    mdx_doc_free(doc);
    return jumped == 2 ? MDX_ESYNTAX : MDX_ENOMEM;
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
  if ((options & MDX_OPT_MDX) && !(options & MDX_OPT_FLAT_JSX)) mdx_tree_nest(doc, doc->root, 0);
  *out = doc;
  return MDX_OK;
}

void mdx_doc_free(mdx_doc *doc) {
  if (!doc) return;
  free(doc->block_eols);
  mdx_arena_free(&doc->js_arena);
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
