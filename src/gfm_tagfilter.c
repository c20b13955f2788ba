/* GFM tag filter: one pass over the HTML, a constant amount of work per `<`. */
#include <string.h>

#include "gfm_tagfilter.h"

static const char *const names[] = {"iframe",    "noembed", "noframes", "plaintext", "script",
                                    "style",     "title",   "textarea", "xmp"};

/* Whether s[i] == '<' starts a filtered tag. */
static int filtered(const char *s, size_t len, size_t i) {
  size_t j = i + 1;
  if (j < len && s[j] == '/') j++;
  for (size_t k = 0; k < sizeof names / sizeof *names; k++) { /* bounded: nine names */
    size_t n = strlen(names[k]);
    if (len - j <= n) continue; /* the name and one character after it */
    size_t m = 0;
    while (m < n && (s[j + m] | 0x20) == names[k][m]) m++; /* bounded: the name */
    if (m < n) continue;
    char c = s[j + n];
    if (c == '\t' || c == '\f' || c == ' ' || c == '/' || c == '>') return 1;
  }
  return 0;
}

void mdx_tagfilter_put(mdx_buf *out, const char *s, size_t len, int text) {
  size_t from = 0;
  for (size_t i = 0; i < len; i++) { /* bounded: one pass */
    if (s[i] != '<') continue;
    if (text && i && s[i - 1] != '\n' && s[i - 1] != '\r') continue;
    if (!filtered(s, len, i)) continue;
    mdx_buf_put(out, s + from, i - from);
    mdx_buf_puts(out, "&lt;");
    from = i + 1;
  }
  mdx_buf_put(out, s + from, len - from);
}
