/* MDX expressions `{…}`: the value is collected piece by piece (a line at a time, as the
 * reference's factory-mdx-expression reads it). The reference asks acorn at every `}`
 * and ends the expression at the first where the value parses; if none does, it throws
 * acorn's error for the value before the last `}` at the end of input. Here the lexical
 * JS scanner filters the `}`s: one inside a string, template, comment, regex, brackets
 * or JSX, or after content that can never parse, cannot end it (acorn would fail there),
 * so only the others are handed to the checker (jscheck.c). A failed check consumes the
 * `}`, which leaves the scanner broken for good: at most two checks per expression. */
#include <string.h>

#include "mdx_syntax.h"
#include "scan.h"

void mdx_expr_begin(mdx_expr *e, uint32_t brace, mdx_js_goal goal, int allow_empty) {
  memset(e, 0, sizeof *e);
  mdx_js_scan_init(&e->js);
  e->brace = brace;
  e->goal = (uint8_t)goal;
  e->allow_empty = (uint8_t)allow_empty;
}

/* Value offset `val` starts at source offset `src`. */
static void add_stop(mdx_doc *doc, mdx_expr *e, uint32_t val, uint32_t src) {
  if (e->map_n + 2 > e->map_cap) {
    uint32_t cap = e->map_cap ? e->map_cap * 2 : 8;
    e->map = mdx_arena_grow(&doc->arena, e->map, e->map_cap * sizeof *e->map, cap * sizeof *e->map);
    e->map_cap = cap;
  }
  e->map[e->map_n++] = val;
  e->map[e->map_n++] = src;
}

static void add_piece(mdx_doc *doc, mdx_expr *e, const char *s, uint32_t i, uint32_t end,
                      int64_t delta) {
  if (end <= i) return;
  add_stop(doc, e, e->val.len, (uint32_t)(i + delta));
  mdx_sbuf_put(&doc->arena, &e->val, s + i, end - i);
}

/* Source offset of value offset `at` by the first `map_n` entries of the map (linear in
 * the pieces: for errors only). */
static uint32_t src_of(const mdx_expr *e, uint32_t at, uint32_t map_n) {
  uint32_t best = e->brace + 1, base = 0;
  for (uint32_t k = 0; k + 1 < map_n; k += 2) { /* bounded: pieces; only for errors */
    if (e->map[k] > at) {
      /* Virtual spaces (mdx_expr_line) take no source: not past where the next begins. */
      if (best + (at - base) > e->map[k + 1]) return e->map[k + 1];
      break;
    }
    base = e->map[k];
    best = e->map[k + 1];
  }
  return best + (at - base);
}

uint32_t mdx_expr_src(const mdx_expr *e, uint32_t at) { return src_of(e, at, e->map_n); }

/* The reference's verdict on the first `len` bytes of the value, in e->check. An empty
 * value (see mdx_js_empty) is parsed as a program, as the reference does: its regex
 * strips comments a JavaScript tokenizer would not, so a few "empty" values still fail. */
static void check_value(mdx_doc *doc, mdx_expr *e, uint32_t len) {
  const char *v = e->val.p ? e->val.p : "";
  mdx_arena *scratch = mdx_js_scratch(doc);
  e->empty = (uint8_t)mdx_js_empty(scratch, v, len);
  mdx_js_goal goal = e->empty ? MDX_JS_GOAL_MODULE : (mdx_js_goal)e->goal;
  if (mdx_js_check_run(scratch, v, len, goal, NULL, &e->check) != MDX_OK)
    mdx_arena_fail(&doc->arena);
}

/* Whether the value so far closes the expression. An empty value where none is allowed
 * closes it too: the reference throws there, and so does the caller. */
static int value_parses(mdx_doc *doc, mdx_expr *e) {
  check_value(doc, e, e->val.len);
  return e->check.ok || (e->empty && !e->allow_empty);
}

uint32_t mdx_expr_feed(mdx_doc *doc, mdx_expr *e, const char *s, uint32_t i, uint32_t end,
                       int64_t delta) {
  uint32_t from = i;
  while (i < end) { /* bounded: each round moves past a `}` or to the end */
    const char *q = memchr(s + i, '}', end - i);
    uint32_t stop = q ? (uint32_t)(q - s) : end;
    mdx_js_scan_feed(&e->js, s + i, stop - i, 1);
    if (stop == end) break;
    add_piece(doc, e, s, from, stop, delta);
    from = stop;
    if (mdx_js_scan_feed(&e->js, s + stop, 1, 1) == 0) {
      if (value_parses(doc, e)) return stop;
      mdx_js_scan_feed(&e->js, s + stop, 1, 0); /* the `}` joins the value */
    }
    e->closes = 1;
    e->last_close = e->val.len; /* the value's length before this `}` */
    e->last_close_map = e->map_n;
    i = stop + 1;
  }
  add_piece(doc, e, s, from, end, delta);
  return end;
}

