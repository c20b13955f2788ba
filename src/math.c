/* Math blocks and inline math, as micromark-extension-math reads them (default options,
 * so a single `$` opens inline math too).
 *
 * A math block is fenced code with `$` fences: the block phase (blocks.c) reuses its
 * fenced-code machinery (container continuation, indentation removal, closing fence of at
 * least the opening's length, value without the first and last line endings), and only
 * asks here whether a line opens one. Inline math is a code span with `$` runs: the
 * inline phase (inlines.c) runs its code-span scan with `$` as the marker. */
#include <string.h>

#include "math_md.h"

uint32_t mdx_math_fence_at(const char *s, uint32_t i, uint32_t le) {
  uint32_t j = i;
  while (j < le && s[j] == '$') j++; /* bounded: the line */
  if (j - i < 2) return 0;
  /* micromark's meta state refuses a `$` anywhere after the sequence. Called at most a
   * few times per line (start and interruption checks), so this stays linear. */
  if (j < le && memchr(s + j, '$', le - j)) return 0;
  return j - i;
}
