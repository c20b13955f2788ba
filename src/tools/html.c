/* mdx-html: renders stdin to HTML with the core. Usage: mdx-html [--options N] < in.md */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../mdx.h"

int main(int argc, char **argv) {
  unsigned options = 0;
  if (argc == 3 && strcmp(argv[1], "--options") == 0) options = (unsigned)atoi(argv[2]);
  size_t cap = 1 << 16, len = 0, got;
  char *input = malloc(cap);
  while (input && (got = fread(input + len, 1, cap - len, stdin)) > 0) {
    len += got;
    if (len == cap) input = realloc(input, cap *= 2);
  }
  if (!input) return 2;
  mdx_doc *doc;
  mdx_error err;
  int rc = mdx_parse(input, len, options, &doc, &err);
  free(input);
  if (rc != MDX_OK) {
    fprintf(stderr, "mdx-html: %s\n", mdx_strerror(rc));
    return 1;
  }
  mdx_buf out;
  mdx_buf_init(&out);
  rc = mdx_html_render(doc, options, &out);
  mdx_doc_free(doc);
  if (rc != MDX_OK) {
    fprintf(stderr, "mdx-html: %s\n", mdx_strerror(rc));
    mdx_buf_free(&out);
    return 1;
  }
  fwrite(out.data, 1, out.len, stdout);
  mdx_buf_free(&out);
  return 0;
}
