/* Source normalisation: what every later phase may assume about its bytes. */
#ifndef MDX_INPUT_H
#define MDX_INPUT_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"

/* Copies `input` into the arena as valid UTF-8: a leading BOM is dropped, NUL and each
 * maximal invalid subsequence (as WHATWG's TextDecoder counts them) become U+FFFD.
 * *ascii is set when the result is pure ASCII. */
const char *mdx_input_normalize(mdx_arena *arena, const char *input, size_t len,
                                uint32_t *out_len, int *ascii);


#endif
