/* Math (micromark-extension-math): the parts the block and inline phases share (math.c).
 * Named math_md.h so that it never shadows the C library's <math.h>. */
#ifndef MDX_MATH_MD_H
#define MDX_MATH_MD_H

#include <stdint.h>

/* A math block's opening fence at s[i] (indentation already skipped), on a line whose
 * content ends at `le`: two or more `$`, then anything without `$` (the meta). Returns
 * the number of `$`, or 0. */
uint32_t mdx_math_fence_at(const char *s, uint32_t i, uint32_t le);

#endif
