/* mdx-jsscan: runs the lexical JS scanner (jsscan.h) over stdin, for comparing with the
 * reference (test/tools/compare-jsscan.mjs). Prints one line per input:
 *   stop N          a `}` at byte N ends the expression
 *   none            no such `}`; the content is lexically complete
 *   open KIND AT    no such `}`; KIND (bracket, string, …) is open since byte AT
 * Usage: mdx-jsscan [--bytes] [--esm] [--nul] < input
 *   --bytes  feed one byte at a time (default: one line at a time, like the parser)
 *   --esm    do not stop at `}` (an ESM block)
 *   --nul    stdin holds several inputs separated by NUL bytes */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../jsscan.h"

static const char *const kinds[] = {"none", "bracket",  "string",  "template", "comment",
                                    "regex", "jsx", "too-deep", "operand", "invalid"};

static void scan_one(const char *p, size_t len, int bytes, int esm) {
  mdx_js_scan scan;
  mdx_js_scan_init(&scan);
  size_t i = 0;
  while (i < len) {
    size_t n = 1;
    if (!bytes) {
      while (i + n < len && p[i + n - 1] != '\n' && !(p[i + n - 1] == '\r' && p[i + n] != '\n'))
        n++;
    }
    size_t used = mdx_js_scan_feed(&scan, p + i, n, !esm);
    if (used < n) {
      printf("stop %u\n", scan.offset);
      return;
    }
    i += n;
  }
  mdx_js_open state = mdx_js_scan_state(&scan);
  if (state == MDX_JS_OPEN_NONE)
    puts("none");
  else
    printf("open %s %u\n", kinds[state], scan.open_at);
}

int main(int argc, char **argv) {
  int bytes = 0, esm = 0, nul = 0;
  for (int a = 1; a < argc; a++) {
    if (!strcmp(argv[a], "--bytes"))
      bytes = 1;
    else if (!strcmp(argv[a], "--esm"))
      esm = 1;
    else if (!strcmp(argv[a], "--nul"))
      nul = 1;
    else {
      fprintf(stderr, "usage: mdx-jsscan [--bytes] [--esm] [--nul] < input\n");
      return 2;
    }
  }
  size_t cap = 1 << 16, len = 0, got;
  char *buf = malloc(cap);
  if (!buf) return 1;
  while ((got = fread(buf + len, 1, cap - len, stdin)) > 0) {
    len += got;
    if (len == cap) {
      char *more = realloc(buf, cap * 2);
      if (!more) {
        free(buf);
        return 1;
      }
      buf = more;
      cap *= 2;
    }
  }
  size_t start = 0;
  for (size_t i = 0; i <= len; i++) {
    if (i == len || (nul && buf[i] == '\0')) {
      if (i == len && nul && start == len && len > 0) break;
      scan_one(buf + start, i - start, bytes, esm);
      start = i + 1;
    }
  }
  free(buf);
  return 0;
}
