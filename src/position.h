/* Byte offsets → unist points (1-based line and column, 0-based offset), all counted in
 * UTF-16 code units as JavaScript strings count them. */
#ifndef MDX_POSITION_H
#define MDX_POSITION_H

#include <stdint.h>

#include "arena.h"

typedef struct mdx_point {
  uint32_t line, column, offset;
} mdx_point;

/* Byte offset → UTF-16 offset in O(MDX_POSMAP_STEP) with one checkpoint per step. */
typedef struct mdx_u16index {
  const char *src;
  uint32_t len;
  int ascii;
  uint32_t *checkpoints; /* UTF-16 offset at every MDX_POSMAP_STEP bytes (non-ASCII only) */
} mdx_u16index;

/* malloc-based, for use outside a parse; returns 0 when out of memory. */
int mdx_u16index_init(mdx_u16index *index, const char *src, uint32_t len, int ascii);
void mdx_u16index_free(mdx_u16index *index);
uint32_t mdx_u16index_at(const mdx_u16index *index, uint32_t byte);

typedef struct mdx_posmap {
  mdx_u16index u16;
  uint32_t *line_starts; /* byte offset where each line begins */
  uint32_t line_count;
} mdx_posmap;

/* Arena-based (the arena jumps on out-of-memory). */
void mdx_posmap_build(mdx_posmap *map, mdx_arena *arena, const char *src, uint32_t len,
                      int ascii);
mdx_point mdx_posmap_point(const mdx_posmap *map, uint32_t byte);
/* UTF-16 length of a UTF-8 string. */
uint32_t mdx_utf16_length(const char *s, uint32_t len);

#endif
