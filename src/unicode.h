/* Unicode facts the CommonMark rules need, generated from Node's own tables
 * (tools/gen-unicode.mjs) so that the core agrees with micromark character by character. */
#ifndef MDX_UNICODE_H
#define MDX_UNICODE_H

#include <stdint.h>

/* Whether cp lies in one of the `n` sorted, disjoint [first, last] ranges `r` (the
 * generated tables here and in mdx_ident.c). */
int mdx_in_ranges(const uint32_t (*r)[2], uint32_t n, uint32_t cp);

/* Longest UTF-8 output of mdx_unicode_fold. */
#define MDX_FOLD_MAX 12

/* /\p{P}|\p{S}/u for a BMP code point; 0 for astral ones (micromark sees surrogates). */
int mdx_unicode_is_punct(uint32_t cp);

/* Writes the UTF-8 of code point `cp` (at most 4 bytes); returns its length. */
uint32_t mdx_utf8_put(uint32_t cp, char *out);

/* Writes the UTF-8 of String.fromCodePoint(cp).toLowerCase().toUpperCase(); returns its
 * length. */
uint32_t mdx_unicode_fold(uint32_t cp, char out[MDX_FOLD_MAX]);

/* Writes the UTF-8 of the character at s[i] (of s[0..n)) as String#toLowerCase writes it
 * there (a capital sigma is final or not by its neighbours); sets *len to the bytes read;
 * returns the bytes written. */
uint32_t mdx_unicode_lower(const char *s, uint32_t n, uint32_t i, uint32_t *len,
                           char out[MDX_FOLD_MAX]);

#endif
