/* Small text helpers shared by the block and inline phases. */
#ifndef MDX_TEXT_H
#define MDX_TEXT_H

#include "doc.h"

/* Decodes backslash escapes and character references (CommonMark's rules for link
 * destinations, titles, labels and code info strings). Returns `s` itself when nothing
 * needs decoding, else a copy in the arena. */
mdx_str mdx_decode_string(mdx_doc *doc, const char *s, uint32_t len);

#endif
