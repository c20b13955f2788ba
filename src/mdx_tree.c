/* Pairs JSX tags into elements, as mdast-util-mdx-jsx does while it compiles micromark's
 * events: an opening tag enters an element, the flow or phrasing content after it goes
 * in, the closing tag exits it. Tags were left flat (siblings) by the block and inline
 * phases; one pre-order pass over the whole tree, in document order so that the first
 * error is the reference's, moves the siblings between an opening and its closing tag
 * into the element. Each node moves once per element it ends up in, and an element moves
 * as one node, so the pass is linear. */
#include <stdio.h>
#include <string.h>

#include "limits.h"
#include "gfm_tasks.h"
#include "mdx_syntax.h"

/* The micromark token whose end the reference names in "before the end of `…`". */
static const char *token_name(const mdx_node *n) {
  switch (n->type) {
  case MDX_NODE_PARAGRAPH: return "paragraph";
  case MDX_NODE_HEADING: return n->flags & MDX_FLAG_SETEXT ? "setextHeading" : "atxHeading";
  case MDX_NODE_BLOCKQUOTE: return "blockQuote";
  case MDX_NODE_LIST: return n->flags & MDX_FLAG_ORDERED ? "listOrdered" : "listUnordered";
  case MDX_NODE_LIST_ITEM: return "listItem";
  case MDX_NODE_EMPHASIS: return "emphasis";
  case MDX_NODE_STRONG: return "strong";
  case MDX_NODE_LINK: case MDX_NODE_LINK_REFERENCE: return "link";
  case MDX_NODE_DELETE: return "strikethrough";
  case MDX_NODE_TABLE: return "table";
  case MDX_NODE_TABLE_ROW: return "tableRow";
  case MDX_NODE_TABLE_CELL: return "tableData";
  case MDX_NODE_FOOTNOTE_DEFINITION: return "gfmFootnoteDefinition";
  case MDX_NODE_MDX_JSX_FLOW_ELEMENT: return "mdxJsxFlowTag";
  case MDX_NODE_MDX_JSX_TEXT_ELEMENT: return "mdxJsxTextTag";
  default: return mdx_node_type_name(n->type);
  }
}

static int is_tag(const mdx_node *n) {
  return (n->type == MDX_NODE_MDX_JSX_FLOW_ELEMENT || n->type == MDX_NODE_MDX_JSX_TEXT_ELEMENT) &&
         !(n->flags & MDX_FLAG_JSX_DONE);
}

static const char *name_of(const mdx_node *n, char *buf, size_t size) {
  snprintf(buf, size, "<%s%.*s>", n->flags & MDX_FLAG_JSX_CLOSE ? "/" : "",
           n->url.ptr ? (int)(n->url.len > 200 ? 200 : n->url.len) : 0,
           n->url.ptr ? n->url.ptr : "");
  return buf;
}

static int same_name(const mdx_node *a, const mdx_node *b) {
  if (!a->url.ptr || !b->url.ptr) return !a->url.ptr && !b->url.ptr;
  return a->url.len == b->url.len && memcmp(a->url.ptr, b->url.ptr, a->url.len) == 0;
}

/* "(l:c-l:c)" of a node. */
static void span(mdx_doc *doc, const mdx_node *n, char out[72]) {
  char a[32], b[32];
  mdx_err_point(doc, n->start, a);
  mdx_err_point(doc, n->end, b);
  snprintf(out, 72, "%s-%s", a, b);
}

/* Where the micromark token of `n` starts: a task list item's paragraph token holds the
 * check (`[x] `) that mdast-util-gfm-task-list-item moved the paragraph's start past. */
static uint32_t token_start(const mdx_doc *doc, const mdx_node *n) {
  uint32_t at = n->start;
  if (n->type != MDX_NODE_PARAGRAPH || !n->parent || n->parent->type != MDX_NODE_LIST_ITEM ||
      !(n->parent->flags & MDX_FLAG_CHECKED_SET) || !mdx_task_paragraph(doc, n) || at < 4)
    return at;
  const char *s = doc->src;
  char v = s[at - 3];
  if (s[at - 2] == ']' && s[at - 4] == '[' && (v == 'x' || v == 'X' || v == ' ' || v == '\t'))
    return at - 4;
  return at;
}

