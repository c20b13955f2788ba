/* MDX in text: expressions and JSX tags inside a paragraph or heading, read over the
 * leaf's content view a line at a time (lazy lines are fine in text). */
#include "mdx_syntax.h"
#include "scan.h"

/* Source offset = view offset + delta on line li. */
static int64_t delta_of(const mdx_view *v, uint32_t li) {
  if (v->in_src) return v->src_base;
  return (int64_t)v->lines[li].src_start - v->lines[li].start;
}

uint32_t mdx_text_expression(mdx_doc *doc, mdx_view *v, uint32_t pos, mdx_node **out) {
  uint32_t li = mdx_view_line(v, pos);
  mdx_expr e;
  mdx_expr_begin(&e, (uint32_t)(pos + delta_of(v, li)), MDX_JS_GOAL_EXPRESSION, 1);
  uint32_t from = pos + 1;
  for (;;) { /* bounded: the lines of the view */
    const mdx_vline *l = &v->lines[li];
    int64_t d = delta_of(v, li);
    uint32_t k = mdx_expr_feed(doc, &e, v->s, from, l->end, d);
    if (k < l->end) {
      mdx_node *n = mdx_node_new(&doc->arena, MDX_NODE_MDX_TEXT_EXPRESSION, e.brace,
                                 (uint32_t)(k + d) + 1);
      n->value = mdx_expr_value(&e);
      *out = n;
      return k + 1;
    }
    if (li + 1 >= v->count) mdx_expr_unclosed(doc, &e, (uint32_t)(l->end + d));
    mdx_expr_feed(doc, &e, v->s, l->end, l->eol, d);
    li++;
    from = mdx_expr_line(doc, &e, v->s, v->lines[li].cstart, v->lines[li].end, v->lines[li].col,
                         v->lines[li].vs, delta_of(v, li));
  }
}

uint32_t mdx_text_tag(mdx_doc *doc, mdx_view *v, uint32_t pos, mdx_node **out) {
  uint32_t li = mdx_view_line(v, pos);
  mdx_tag t;
  mdx_tag_begin(doc, &t, (uint32_t)(pos + delta_of(v, li)), 1);
  uint32_t from = pos + 1;
  for (;;) { /* bounded: the lines of the view */
    const mdx_vline *l = &v->lines[li];
    int64_t d = delta_of(v, li);
    uint32_t used = 0;
    int r = mdx_tag_feed(doc, &t, v->s, from, l->end, d, &used);
    if (r == MDX_TAG_NOT) return 0;
    if (r == MDX_TAG_DONE) {
      *out = t.node;
      return used;
    }
    if (li + 1 >= v->count) mdx_tag_eof(doc, &t, (uint32_t)(l->end + d));
    if (!mdx_tag_eol(doc, &t, v->s, l->end, l->eol, d)) return 0;
    li++;
    from = v->lines[li].cstart;
    t.line_col = v->lines[li].col;
    t.line_vs = v->lines[li].vs;
  }
}
