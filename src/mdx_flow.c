/* MDX in flow: a line group of JSX tags and expressions with nothing but whitespace
 * around them (micromark-extension-mdx-jsx's jsx-flow and -mdx-expression's flow
 * expression, which may follow each other on a line), read a line at a time as the block
 * phase hands them over; and ESM (micromark-extension-mdxjs-esm). */
#include <string.h>

#include "mdx_syntax.h"

enum { F_BETWEEN, F_EXPR, F_TAG };

struct mdx_flow {
  mdx_doc *doc;
  int mode;
  int after_expr; /* an expression may be followed by a tag, not by an expression */
  mdx_expr expr;
  mdx_node *expr_node;
  mdx_tag tag;
  mdx_node *first, *last;
  mdx_line *lines;
  uint32_t nlines, cap;
  uint32_t end, end_line;
};

mdx_flow *mdx_flow_new(mdx_doc *doc) {
  mdx_flow *f = mdx_arena_alloc(&doc->arena, sizeof *f);
  f->doc = doc;
  return f;
}

static void add(mdx_flow *f, mdx_node *n, uint32_t line) {
  if (f->last) f->last->next = n;
  else f->first = n;
  f->last = n;
  n->next = NULL;
  f->end = n->end;
  f->end_line = line;
}

static void record(mdx_flow *f, uint32_t from, uint32_t col, uint32_t vs, uint32_t le,
                   uint32_t ln) {
  if (f->nlines == f->cap) {
    uint32_t cap = f->cap ? f->cap * 2 : 4;
    f->lines = mdx_arena_grow(&f->doc->arena, f->lines, f->cap * sizeof *f->lines,
                              cap * sizeof *f->lines);
    f->cap = cap;
  }
  mdx_line l = {from, le, ln, 0, (uint8_t)(col % 4), (uint8_t)vs};
  f->lines[f->nlines++] = l;
}

/* Reads the line from `pos` in the current mode. */
static int run(mdx_flow *f, uint32_t pos, uint32_t le, uint32_t ln, uint32_t line) {
  mdx_doc *doc = f->doc;
  const char *s = doc->src;
  for (;;) { /* bounded: every round moves pos forward or returns */
    if (f->mode == F_BETWEEN) {
      while (pos < le && (s[pos] == ' ' || s[pos] == '\t')) pos++;
      if (pos == le) return MDX_FLOW_DONE;
      if (s[pos] == '<') {
        mdx_tag_begin(doc, &f->tag, pos, 0);
        f->mode = F_TAG;
        pos++;
      } else if (s[pos] == '{' && !f->after_expr) {
        mdx_expr_begin(&f->expr, pos, MDX_JS_GOAL_EXPRESSION, 1);
        f->expr_node = mdx_node_new(&doc->arena, MDX_NODE_MDX_FLOW_EXPRESSION, pos, pos + 1);
        f->mode = F_EXPR;
        pos++;
      } else {
        return MDX_FLOW_NOT;
      }
    } else if (f->mode == F_TAG) {
      uint32_t used = pos;
      int r = mdx_tag_feed(doc, &f->tag, s, pos, le, 0, &used);
      if (r == MDX_TAG_NOT) return MDX_FLOW_NOT;
      if (r == MDX_TAG_DONE) {
        add(f, f->tag.node, line);
        f->mode = F_BETWEEN;
        f->after_expr = 0;
        pos = used;
        continue;
      }
      if (ln == le) mdx_tag_eof(doc, &f->tag, doc->len);
      if (!mdx_tag_eol(doc, &f->tag, s, le, ln, 0)) return MDX_FLOW_NOT;
      return MDX_FLOW_MORE;
    } else {
      uint32_t k = mdx_expr_feed(doc, &f->expr, s, pos, le, 0);
      if (k < le) {
        f->expr_node->end = k + 1;
        f->expr_node->value = mdx_expr_value(&f->expr);
        add(f, f->expr_node, line);
        f->mode = F_BETWEEN;
        f->after_expr = 1;
        pos = k + 1;
        continue;
      }
      if (ln == le) mdx_expr_unclosed(doc, &f->expr, doc->len);
      mdx_expr_feed(doc, &f->expr, s, le, ln, 0);
      return MDX_FLOW_MORE;
    }
  }
}

int mdx_flow_start(mdx_flow *f, uint32_t i, uint32_t le, uint32_t ln, uint32_t line) {
  f->mode = F_BETWEEN;
  f->after_expr = 0;
  f->first = f->last = NULL;
  f->nlines = 0;
  record(f, i, 0, 0, le, ln); /* the first line's column is no matter */
  return run(f, i, le, ln, line);
}

