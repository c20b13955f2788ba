/* A lexical JavaScript scanner: just enough JS to know where an MDX expression `{…}` or
 * an ESM block ends without parsing JavaScript. It tracks strings, template literals
 * (with `${…}`), comments, regular expression literals, brackets and JSX inside
 * expressions, so that a `}` inside any of them does not end the expression.
 *
 * The reference (micromark-extension-mdx-expression with acorn) ends an expression at the
 * first `}` before which the content parses as JavaScript. For content that is valid
 * JavaScript that is exactly the first `}` at bracket depth 0 in code (or in a `//`
 * comment, which the end of input closes): what this scanner finds. Content that is
 * lexically fine but not valid JavaScript (`{a b}`) is not detected here.
 *
 * Fed in chunks (the lines of an expression without their container prefixes, line
 * endings included), so state carries over between calls. No allocation: the nesting
 * stack is fixed (MDX_MAX_JS_NESTING); past it the scanner reports an error. */
#ifndef MDX_JSSCAN_H
#define MDX_JSSCAN_H

#include <stddef.h>
#include <stdint.h>

#include "limits.h"

/* What an unfinished scan is inside of (for error messages). */
typedef enum mdx_js_open {
  MDX_JS_OPEN_NONE = 0,     /* complete: a `}` here would end the expression */
  MDX_JS_OPEN_BRACKET,      /* an unclosed `(`, `[` or `{` */
  MDX_JS_OPEN_STRING,       /* an unterminated '…' or "…" */
  MDX_JS_OPEN_TEMPLATE,     /* an unterminated `…` */
  MDX_JS_OPEN_COMMENT,      /* an unterminated block comment */
  MDX_JS_OPEN_REGEX,        /* an unterminated /…/ */
  MDX_JS_OPEN_JSX,          /* an unclosed JSX element inside the expression */
  MDX_JS_OPEN_TOO_DEEP      /* nesting past MDX_MAX_JS_NESTING */
} mdx_js_open;

typedef struct mdx_js_scan {
  uint32_t offset;      /* bytes fed so far (positions below count from the first byte) */
  uint32_t open_at;     /* where the innermost unfinished construct started */
  uint32_t depth;       /* entries used in `stack` */
  uint8_t mode;         /* lexical mode (jsscan.c) */
  uint8_t prev;         /* class of the previous significant token (regex vs division) */
  uint8_t flags;        /* jsscan.c */
  uint8_t stack[MDX_MAX_JS_NESTING]; /* open brackets, templates and JSX constructs */
  uint32_t stack_at[MDX_MAX_JS_NESTING];
} mdx_js_scan;

void mdx_js_scan_init(mdx_js_scan *scan);

/* Scans `len` bytes. If `stop_at_close` and a `}` is met that would close the
 * expression (complete state, depth 0), stops before it and returns its index in
 * `p` (the `}` is not consumed). Otherwise consumes everything and returns `len`. */
size_t mdx_js_scan_feed(mdx_js_scan *scan, const char *p, size_t len, int stop_at_close);

/* MDX_JS_OPEN_NONE if the content fed so far is lexically complete (nothing open; a
 * `//` comment counts as complete), else what is still open; `scan->open_at` says
 * where it started. */
mdx_js_open mdx_js_scan_state(const mdx_js_scan *scan);

#endif