void mdx_expr_unclosed(mdx_doc *doc, mdx_expr *e, uint32_t eof) {
  if (e->closes) { /* acorn's error for the value before the last `}` */
    uint32_t at = e->last_close;
    check_value(doc, e, e->last_close);
    if (!e->check.ok) at = e->check.error_at;
    else e->check.message = NULL; /* the scanner saw what the checker did not */
    /* Placed by the pieces read by then, as the reference's stops were: the end of the
     * value maps to the end of the last of them, not to where the next line goes on. */
    mdx_js_error(doc, src_of(e, at, e->last_close_map), "Could not parse expression with acorn",
                 &e->check);
  }
  mdx_syntax_error(doc, eof, "unexpected-eof",
                   "Unexpected end of file in expression, expected a corresponding closing "
                   "brace for `{`");
}

/* micromark splits a tab into a tab code and virtual spaces up to the next multiple of 4
 * columns, and strips up to two codes of whitespace (a tab is one, each virtual space
 * another) at the start of an expression's continuation lines. The virtual spaces left
 * over, of a tab it stripped or one a container prefix split, are spaces in the value
 * (serializeChunks); they take no source, so they map to where the content goes on. */
uint32_t mdx_expr_line(mdx_doc *doc, mdx_expr *e, const char *s, uint32_t i, uint32_t end,
                       uint32_t col, uint32_t vs, int64_t delta) {
  for (int k = 0; k < 2; k++) { /* bounded: two codes */
    if (vs) {
      vs--;
    } else if (i < end && s[i] == ' ') {
      i++;
    } else if (i < end && s[i] == '\t') {
      vs = 3 - col % 4;
      i++;
    } else {
      break;
    }
    col++;
  }
  if (vs) {
    static const char spaces[] = "   "; /* vs < 4 */
    uint32_t src = (uint32_t)(i + delta);
    mdx_js_scan_feed(&e->js, spaces, vs, 1); /* whitespace: never a `}` */
    add_stop(doc, e, e->val.len, src);
    mdx_sbuf_put(&doc->arena, &e->val, spaces, vs);
    add_stop(doc, e, e->val.len, src);
  }
  return i;
}

mdx_str mdx_expr_value(mdx_expr *e) {
  mdx_str v = {e->val.p ? e->val.p : "", e->val.len};
  return v;
}

/* JavaScript's `\s`: ASCII whitespace, line endings and the Unicode spaces. */
static uint32_t js_space(const char *s, uint32_t i, uint32_t n) {
  unsigned char c = (unsigned char)s[i];
  if (c == ' ' || (c >= '\t' && c <= '\r')) return 1;
  if (c < 0x80) return 0;
  uint32_t cp;
  uint32_t len = mdx_utf8_next(s, n, i, &cp);
  int space = cp == 0xa0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200a) || cp == 0x2028 ||
              cp == 0x2029 || cp == 0x202f || cp == 0x205f || cp == 0x3000 || cp == 0xfeff;
  return space ? len : 0;
}

int mdx_js_empty(mdx_arena *arena, const char *s, uint32_t n) {
  /* The reference's two regex passes, in order: block comments (slash-star to the first
   * star-slash) out first, then `//` comments with their line ending; only `\s` may
   * remain. */
  char *rest = n ? mdx_arena_alloc(arena, n) : NULL;
  uint32_t m = 0;
  for (uint32_t i = 0; i < n;) { /* bounded: n, every branch moves i on */
    if (s[i] == '/' && i + 1 < n && s[i + 1] == '*') {
      const char *close = NULL;
      for (uint32_t k = i + 2; k + 1 < n; k++) /* bounded: n */
        if (s[k] == '*' && s[k + 1] == '/') { close = s + k; break; }
      if (close) {
        i = (uint32_t)(close - s) + 2;
        continue;
      }
    }
    rest[m++] = s[i++];
  }
  for (uint32_t i = 0; i < m;) { /* bounded: m, every branch moves i on or returns */
    uint32_t w = js_space(rest, i, m);
    if (w) {
      i += w;
    } else if (rest[i] == '/' && i + 1 < m && rest[i + 1] == '/') {
      uint32_t k = i + 2;
      while (k < m && rest[k] != '\n' && rest[k] != '\r') k++; /* bounded: m */
      if (k == m) return 0; /* no line ending: the comment stays */
      i = k + (rest[k] == '\r' && k + 1 < m && rest[k + 1] == '\n' ? 2 : 1);
    } else {
      return 0;
    }
  }
  return 1;
}
