#include "node.h"

#include <string.h>

mdx_node *mdx_node_new(mdx_arena *arena, mdx_node_type type, uint32_t start, uint32_t end) {
  mdx_node *node;
  /* Two constant sizes, so that the compiler zeroes them inline. */
  if (mdx_node_has_tail(type)) {
    node = mdx_arena_alloc_small(arena, sizeof *node);
    memset(node, 0, sizeof *node);
  } else {
    node = mdx_arena_alloc_small(arena, MDX_NODE_SHORT_SIZE);
    memset(node, 0, MDX_NODE_SHORT_SIZE);
  }
  node->type = (uint16_t)type;
  node->start = start;
  node->end = end;
  return node;
}

void mdx_node_append(mdx_node *parent, mdx_node *child) {
  child->parent = parent;
  child->next = NULL;
  child->prev = parent->last_child;
  if (parent->last_child)
    parent->last_child->next = child;
  else
    parent->first_child = child;
  parent->last_child = child;
}

void mdx_node_insert_before(mdx_node *sibling, mdx_node *child) {
  mdx_node *parent = sibling->parent;
  child->parent = parent;
  child->next = sibling;
  child->prev = sibling->prev;
  if (sibling->prev)
    sibling->prev->next = child;
  else if (parent)
    parent->first_child = child;
  sibling->prev = child;
}

void mdx_node_unlink(mdx_node *node) {
  if (node->prev)
    node->prev->next = node->next;
  else if (node->parent)
    node->parent->first_child = node->next;
  if (node->next)
    node->next->prev = node->prev;
  else if (node->parent)
    node->parent->last_child = node->prev;
  node->parent = node->prev = node->next = NULL;
}

void mdx_node_add_line(mdx_arena *arena, mdx_node *node, mdx_line line) {
  if (node->line_count == node->line_cap) {
    uint32_t cap = node->line_cap ? node->line_cap * 2 : 4;
    node->lines = mdx_arena_grow(arena, node->lines, node->line_count * sizeof(mdx_line),
                                 cap * sizeof(mdx_line));
    node->line_cap = cap;
  }
  node->lines[node->line_count++] = line;
}

static const char *const type_names[MDX_NODE_TYPE_COUNT] = {
    "",
    "root",
    "paragraph",
    "heading",
    "thematicBreak",
    "blockquote",
    "list",
    "listItem",
    "html",
    "code",
    "definition",
    "text",
    "emphasis",
    "strong",
    "inlineCode",
    "break",
    "link",
    "image",
    "linkReference",
    "imageReference",
    "delete",
    "table",
    "tableRow",
    "tableCell",
    "footnoteDefinition",
    "footnoteReference",
    "math",
    "inlineMath",
    "yaml",
    "toml",
    "mdxJsxFlowElement",
    "mdxJsxTextElement",
    "mdxFlowExpression",
    "mdxTextExpression",
    "mdxjsEsm",
};

const char *mdx_node_type_name(int type) {
  if (type <= 0 || type >= MDX_NODE_TYPE_COUNT) return "";
  return type_names[type];
}

void mdx_walk_init(mdx_walk *walk, mdx_node *root) {
  walk->root = root;
  walk->node = NULL;
  walk->entering = 1;
}

int mdx_walk_next(mdx_walk *walk) {
  mdx_node *node = walk->node;
  if (!node) {
    if (!walk->root) return 0;
    walk->node = walk->root;
    walk->entering = 1;
    return 1;
  }
  if (walk->entering && node->first_child) {
    walk->node = node->first_child;
    return 1;
  }
  if (walk->entering) { /* leaf: exit it next */
    walk->entering = 0;
    return 1;
  }
  if (node == walk->root) {
    walk->root = NULL;
    walk->node = NULL;
    return 0;
  }
  if (node->next) {
    walk->node = node->next;
    walk->entering = 1;
    return 1;
  }
  walk->node = node->parent;
  walk->entering = 0;
  return walk->node != NULL;
}
