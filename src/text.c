/* STUB: replaced by the inline-phase work. */
#include "text.h"

mdx_str mdx_decode_string(mdx_doc *doc, const char *s, uint32_t len) {
  (void)doc;
  mdx_str out = {s, len};
  return out;
}
