/* Self-test of the HTML safety check in fuzz_html.c: crafted outputs it must reject and
 * renderer-shaped outputs it must accept. `make -C fuzz check` (no libFuzzer needed). */
#include <signal.h>
#include <setjmp.h>
static jmp_buf jb;
static void on_trap(int s) { (void)s; longjmp(jb, 1); }
#define LLVMFuzzerTestOneInput fuzz_one
#include "fuzz_html.c"
static int fails(const char *s) {
  signal(SIGILL, on_trap);
  if (setjmp(jb)) return 1;
  check_safe(s, strlen(s), 1);
  return 0;
}
int main(void) {
  const char *bad[] = {"<script>", "<p>a<b</p>", "<a href=\"javascript:x\">", "<img src=\"data:x\" alt=\"\" />",
                       "&#x6A;", "a > b", "<a onclick=\"x\">", "<p class=\"a\"b\">", "<div>", "<a href=\"JaVaScRiPt:1\">", NULL};
  const char *good[] = {"<p>a &lt; b &amp; c</p>\n", "<a href=\"http:JAVASCRIPT:\">x</a>", "<img src=\"/a.png\" alt=\"&quot;\" />",
                        "<ol start=\"3\">\n<li><input type=\"checkbox\" disabled=\"\" checked=\"\" /> x</li>\n</ol>\n", "<a href=\"mailto:a@b\">", "<hr />", NULL};
  int ok = 1;
  for (int i = 0; bad[i]; i++) if (!fails(bad[i])) { printf("not caught: %s\n", bad[i]); ok = 0; }
  for (int i = 0; good[i]; i++) if (fails(good[i])) { printf("false positive: %s\n", good[i]); ok = 0; }
  printf(ok ? "selftest ok\n" : "selftest FAILED\n");
  return !ok;
}
