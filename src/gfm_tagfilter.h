/* GFM's tag filter (gfm_tagfilter.c), as micromark-extension-gfm-tagfilter applies it
 * when raw HTML is allowed: `<` becomes `&lt;` before the names title, textarea, style,
 * xmp, iframe, noembed, noframes, script and plaintext (optionally closing, any case). */
#ifndef MDX_GFM_TAGFILTER_H
#define MDX_GFM_TAGFILTER_H

#include <stddef.h>

#include "buf.h"

/* Writes raw HTML s[0, len) to `out`, filtered. micromark filters each line of an HTML
 * block everywhere (`text` 0), but inline HTML only where a line of it starts (`text`
 * 1: its start, and after each line ending). A name must be followed, on its line, by a
 * tab, form feed, space, `/` or `>`. */
void mdx_tagfilter_put(mdx_buf *out, const char *s, size_t len, int text);

#endif
