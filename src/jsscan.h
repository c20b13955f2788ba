/* A lexical JavaScript scanner: just enough JS to know where an MDX expression `{…}` or
 * an ESM block ends without parsing JavaScript. It tracks strings, template literals
 * (with `${…}`), comments, regular expression literals, brackets and JSX inside
 * expressions, so that a `}` inside any of them does not end the expression.
 *
 * The reference (micromark-extension-mdx-expression with acorn + acorn-jsx) ends an
 * expression at the first `}` before which the content parses as JavaScript. For content
 * that is valid JavaScript that is exactly the first `}` at bracket depth 0 in code: what
 * this scanner finds. A `}` inside a `//` comment does not end it (the reference refuses
 * a trailing comment without a line ending before the `}`). Content that is lexically fine
 * but not valid JavaScript (`{a b}`) is not detected here.
 *
 * Regex or division after `/`, and where JSX starts at `<`, are decided like acorn's
 * tokenizer does: from the previous token and a small stack of contexts (block or object
 * braces, statement or expression parens, function bodies).
 *
 * Fed in chunks (the lines of an expression without their container prefixes, line
 * endings included), so state carries over between calls. No allocation: the nesting
 * stack is fixed (MDX_MAX_JS_NESTING); past it the scanner reports an error.
 *
 * Use. An expression `{…}` (text, flow, or a JSX attribute value or spread): init, then
 * feed what follows the `{` line by line with `stop_at_close`; the first feed that
 * returns less than it was given found the closing `}` (the value is everything fed
 * before it). If the expression's text ends first, it is an error: the state tells what
 * is open since `open_at` (MDX_JS_INVALID: acorn fails at `open_at`).
 * An ESM block: feed its lines without `stop_at_close`; at each blank line (and at the
 * end of the document) ask the state: MDX_JS_OPEN_NONE ends the block before the blank
 * line; MDX_JS_INVALID / MDX_JS_OPEN_TOO_DEEP are an error there (the reference throws);
 * anything else (open, or MDX_JS_OPEN_OPERAND) reads on past the blank line, as the
 * reference does while acorn fails only at the very end of what it was given. */
#ifndef MDX_JSSCAN_H
#define MDX_JSSCAN_H

#include <stddef.h>
#include <stdint.h>

#include "limits.h"

/* What an unfinished scan is inside of (for error messages). */
typedef enum mdx_js_open {
  MDX_JS_OPEN_NONE = 0,     /* complete (a `}` in code here ends the expression) */
  MDX_JS_OPEN_BRACKET,      /* an unclosed `(`, `[` or `{` */
  MDX_JS_OPEN_STRING,       /* an unterminated '…' or "…" */
  MDX_JS_OPEN_TEMPLATE,     /* an unterminated `…` */
  MDX_JS_OPEN_COMMENT,      /* an unterminated block comment */
  MDX_JS_OPEN_REGEX,        /* an unterminated /…/ */
  MDX_JS_OPEN_JSX,          /* an unclosed JSX element inside the expression */
  MDX_JS_OPEN_TOO_DEEP,     /* nesting past MDX_MAX_JS_NESTING */
  MDX_JS_OPEN_OPERAND,      /* lexically complete, but the last token needs more: an
                             * operator, `=`, `,`, `.`, `export`, `const`, `typeof`…
                             * (`open_at` is the end). Not a whole program: an ESM
                             * block goes on past a blank line, as in the reference. */
  MDX_JS_INVALID            /* no continuation can make it valid (acorn would fail at
                             * `open_at`): a line ending in a string or regex, `}` or `>`
                             * in JSX text, an unmatched `)`, `]` or `}`. Sticky: the
                             * scanner never stops after this. */
} mdx_js_open;

typedef struct mdx_js_scan {
  uint32_t offset;      /* bytes fed so far (positions below count from the first byte) */
  uint32_t open_at;     /* where the innermost unfinished construct started (or the error) */
  uint32_t depth;       /* entries used in `stack` */
  /* Private to jsscan.c. */
  uint32_t token_at;    /* start of the string, comment or regex being read */
  uint16_t flags;       /* jsscan.c: exprAllowed and friends */
  uint8_t mode;         /* lexical mode */
  uint8_t prev;         /* class of the previous significant token (regex vs division) */
  uint8_t error;        /* 0, or MDX_JS_INVALID / MDX_JS_OPEN_TOO_DEEP once broken */
  uint8_t quote;        /* the open string's quote */
  uint8_t punct;        /* the punctuator that ended at the previous byte, or 0 */
  uint8_t sub;          /* small per-mode counter (line separator bytes, dots) */
  uint8_t word_len;     /* bytes of the identifier being read (12: not a keyword) */
  char word[11];
  uint8_t stack[MDX_MAX_JS_NESTING]; /* open brackets, templates, functions, JSX */
  uint32_t stack_at[MDX_MAX_JS_NESTING];
  uint32_t name_hash;   /* hash of the JSX tag name being read */
  uint32_t stack_name[MDX_MAX_JS_NESTING]; /* JSX children entries: their tag's name hash */
} mdx_js_scan;

void mdx_js_scan_init(mdx_js_scan *scan);

/* Scans `len` bytes. If `stop_at_close` and a `}` is met that would close the
 * expression (in code, depth 0), stops before it and returns its index in `p` (the `}`
 * is not consumed). Otherwise consumes everything and returns `len`; a `}` at depth 0
 * then makes the scan MDX_JS_INVALID (an ESM block cannot contain one). */
size_t mdx_js_scan_feed(mdx_js_scan *scan, const char *p, size_t len, int stop_at_close);

/* MDX_JS_OPEN_NONE if the content fed so far is lexically complete (nothing open; a
 * `//` comment counts as complete, as the end of an ESM block ends it), else what is
 * still open (or MDX_JS_INVALID / MDX_JS_OPEN_TOO_DEEP); `scan->open_at` says where it
 * started. */
mdx_js_open mdx_js_scan_state(const mdx_js_scan *scan);

#endif
