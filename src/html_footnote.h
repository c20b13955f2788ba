/* The HTML of GFM footnotes (html_footnote.c), as micromark-extension-gfm-footnote's
 * gfmFootnoteHtml() prints it with its defaults: each reference a numbered <sup> link,
 * each definition's content kept aside, and at the end a section listing the referenced
 * definitions in order of first reference, with one back reference per reference. */
#ifndef MDX_HTML_FOOTNOTE_H
#define MDX_HTML_FOOTNOTE_H

#include "buf.h"
#include "node.h"

typedef struct mdx_fn_html mdx_fn_html;

/* NULL when out of memory. */
mdx_fn_html *mdx_fn_html_new(void);
void mdx_fn_html_free(mdx_fn_html *f);

/* A footnoteReference: writes its <sup> to `out`. */
void mdx_fn_html_call(mdx_fn_html *f, const mdx_node *ref, mdx_buf *out);

/* A footnoteDefinition starts: returns the buffer its content is to be written to (in
 * place of `out`, restored by mdx_fn_html_def_exit). NULL when out of memory. */
mdx_buf *mdx_fn_html_def_enter(mdx_fn_html *f, mdx_buf *out);
/* It ends: keeps its content if it is the first of its label (def NULL: drops it);
 * returns the buffer to write to again. */
mdx_buf *mdx_fn_html_def_exit(mdx_fn_html *f, const mdx_node *def);

/* The section, appended to `out` (whose own output starts at `base`); `eol` is the line
 * ending micromark adds. Returns 0 when out of memory. */
int mdx_fn_html_section(mdx_fn_html *f, mdx_buf *out, size_t base, const char *eol,
                        size_t eol_len);

#endif
