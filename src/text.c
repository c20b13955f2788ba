/* Backslash escapes and character references in strings (destinations, titles, labels,
 * code info strings): micromark's string content type. One pass to measure, one to
 * write; both linear. */
#include <string.h>

#include "scan.h"
#include "text.h"

/* Writes the decoded string to `out` when given; returns its length either way. */
static uint32_t decode(const char *s, uint32_t len, char *out) {
  uint32_t n = 0;
  for (uint32_t i = 0; i < len;) { /* bounded: i grows each turn */
    char c = s[i];
    if (c == '\\' && i + 1 < len && mdx_is_ascii_punct((unsigned char)s[i + 1])) {
      if (out) out[n] = s[i + 1];
      n++;
      i += 2;
      continue;
    }
    if (c == '&') {
      char buf[8];
      mdx_str value;
      uint32_t used = mdx_char_ref(s, len, i, buf, &value);
      if (used) {
        if (out) memcpy(out + n, value.ptr, value.len);
        n += value.len;
        i += used;
        continue;
      }
    }
    if (out) out[n] = c;
    n++;
    i++;
  }
  return n;
}

mdx_str mdx_decode_string(mdx_doc *doc, const char *s, uint32_t len) {
  mdx_str out = {s, len};
  if (!s || (!memchr(s, '\\', len) && !memchr(s, '&', len))) return out;
  uint32_t n = decode(s, len, NULL);
  char *buf = mdx_arena_alloc(&doc->arena, (size_t)n + 1);
  decode(s, len, buf);
  out.ptr = buf;
  out.len = n;
  return out;
}
