/* STUB: replaced by the HTML renderer. */
#include "doc.h"

int mdx_html_render(const mdx_doc *doc, unsigned options, mdx_buf *out) {
  (void)doc;
  (void)options;
  mdx_buf_puts(out, "");
  return out->failed ? MDX_ENOMEM : MDX_OK;
}
