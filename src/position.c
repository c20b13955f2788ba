#include "position.h"

/* Checkpoint spacing: converting an offset scans at most this many bytes. */
#define MDX_POSMAP_STEP 64

uint32_t mdx_utf16_length(const char *s, uint32_t len) {
  uint32_t units = 0;
  for (uint32_t i = 0; i < len; i++) { /* bounded by len */
    unsigned char c = (unsigned char)s[i];
    if ((c & 0xC0) != 0x80) units += c >= 0xF0 ? 2 : 1;
  }
  return units;
}

void mdx_posmap_build(mdx_posmap *map, mdx_arena *arena, const char *src, uint32_t len,
                      int ascii) {
  map->src = src;
  map->len = len;
  map->ascii = ascii;
  uint32_t lines = 1;
  for (uint32_t i = 0; i < len; i++) { /* bounded by len */
    if (src[i] == '\n' || (src[i] == '\r' && (i + 1 == len || src[i + 1] != '\n'))) lines++;
  }
  map->line_starts = mdx_arena_alloc(arena, (size_t)lines * sizeof(uint32_t));
  map->line_count = lines;
  uint32_t line = 1;
  map->line_starts[0] = 0;
  for (uint32_t i = 0; i < len; i++) { /* bounded by len */
    if (src[i] == '\n' || (src[i] == '\r' && (i + 1 == len || src[i + 1] != '\n')))
      map->line_starts[line++] = i + 1;
  }
  map->checkpoints = NULL;
  if (!ascii) {
    uint32_t count = len / MDX_POSMAP_STEP + 1;
    map->checkpoints = mdx_arena_alloc(arena, (size_t)count * sizeof(uint32_t));
    uint32_t units = 0;
    for (uint32_t k = 0; k < count; k++) { /* bounded by count */
      map->checkpoints[k] = units;
      uint32_t from = k * MDX_POSMAP_STEP;
      uint32_t to = from + MDX_POSMAP_STEP < len ? from + MDX_POSMAP_STEP : len;
      units += mdx_utf16_length(src + from, to - from);
    }
  }
}

uint32_t mdx_posmap_utf16(const mdx_posmap *map, uint32_t byte) {
  if (byte > map->len) byte = map->len;
  if (map->ascii) return byte;
  uint32_t k = byte / MDX_POSMAP_STEP;
  uint32_t from = k * MDX_POSMAP_STEP;
  return map->checkpoints[k] + mdx_utf16_length(map->src + from, byte - from);
}

mdx_point mdx_posmap_point(const mdx_posmap *map, uint32_t byte) {
  if (byte > map->len) byte = map->len;
  uint32_t lo = 0, hi = map->line_count; /* find the last line start <= byte */
  while (hi - lo > 1) {                   /* bounded: halves each step */
    uint32_t mid = lo + (hi - lo) / 2;
    if (map->line_starts[mid] <= byte)
      lo = mid;
    else
      hi = mid;
  }
  mdx_point point;
  point.line = lo + 1;
  point.offset = mdx_posmap_utf16(map, byte);
  point.column = point.offset - mdx_posmap_utf16(map, map->line_starts[lo]) + 1;
  return point;
}
