/* Frontmatter (micromark-extension-frontmatter with ['yaml', 'toml']): a `---` (YAML) or
 * `+++` (TOML) fence on the document's very first line, at column 1, followed only by
 * spaces or tabs and a line ending; then content lines up to a line that is the same
 * fence (column 1, trailing spaces or tabs allowed). Without a closing fence there is no
 * frontmatter at all (micromark's attempt fails and the lines are read again as
 * Markdown), so the block phase asks here once, before its first line. */
/* Not a state machine over the lines like micromark's: one forward search for the
 * closing fence, then the caller takes or ignores the lines. */
#include "frontmatter.h"

/* Whether s[i, len) starts with `fence` (three bytes) followed by spaces or tabs up to a
 * line ending or the end; sets *end to where the spaces stop. */
static int fence_line(const char *s, uint32_t len, uint32_t i, char fence, uint32_t *end) {
  if (len - i < 3 || s[i] != fence || s[i + 1] != fence || s[i + 2] != fence) return 0;
  i += 3;
  while (i < len && (s[i] == ' ' || s[i] == '\t')) i++; /* bounded: len */
  if (i < len && s[i] != '\n' && s[i] != '\r') return 0;
  *end = i;
  return 1;
}

/* Offset after the line ending at s[i] (i < len and s[i] is '\n' or '\r'). */
static uint32_t after_eol(const char *s, uint32_t len, uint32_t i) {
  if (s[i] == '\r' && i + 1 < len && s[i + 1] == '\n') return i + 2;
  return i + 1;
}

int mdx_frontmatter_scan(const char *s, uint32_t len, mdx_frontmatter *fm) {
  char fence;
  uint32_t open_end;
  if (len >= 3 && s[0] == '-') fence = '-';
  else if (len >= 3 && s[0] == '+') fence = '+';
  else return 0;
  if (!fence_line(s, len, 0, fence, &open_end) || open_end >= len) return 0; /* needs an eol */
  uint32_t first = after_eol(s, len, open_end);
  uint32_t line = first;
  /* One pass over the lines until the closing fence: linear, done once per document. */
  for (;;) { /* bounded: `line` grows every round until len */
    uint32_t close_end;
    if (fence_line(s, len, line, fence, &close_end)) {
      fm->type = fence == '-' ? MDX_NODE_YAML : MDX_NODE_TOML;
      fm->end = close_end;
      fm->value_start = first;
      /* The value stops before the line ending in front of the closing fence. */
      uint32_t v = line;
      if (v > first) v -= (s[v - 1] == '\n' && v - 2 >= first && s[v - 2] == '\r') ? 2 : 1;
      fm->value_end = v;
      return MDX_FRONTMATTER_FOUND;
    }
    uint32_t i = line;
    while (i < len && s[i] != '\n' && s[i] != '\r') i++; /* bounded: len */
    if (i >= len) return MDX_FRONTMATTER_UNCLOSED;
    line = after_eol(s, len, i);
  }
}
