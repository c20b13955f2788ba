/* mdx-jscheck: runs the JavaScript syntax checker (jscheck.h) over stdin, for comparing
 * with acorn (test/tools/compare-jscheck.mjs). Prints one JSON line per input:
 *   {"ok":false,"pos":N,"atEnd":false,"message":"…"}      (pos in bytes)
 *   {"ok":true,"nonEsm":"ExpressionStatement","nonEsmAt":N,"imports":["a"]}   (module)
 *   {"ok":true,"count":N,"firstSpread":true,"first":N,"second":N}          (spread)
 * Usage: mdx-jscheck [--goal expression|spread|module] [--nul] [--pre-header]
 *                    [--repeat N] < input
 *   --nul         stdin holds several inputs separated by NUL bytes
 *   --pre-header  each input starts with a line of comma-separated predeclared names
 *                 (module goal: what earlier ESM blocks imported)
 *   --repeat N    check each input N times (for timing), print the last verdict */
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../arena.h"
#include "../jscheck.h"
#include "../mdx.h"

static void put_json_string(const char *s, size_t n) {
  putchar('"');
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == '"' || c == '\\') printf("\\%c", c);
    else if (c < 0x20) printf("\\u%04x", c);
    else putchar(c);
  }
  putchar('"');
}

/* One check of `text` with `pre` declared before it; prints the verdict if `print`. */
static void check_once(const char *text, size_t text_len, mdx_js_goal goal, const mdx_str *pre,
                       size_t n_pre, int print) {
  jmp_buf oom;
  mdx_arena arena;
  mdx_arena_init(&arena, &oom);
  if (setjmp(oom)) {
    mdx_arena_free(&arena);
    puts("{\"ok\":false,\"message\":\"out of memory\"}");
    return;
  }
  mdx_js_names names = {0};
  for (size_t k = 0; k < n_pre; k++) mdx_js_names_add(&arena, &names, pre[k].ptr, pre[k].len);
  mdx_js_check out;
  int rc = mdx_js_check_run(&arena, text, text_len, goal, &names, &out);
  if (!print) {
    mdx_arena_free(&arena);
    return;
  }
  if (rc != MDX_OK) {
    puts("{\"ok\":false,\"message\":\"out of memory\"}");
  } else if (!out.ok) {
    printf("{\"ok\":false,\"pos\":%u,\"atEnd\":%s,\"message\":", out.error_at,
           out.at_end ? "true" : "false");
    put_json_string(out.message, strlen(out.message));
    puts("}");
  } else if (goal == MDX_JS_GOAL_MODULE) {
    printf("{\"ok\":true,\"nonEsm\":");
    if (out.non_esm_type) put_json_string(out.non_esm_type, strlen(out.non_esm_type));
    else printf("null");
    printf(",\"nonEsmAt\":%u,\"imports\":[", out.non_esm_at);
    for (size_t i = 0; i < out.n_imports; i++) {
      if (i) putchar(',');
      put_json_string(out.imports[i].ptr, out.imports[i].len);
    }
    puts("]}");
  } else if (goal == MDX_JS_GOAL_SPREAD) {
    printf("{\"ok\":true,\"count\":%u,\"firstSpread\":%s,\"first\":%u,\"second\":%u}\n",
           out.spread_count, out.spread_first_is_spread ? "true" : "false",
           out.spread_first_at, out.spread_second_at);
  } else {
    puts("{\"ok\":true}");
  }
  mdx_arena_free(&arena);
}

static void check_one(const char *p, size_t len, mdx_js_goal goal, int pre_header, long repeat) {
  mdx_str pre[256];
  size_t n_pre = 0;
  if (pre_header) {
    const char *nl = memchr(p, '\n', len);
    size_t hl = nl ? (size_t)(nl - p) : len;
    size_t i = 0;
    while (i < hl && n_pre < 256) {
      size_t j = i;
      while (j < hl && p[j] != ',') j++;
      if (j > i) pre[n_pre++] = (mdx_str){p + i, (uint32_t)(j - i)};
      i = j + 1;
    }
    p += nl ? hl + 1 : hl;
    len -= nl ? hl + 1 : hl;
  }
  for (long r = 0; r < repeat; r++) check_once(p, len, goal, pre, n_pre, r + 1 == repeat);
}

int main(int argc, char **argv) {
  int nul = 0, pre_header = 0;
  long repeat = 1;
  mdx_js_goal goal = MDX_JS_GOAL_EXPRESSION;
  for (int a = 1; a < argc; a++) {
    if (!strcmp(argv[a], "--nul")) nul = 1;
    else if (!strcmp(argv[a], "--pre-header")) pre_header = 1;
    else if (!strcmp(argv[a], "--repeat") && a + 1 < argc) repeat = atol(argv[++a]);
    else if (!strcmp(argv[a], "--goal") && a + 1 < argc) {
      const char *g = argv[++a];
      goal = !strcmp(g, "module") ? MDX_JS_GOAL_MODULE
             : !strcmp(g, "spread") ? MDX_JS_GOAL_SPREAD
                                    : MDX_JS_GOAL_EXPRESSION;
    } else {
      fprintf(stderr, "usage: mdx-jscheck [--goal expression|spread|module] [--nul] [--pre-header] [--repeat N]\n");
      return 2;
    }
  }
  if (repeat < 1) repeat = 1;
  size_t cap = 1 << 16, len = 0;
  char *buf = malloc(cap);
  if (!buf) return 1;
  size_t got;
  while ((got = fread(buf + len, 1, cap - len, stdin)) > 0) {
    len += got;
    if (len == cap) {
      char *nb = realloc(buf, cap * 2);
      if (!nb) { free(buf); return 1; }
      buf = nb;
      cap *= 2;
    }
  }
  if (!nul) {
    check_one(buf, len, goal, pre_header, repeat);
  } else {
    size_t i = 0;
    for (;;) {
      size_t j = i;
      while (j < len && buf[j] != '\0') j++;
      check_one(buf + i, j - i, goal, pre_header, repeat);
      if (j >= len) break;
      i = j + 1;
    }
  }
  free(buf);
  return 0;
}