int mdx_flow_line(mdx_flow *f, uint32_t from, uint32_t col, uint32_t vs, uint32_t le,
                  uint32_t ln, uint32_t line) {
  record(f, from, col, vs, le, ln);
  if (f->mode == F_EXPR) from = mdx_expr_line(f->doc, &f->expr, f->doc->src, from, le, col, vs, 0);
  f->tag.line_col = col;
  f->tag.line_vs = vs;
  return run(f, from, le, ln, line);
}

void mdx_flow_eof(mdx_flow *f) { mdx_flow_eof_at(f, f->doc->len); }

void mdx_flow_eof_at(mdx_flow *f, uint32_t at) {
  if (f->mode == F_EXPR) mdx_expr_unclosed(f->doc, &f->expr, at);
  if (f->mode == F_TAG) mdx_tag_eof(f->doc, &f->tag, at);
}

mdx_node *mdx_flow_take(mdx_flow *f, uint32_t *end, uint32_t *end_line) {
  mdx_node *first = f->first;
  *end = f->end;
  *end_line = f->end_line;
  f->first = f->last = NULL;
  f->mode = F_BETWEEN;
  return first;
}

const mdx_line *mdx_flow_lines(mdx_flow *f, uint32_t *count) {
  *count = f->nlines;
  return f->lines;
}

void mdx_flow_lazy(mdx_flow *f, uint32_t at) {
  if (f->mode == F_EXPR || (f->mode == F_TAG && f->tag.in_expr))
    mdx_syntax_error(f->doc, at, "unexpected-lazy",
                     "Unexpected lazy line in expression in container, expected line to be "
                     "prefixed with `>` when in a block quote, whitespace when in a list, etc");
  mdx_syntax_error(f->doc, at, "unexpected-lazy",
                   "Unexpected lazy line in container, expected line to be prefixed with `>` "
                   "when in a block quote, whitespace when in a list, etc");
}

/* ---- ESM ---- */

int mdx_esm_start(const char *s, uint32_t i, uint32_t le) {
  return le - i > 6 && (memcmp(s + i, "import", 6) == 0 || memcmp(s + i, "export", 6) == 0) &&
         s[i + 6] == ' ';
}

void mdx_esm_begin(mdx_esm *esm, uint32_t start) {
  memset(esm, 0, sizeof *esm);
  mdx_js_scan_init(&esm->js);
  esm->start = esm->fed = start;
}

/* Names imported by the blocks before, which the reference declares in front of each
 * block (`var a, b`) so that importing or declaring one again fails. */
static void add_imports(mdx_doc *doc, const mdx_js_check *c) {
  for (size_t k = 0; k < c->n_imports; k++) { /* bounded: the block's import specifiers */
    mdx_str name = c->imports[k];
    /* a name written with escapes lives in the checker's memory: keep a copy */
    uintptr_t at = (uintptr_t)name.ptr, src = (uintptr_t)doc->src;
    if (at < src || at >= src + doc->len)
      name.ptr = mdx_arena_strdup(&doc->arena, name.ptr, name.len);
    mdx_js_names_add(&doc->arena, &doc->esm_names, name.ptr, name.len);
  }
}

int mdx_esm_complete(mdx_doc *doc, mdx_esm *esm, uint32_t to, int eof) {
  if (to > esm->fed) {
    mdx_js_scan_feed(&esm->js, doc->src + esm->fed, to - esm->fed, 0);
    esm->fed = to;
  }
  mdx_js_open open = mdx_js_scan_state(&esm->js);
  /* Something open or an operand missing: acorn fails for lack of input, so the block
   * goes on. Past the named number of such checks, blank lines no longer end it. */
  int lexically_done = open == MDX_JS_OPEN_NONE || open == MDX_JS_INVALID ||
                       open == MDX_JS_OPEN_TOO_DEEP;
  if (!eof && (!lexically_done || esm->checks >= MDX_MAX_ESM_CHECKS)) return 0;
  mdx_js_check c;
  if (mdx_js_check_run(mdx_js_scratch(doc), doc->src + esm->start, to - esm->start, MDX_JS_GOAL_MODULE,
                       &doc->esm_names, &c) != MDX_OK)
    mdx_arena_fail(&doc->arena);
  /* acorn failed for lack of input (or in an unclosed comment, which the reference
   * counts the same): read on */
  if (!c.ok && !eof && (c.at_end || strcmp(c.message, "Unterminated comment") == 0)) {
    esm->checks++;
    return 0;
  }
  if (!c.ok)
    mdx_js_error(doc, esm->start + c.error_at, "Could not parse import/exports with acorn", &c);
  if (c.non_esm_type)
    mdx_syntax_error(doc, esm->start + c.non_esm_at, "non-esm",
                     "Unexpected `%s` in code: only import/exports are supported",
                     c.non_esm_type);
  add_imports(doc, &c);
  return 1;
}
