/* STUB until the real scanner lands: counts braces only (no strings, comments, JSX). */
#include "jsscan.h"

#include <string.h>

void mdx_js_scan_init(mdx_js_scan *scan) { memset(scan, 0, sizeof *scan); }

size_t mdx_js_scan_feed(mdx_js_scan *scan, const char *p, size_t len, int stop_at_close) {
  for (size_t i = 0; i < len; i++) {
    if (p[i] == '{') {
      if (scan->depth < MDX_MAX_JS_NESTING) scan->stack_at[scan->depth] = scan->offset;
      scan->depth++;
    } else if (p[i] == '}') {
      if (scan->depth == 0 && stop_at_close) return i;
      if (scan->depth > 0) scan->depth--;
    }
    scan->offset++;
  }
  return len;
}

mdx_js_open mdx_js_scan_state(const mdx_js_scan *scan) {
  if (scan->depth > MDX_MAX_JS_NESTING) return MDX_JS_OPEN_TOO_DEEP;
  return scan->depth ? MDX_JS_OPEN_BRACKET : MDX_JS_OPEN_NONE;
}
