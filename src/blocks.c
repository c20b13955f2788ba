/* STUB until the block parser lands: each run of non-blank lines is a paragraph
 * (leading spaces stripped), so inline work can be tested on simple examples. */
#include "doc.h"

void mdx_blocks_parse(mdx_doc *doc) {
  const char *s = doc->src;
  uint32_t i = 0, n = doc->len;
  mdx_node *para = NULL;
  while (i < n) {
    uint32_t start = i;
    while (start < n && (s[start] == ' ' || s[start] == '\t')) start++;
    uint32_t end = start;
    while (end < n && s[end] != '\n' && s[end] != '\r') end++;
    uint32_t eol = end;
    if (eol < n && s[eol] == '\r') eol++;
    if (eol < n && s[eol] == '\n' && (eol == end || s[end] == '\r')) eol++;
    if (end == start) {
      para = NULL;
    } else {
      if (!para) {
        para = mdx_node_new(&doc->arena, MDX_NODE_PARAGRAPH, start, end);
        mdx_node_append(doc->root, para);
      }
      mdx_line line = {start, end, eol, 0};
      mdx_node_add_line(&doc->arena, para, line);
      para->end = end;
    }
    i = eol > i ? eol : i + 1;
  }
  for (mdx_node *p = doc->root->first_child; p; p = p->next)
    p->lines[p->line_count - 1].eol = p->lines[p->line_count - 1].end;
}
