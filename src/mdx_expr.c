/* MDX expressions `{…}`: the value is collected piece by piece (a line at a time, as the
 * reference's factory-mdx-expression reads it) and fed to the lexical JS scanner, which
 * says which `}` closes it. Where the reference asks acorn at every `}` and remembers the
 * last failure, we remember the last `}` that came while the scanner had something open:
 * an unclosed expression then reports that failure, like the reference. */
#include <string.h>

#include "mdx_syntax.h"

void mdx_expr_begin(mdx_expr *e, uint32_t brace) {
  memset(e, 0, sizeof *e);
  mdx_js_scan_init(&e->js);
  e->brace = brace;
}

static void add_piece(mdx_doc *doc, mdx_expr *e, const char *s, uint32_t i, uint32_t end,
                      int64_t delta) {
  if (end <= i) return;
  if (e->map_n + 2 > e->map_cap) {
    uint32_t cap = e->map_cap ? e->map_cap * 2 : 8;
    e->map = mdx_arena_grow(&doc->arena, e->map, e->map_cap * sizeof *e->map, cap * sizeof *e->map);
    e->map_cap = cap;
  }
  e->map[e->map_n++] = e->val.len;
  e->map[e->map_n++] = (uint32_t)(i + delta);
  mdx_sbuf_put(&doc->arena, &e->val, s + i, end - i);
}

/* Source offset of value offset `at` (linear in the pieces: for errors only). */
uint32_t mdx_expr_src(const mdx_expr *e, uint32_t at) {
  uint32_t best = e->brace + 1, base = 0;
  for (uint32_t k = 0; k + 1 < e->map_n; k += 2) { /* bounded: pieces; only for errors */
    if (e->map[k] > at) break;
    base = e->map[k];
    best = e->map[k + 1];
  }
  return best + (at - base);
}

uint32_t mdx_expr_feed(mdx_doc *doc, mdx_expr *e, const char *s, uint32_t i, uint32_t end,
                       int64_t delta) {
  uint32_t from = i;
  while (i < end) { /* bounded: each round moves past a `}` or to the end */
    const char *q = memchr(s + i, '}', end - i);
    uint32_t stop = q ? (uint32_t)(q - s) : end;
    mdx_js_scan_feed(&e->js, s + i, stop - i, 1);
    if (stop == end) break;
    mdx_js_open open = mdx_js_scan_state(&e->js);
    uint32_t open_at = e->js.open_at;
    if (mdx_js_scan_feed(&e->js, s + stop, 1, 1) == 0) {
      add_piece(doc, e, s, from, stop, delta);
      return stop;
    }
    /* acorn would have tried here and failed: strings, templates, comments and regular
     * expressions at their start, anything else where the input ran out. */
    e->failed = 1;
    if (open == MDX_JS_OPEN_STRING || open == MDX_JS_OPEN_TEMPLATE ||
        open == MDX_JS_OPEN_COMMENT || open == MDX_JS_OPEN_REGEX || open == MDX_JS_INVALID) {
      e->fail_in_value = 1; /* mapped to the source only if it is reported */
      e->fail_src = open_at;
    } else {
      e->fail_in_value = 0;
      e->fail_src = (uint32_t)(stop + delta);
    }
    i = stop + 1;
  }
  add_piece(doc, e, s, from, end, delta);
  return end;
}

void mdx_expr_unclosed(mdx_doc *doc, mdx_expr *e, uint32_t eof) {
  if (e->failed)
    mdx_syntax_error(doc, e->fail_in_value ? mdx_expr_src(e, e->fail_src) : e->fail_src, "acorn",
                     "Could not parse expression with acorn");
  mdx_syntax_error(doc, eof, "unexpected-eof",
                   "Unexpected end of file in expression, expected a corresponding closing "
                   "brace for `{`");
}

uint32_t mdx_expr_strip(const char *s, uint32_t i, uint32_t end) {
  for (int k = 0; k < 2 && i < end && (s[i] == ' ' || s[i] == '\t'); k++) i++;
  return i;
}

mdx_str mdx_expr_value(mdx_expr *e) {
  mdx_str v = {e->val.p ? e->val.p : "", e->val.len};
  return v;
}
