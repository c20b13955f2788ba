/* Frontmatter detection (frontmatter.c). */
#ifndef MDX_FRONTMATTER_H
#define MDX_FRONTMATTER_H

#include <stdint.h>

#include "node.h"

typedef struct mdx_frontmatter {
  int type;                      /* MDX_NODE_YAML or MDX_NODE_TOML */
  uint32_t end;                  /* end of the closing fence's line content */
  uint32_t value_start, value_end; /* the value: a slice of the source */
} mdx_frontmatter;

enum {
  MDX_FRONTMATTER_NONE = 0,
  MDX_FRONTMATTER_FOUND = 1, /* *fm is filled */
  /* An opening fence line without a closing fence: no frontmatter, but micromark has fed
   * every line to its (concrete) frontmatter attempt before it failed at the end, so its
   * document level never looked for block quotes or list items: the whole document is
   * read again as flow without containers. */
  MDX_FRONTMATTER_UNCLOSED = 2
};

/* Whether the document (normalised source s[0, len)) starts with frontmatter (see the
 * enum); fills *fm when found. */
int mdx_frontmatter_scan(const char *s, uint32_t len, mdx_frontmatter *fm);

#endif
