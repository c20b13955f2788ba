/* libFuzzer target for the lexical JS scanner (src/jsscan.h). Byte 0: bit 0 chooses
 * stopping at `}` (an expression) or not (an ESM block), the other bits a chunk size;
 * the rest is the JavaScript. The same input fed at once, in chunks and byte by byte must
 * give the same stop, state and position, and every position stays inside the input. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "fuzz_check.h"
#include "jsscan.h"


typedef struct {
  long stop; /* -1: not stopped */
  mdx_js_open state;
  uint32_t open_at;
} result;

static result run(const char *p, size_t len, size_t chunk, int stop_at_close) {
  mdx_js_scan scan;
  mdx_js_scan_init(&scan);
  result r = {-1, MDX_JS_OPEN_NONE, 0};
  size_t i = 0;
  while (i < len) {
    size_t n = len - i < chunk ? len - i : chunk;
    size_t used = mdx_js_scan_feed(&scan, p + i, n, stop_at_close);
    FUZZ_CHECK(used <= n);
    if (used < n) {
      FUZZ_CHECK(stop_at_close);
      FUZZ_CHECK(p[i + used] == '}');
      FUZZ_CHECK(scan.offset == i + used);
      r.stop = (long)(i + used);
      break;
    }
    i += n;
    FUZZ_CHECK(scan.offset == i);
  }
  r.state = mdx_js_scan_state(&scan);
  FUZZ_CHECK(r.state <= MDX_JS_INVALID);
  FUZZ_CHECK(scan.depth <= MDX_MAX_JS_NESTING);
  r.open_at = scan.open_at;
  if (r.state != MDX_JS_OPEN_NONE) FUZZ_CHECK(r.open_at <= scan.offset);
  return r;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size == 0) return 0;
  int stop = data[0] & 1;
  size_t chunk = (size_t)(data[0] >> 1) + 1;
  const char *p = (const char *)data + 1;
  size_t len = size - 1;
  result whole = run(p, len, len ? len : 1, stop);
  result parts = run(p, len, chunk, stop);
  result bytes = run(p, len, 1, stop);
  FUZZ_CHECK(whole.stop == parts.stop && whole.stop == bytes.stop);
  FUZZ_CHECK(whole.state == parts.state && whole.state == bytes.state);
  FUZZ_CHECK(whole.open_at == parts.open_at && whole.open_at == bytes.open_at);
  return 0;
}
