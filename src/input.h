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


/* Reads the UTF-8 sequence at s (len >= 1 bytes; RFC 3629: the second byte's range
 * depends on the first, which excludes overlongs, surrogates and code points past
 * U+10FFFF). Returns 1 when it is valid, with *used its length; else 0, with *used the
 * length of its maximal subpart (at least 1), which WHATWG's TextDecoder replaces by one
 * U+FFFD. */
int mdx_utf8_sequence(const unsigned char *s, size_t len, size_t *used);

#endif
