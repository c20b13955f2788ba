/* libFuzzer target for the JavaScript syntax checker (src/jscheck.h). Byte 0: bits 0-1
 * choose the goal (expression, spread, module), bits 2-4 how many names are declared
 * before a module; the rest is the JavaScript. Whatever the input: a verdict with every
 * position inside the value, and agreement with the lexical scanner (src/jsscan.h) where
 * both can judge: JavaScript the checker accepts is lexically complete, and JavaScript
 * the scanner finds broken for good is never accepted. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "fuzz_check.h"
#include "jscheck.h"
#include "jsscan.h"
#include "mdx.h"

static const mdx_str predeclared[] = {
    {"a", 1}, {"b", 1}, {"React", 5}, {"x", 1}, {"default", 7}, {"y", 1}, {"Z", 1}};

/* The scanner's state after the whole value (an ESM block: `}` is not special). */
static mdx_js_open scan_state(const char *p, size_t len, int stop_at_close, size_t *used) {
  mdx_js_scan scan;
  mdx_js_scan_init(&scan);
  *used = mdx_js_scan_feed(&scan, p, len, stop_at_close);
  return mdx_js_scan_state(&scan);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size == 0) return 0;
  int goal = data[0] & 3;
  if (goal == 3) goal = MDX_JS_GOAL_MODULE;
  size_t names = (size_t)(data[0] >> 2) & 7;
  if (names > sizeof predeclared / sizeof *predeclared) names = 0;
  const char *p = (const char *)data + 1;
  size_t len = size - 1;

  jmp_buf on_oom;
  mdx_arena arena;
  mdx_arena_init(&arena, &on_oom);
  if (setjmp(on_oom)) {
    mdx_arena_free(&arena);
    return 0;
  }
  mdx_js_names declared = {0};
  for (size_t k = 0; k < names; k++)
    mdx_js_names_add(&arena, &declared, predeclared[k].ptr, predeclared[k].len);
  for (size_t k = 0; k < names; k++)
    FUZZ_CHECK(mdx_js_names_has(&declared, predeclared[k].ptr, predeclared[k].len));
  FUZZ_CHECK(!mdx_js_names_has(&declared, "zz", 2));
  mdx_js_check c;
  int rc = mdx_js_check_run(&arena, p, len, (mdx_js_goal)goal, &declared, &c);
  FUZZ_CHECK(rc == MDX_OK);
  if (!c.ok) {
    FUZZ_CHECK(c.error_at <= len);
    FUZZ_CHECK(c.message && c.message[0]);
  } else if (goal == MDX_JS_GOAL_MODULE) {
    FUZZ_CHECK(c.non_esm_type == NULL || c.non_esm_at < len);
    for (size_t k = 0; k < c.n_imports; k++) FUZZ_CHECK(c.imports[k].len > 0);
  } else if (goal == MDX_JS_GOAL_SPREAD) {
    FUZZ_CHECK(c.spread_first_at <= len && c.spread_second_at <= len);
    FUZZ_CHECK(c.spread_count < 2 || c.spread_first_at <= c.spread_second_at);
  }

  /* Against the scanner, for the expression goal where both speak of the same text. The
   * scanner takes every non-ASCII byte for part of a name, so Unicode whitespace (U+FEFF,
   * U+00A0, …) is where the two part on purpose (docs/fuzzing.md): ASCII input only. */
  int ascii = 1;
  for (size_t k = 0; k < len && ascii; k++) ascii = (unsigned char)p[k] < 0x80;
  if (goal == MDX_JS_GOAL_EXPRESSION && ascii) {
    size_t used;
    mdx_js_open open = scan_state(p, len, 1, &used);
    if (c.ok) FUZZ_CHECK(used == len && (open == MDX_JS_OPEN_NONE || open == MDX_JS_OPEN_OPERAND));
    if (used == len && open == MDX_JS_INVALID) FUZZ_CHECK(!c.ok);
  }
  mdx_arena_free(&arena);
  return 0;
}
