#include "buf.h"

#include <stdlib.h>
#include <string.h>

void mdx_buf_init(mdx_buf *buf) { memset(buf, 0, sizeof *buf); }

void mdx_buf_free(mdx_buf *buf) {
  free(buf->data);
  mdx_buf_init(buf);
}

int mdx_buf_reserve(mdx_buf *buf, size_t extra) {
  if (buf->failed) return 0;
  if (extra <= buf->cap - buf->len) return 1;
  if (extra > SIZE_MAX / 2 - buf->len) {
    buf->failed = 1;
    return 0;
  }
  size_t cap = buf->cap ? buf->cap : 256;
  while (cap < buf->len + extra) cap *= 2; /* bounded: doubles toward a size_t value */
  char *data = realloc(buf->data, cap);
  if (!data) {
    buf->failed = 1;
    return 0;
  }
  buf->data = data;
  buf->cap = cap;
  return 1;
}

void mdx_buf_put(mdx_buf *buf, const void *data, size_t len) {
  if (!len || !mdx_buf_reserve(buf, len)) return;
  memcpy(buf->data + buf->len, data, len);
  buf->len += len;
}

void mdx_buf_puts(mdx_buf *buf, const char *s) { mdx_buf_put(buf, s, strlen(s)); }

void mdx_buf_putc(mdx_buf *buf, char c) {
  if (buf->len < buf->cap) {
    buf->data[buf->len++] = c;
    return;
  }
  mdx_buf_put(buf, &c, 1);
}

char *mdx_buf_detach(mdx_buf *buf, size_t *len) {
  char *data = buf->data;
  if (len) *len = buf->len;
  mdx_buf_init(buf);
  return data;
}
