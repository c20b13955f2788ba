/* ASCII character classes shared by the scanners (bytes past ASCII are in none). */
#ifndef MDX_CHARS_H
#define MDX_CHARS_H

static inline int mdx_ascii_alpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
static inline int mdx_ascii_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static inline int mdx_ascii_alnum(unsigned char c) { return mdx_ascii_alpha(c) || mdx_ascii_digit(c); }

#endif
