/* Growable byte buffer on malloc, for output that outlives a parse (HTML, OCP).
 * A failed allocation sets `failed`; later writes are ignored, so callers check once. */
#ifndef MDX_BUF_H
#define MDX_BUF_H

#include <stddef.h>
#include <stdint.h>

typedef struct mdx_buf {
  char *data;
  size_t len;
  size_t cap;
  int failed;
} mdx_buf;

void mdx_buf_init(mdx_buf *buf);
void mdx_buf_free(mdx_buf *buf);
/* Makes room for `extra` more bytes; returns 0 on failure. */
int mdx_buf_reserve(mdx_buf *buf, size_t extra);
void mdx_buf_put(mdx_buf *buf, const void *data, size_t len);
void mdx_buf_puts(mdx_buf *buf, const char *s);
void mdx_buf_putc(mdx_buf *buf, char c);
/* Hands the bytes to the caller (who frees them) and resets the buffer. */
char *mdx_buf_detach(mdx_buf *buf, size_t *len);

#endif
