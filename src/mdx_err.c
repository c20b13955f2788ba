/* MDX syntax errors: line, column and offset as the reference's VFileMessage gives them
 * (columns count UTF-16 units; micromark's virtual spaces after a tab do not count),
 * then the jump back to mdx_parse. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "mdx_syntax.h"

void mdx_syntax_error(mdx_doc *doc, uint32_t at, const char *rule, const char *fmt, ...) {
  mdx_error *err = doc->err;
  if (err && at == UINT32_MAX) { /* no place (the reference gives none) */
    err->line = err->column = err->offset = 0;
  } else if (err) {
    const char *s = doc->src;
    if (at > doc->len) at = doc->len;
    uint32_t line = 1, column = 1, offset = 0;
    for (uint32_t i = 0; i < at; i++) { /* bounded: at; runs once per parse */
      unsigned char c = (unsigned char)s[i];
      if (c == '\n' || (c == '\r' && !(i + 1 < doc->len && s[i + 1] == '\n'))) {
        line++;
        column = 1;
      } else if (c == '\r') {
        /* the \r of \r\n: the line ends after the \n */
      } else if ((c & 0xc0) != 0x80) {
        column += c >= 0xf0 ? 2 : 1;
      }
      if ((c & 0xc0) != 0x80) offset += c >= 0xf0 ? 2 : 1;
    }
    err->line = line;
    err->column = column;
    err->offset = offset;
  }
  if (err) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->reason, sizeof err->reason, fmt, ap);
    va_end(ap);
    snprintf(err->rule_id, sizeof err->rule_id, "%s", rule);
  }
  longjmp(doc->on_oom, 2);
}

void mdx_sbuf_put(mdx_arena *arena, mdx_sbuf *b, const char *s, uint32_t len) {
  if (!len) return;
  if (b->cap - b->len < len) {
    uint32_t cap = b->cap ? b->cap : 32;
    while (cap - b->len < len) cap *= 2; /* bounded: 32 doublings */
    b->p = mdx_arena_grow(arena, b->p, b->cap, cap);
    b->cap = cap;
  }
  memcpy(b->p + b->len, s, len);
  b->len += len;
}

mdx_arena *mdx_js_scratch(mdx_doc *doc) {
  mdx_arena_reset(&doc->js_arena);
  return &doc->js_arena;
}

void mdx_js_error(mdx_doc *doc, uint32_t at, const char *reason, const mdx_js_check *check) {
  if (doc->err && check->message)
    snprintf(doc->err->cause, sizeof doc->err->cause, "%s", check->message);
  mdx_syntax_error(doc, at, "acorn", "%s", reason);
}

void mdx_err_point(mdx_doc *doc, uint32_t at, char out[32]) {
  /* the same counting as above, without the jump */
  const char *s = doc->src;
  uint32_t line = 1, column = 1;
  for (uint32_t i = 0; i < at && i < doc->len; i++) { /* bounded: at; errors only */
    unsigned char c = (unsigned char)s[i];
    if (c == '\n' || (c == '\r' && !(i + 1 < doc->len && s[i + 1] == '\n'))) {
      line++;
      column = 1;
    } else if (c == '\r') {
    } else if ((c & 0xc0) != 0x80) {
      column += c >= 0xf0 ? 2 : 1;
    }
  }
  snprintf(out, 32, "%u:%u", (unsigned)line, (unsigned)column);
}