static void right_is_tag(mdx_doc *doc, const mdx_node *open, const mdx_node *closing) {
  char name[256], where[72];
  span(doc, open, where);
  name_of(open, name, sizeof name);
  if (!closing)
    mdx_syntax_error(doc, UINT32_MAX, "end-tag-mismatch", "Expected a closing tag for `%s` (%s)",
                     name, where);
  mdx_syntax_error(doc, token_start(doc, closing), "end-tag-mismatch",
                   "Expected a closing tag for `%s` (%s) before the end of `%s`", name, where,
                   token_name(closing));
}

static void close_tag(mdx_doc *doc, mdx_node **stack, uint32_t depth, mdx_node *n) {
  char a[256], b[256], where[72];
  if (!depth)
    mdx_syntax_error(doc, n->line_cap, "unexpected-closing-slash",
                     "Unexpected closing slash `/` in tag, expected an open tag first");
  if (n->flags & MDX_FLAG_JSX_BAD_ATTR)
    mdx_syntax_error(doc, n->line_count, "unexpected-attribute",
                     "Unexpected attribute in closing tag, expected the end of the tag");
  if (n->flags & MDX_FLAG_JSX_BAD_SELF)
    mdx_syntax_error(doc, n->line_count, "unexpected-self-closing-slash",
                     "Unexpected self-closing slash `/` in closing tag, expected the end of "
                     "the tag");
  mdx_node *open = stack[depth - 1];
  if (!same_name(open, n)) {
    span(doc, open, where);
    mdx_syntax_error(doc, n->start, "end-tag-mismatch",
                     "Unexpected closing tag `%s`, expected corresponding closing tag for `%s` "
                     "(%s)", name_of(n, a, sizeof a), name_of(open, b, sizeof b), where);
  }
  if (open->parent != n->parent) {
    const mdx_node *p = n->parent;
    char e[32], s[32];
    mdx_err_point(doc, p->end, e);
    mdx_err_point(doc, token_start(doc, p), s);
    mdx_syntax_error(doc, n->start, "end-tag-mismatch",
                     "Expected the closing tag `%s` either after the end of `%s` (%s) or "
                     "another opening tag after the start of `%s` (%s)",
                     name_of(n, a, sizeof a), token_name(p), e, token_name(p), s);
  }
}

void mdx_tree_nest(mdx_doc *doc, mdx_node *root, int text) {
  (void)text;
  mdx_node **stack = NULL;
  uint32_t depth = 0, cap = 0;
  mdx_node *node = root->first_child;
  while (node) { /* bounded: each node is visited once */
    if (is_tag(node)) {
      if (node->flags & MDX_FLAG_JSX_CLOSE) {
        close_tag(doc, stack, depth, node);
        mdx_node *open = stack[--depth];
        mdx_node *k = open->next;
        while (k != node) { /* bounded: the siblings in between, each moved once */
          mdx_node *next = k->next;
          mdx_node_unlink(k);
          mdx_node_append(open, k);
          k = next;
        }
        open->line_count = open->end; /* for toHtml's line endings (html.c) */
        open->line_cap = node->start;
        open->end = node->end;
        open->flags |= MDX_FLAG_JSX_DONE | MDX_FLAG_JSX_PAIRED;
        mdx_node *after = node->next, *parent = node->parent;
        mdx_node_unlink(node);
        if (after) {
          node = after;
          continue;
        }
        node = parent; /* climb from here, below */
        goto climb_from_parent;
      }
      if (node->flags & MDX_FLAG_JSX_SELF) {
        node->flags |= MDX_FLAG_JSX_DONE;
      } else {
        if (depth >= MDX_MAX_JSX_DEPTH)
          mdx_syntax_error(doc, node->start, "too-deep",
                           "Too many nested JSX elements (omni-mdx limit: %u)",
                           (unsigned)MDX_MAX_JSX_DEPTH);
        if (depth == cap) {
          uint32_t c2 = cap ? cap * 2 : 16;
          stack = mdx_arena_grow(&doc->arena, stack, cap * sizeof *stack, c2 * sizeof *stack);
          cap = c2;
        }
        stack[depth++] = node;
      }
    } else if (node->first_child) {
      node = node->first_child;
      continue;
    }
    while (!node->next) { /* bounded: the depth */
      node = node->parent;
    climb_from_parent:
      if (node == root) goto end;
      if (depth && stack[depth - 1]->parent == node) right_is_tag(doc, stack[depth - 1], node);
    }
    node = node->next;
  }
end:
  if (depth) right_is_tag(doc, stack[depth - 1], NULL);
}
