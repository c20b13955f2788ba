#include "position.h"

#include <stdlib.h>
#include <string.h>

/* Checkpoint spacing: converting an offset scans at most this many bytes. */
#define MDX_POSMAP_STEP 64

static uint32_t count_bits(uint64_t x) {
#if defined(__GNUC__) || defined(__clang__)
  return (uint32_t)__builtin_popcountll(x);
#else
  x = x - ((x >> 1) & 0x5555555555555555ull);
  x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
  x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0full;
  return (uint32_t)((x * 0x0101010101010101ull) >> 56);
#endif
}

uint32_t mdx_utf16_length(const char *s, uint32_t len) {
  /* Every byte that is not a continuation byte (10xxxxxx) starts a character: 1 unit;
   * 4-byte leaders (11110xxx) add the second surrogate. Eight bytes at a time. */
  const uint64_t high = 0x8080808080808080ull;
  uint32_t units = 0, i = 0;
  for (; i + 8 <= len; i += 8) { /* bounded by len */
    uint64_t w;
    memcpy(&w, s + i, 8);
    if (!(w & high)) {
      units += 8;
      continue;
    }
    uint64_t continuation = w & ~(w << 1) & high;
    uint64_t four_byte = w & (w << 1) & (w << 2) & (w << 3) & high;
    units += 8 - count_bits(continuation) + count_bits(four_byte);
  }
  for (; i < len; i++) { /* bounded by len: the last 0-7 bytes */
    unsigned char c = (unsigned char)s[i];
    units += ((c & 0xC0) != 0x80) + (c >= 0xF0);
  }
  return units;
}

static uint32_t checkpoint_count(uint32_t len) { return len / MDX_POSMAP_STEP + 1; }

/* Each checkpoint holds the UTF-16 offset at the start of its block; its top bit says
 * the block is pure ASCII, so a lookup inside it needs no scan (most blocks, usually). */
#define ASCII_BLOCK 0x80000000u

static int block_is_ascii(const char *s, uint32_t len) {
  uint64_t any = 0;
  for (uint32_t i = 0; i + 8 <= len; i += 8) { /* bounded by len */
    uint64_t w;
    memcpy(&w, s + i, 8);
    any |= w;
  }
  for (uint32_t i = len & ~7u; i < len; i++) any |= (unsigned char)s[i]; /* last 0-7 */
  return !(any & 0x8080808080808080ull);
}

static void fill_checkpoints(const char *src, uint32_t len, uint32_t *checkpoints) {
  uint32_t units = 0, count = checkpoint_count(len);
  for (uint32_t k = 0; k < count; k++) { /* bounded by count */
    uint32_t from = k * MDX_POSMAP_STEP;
    uint32_t to = len - from > MDX_POSMAP_STEP ? from + MDX_POSMAP_STEP : len;
    if (block_is_ascii(src + from, to - from)) {
      checkpoints[k] = units | ASCII_BLOCK;
      units += to - from;
    } else {
      checkpoints[k] = units;
      units += mdx_utf16_length(src + from, to - from);
    }
  }
}

int mdx_u16index_init(mdx_u16index *index, const char *src, uint32_t len, int ascii) {
  index->src = src;
  index->len = len;
  index->ascii = ascii;
  index->checkpoints = NULL;
  if (ascii) return 1;
  index->checkpoints = malloc((size_t)checkpoint_count(len) * sizeof(uint32_t));
  if (!index->checkpoints) return 0;
  fill_checkpoints(src, len, index->checkpoints);
  return 1;
}

void mdx_u16index_free(mdx_u16index *index) {
  free(index->checkpoints);
  index->checkpoints = NULL;
}

uint32_t mdx_u16index_at(const mdx_u16index *index, uint32_t byte) {
  if (byte > index->len) byte = index->len;
  if (index->ascii) return byte;
  uint32_t k = byte / MDX_POSMAP_STEP;
  uint32_t from = k * MDX_POSMAP_STEP, checkpoint = index->checkpoints[k];
  if (checkpoint & ASCII_BLOCK) return (checkpoint & ~ASCII_BLOCK) + (byte - from);
  return checkpoint + mdx_utf16_length(index->src + from, byte - from);
}

static int is_line_end(const char *src, uint32_t len, uint32_t i) {
  return src[i] == '\n' || (src[i] == '\r' && (i + 1 == len || src[i + 1] != '\n'));
}

void mdx_posmap_build(mdx_posmap *map, mdx_arena *arena, const char *src, uint32_t len,
                      int ascii) {
  map->u16.src = src;
  map->u16.len = len;
  map->u16.ascii = ascii;
  map->u16.checkpoints = NULL;
  if (!ascii) {
    map->u16.checkpoints = mdx_arena_alloc(arena, checkpoint_count(len) * sizeof(uint32_t));
    fill_checkpoints(src, len, map->u16.checkpoints);
  }
  uint32_t lines = 1;
  for (uint32_t i = 0; i < len; i++) lines += is_line_end(src, len, i); /* bounded by len */
  map->line_starts = mdx_arena_alloc(arena, (size_t)lines * sizeof(uint32_t));
  map->line_count = lines;
  uint32_t line = 1;
  for (uint32_t i = 0; i < len; i++) /* bounded by len */
    if (is_line_end(src, len, i)) map->line_starts[line++] = i + 1;
}

mdx_point mdx_posmap_point(const mdx_posmap *map, uint32_t byte) {
  if (byte > map->u16.len) byte = map->u16.len;
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
  point.offset = mdx_u16index_at(&map->u16, byte);
  point.column = point.offset - mdx_u16index_at(&map->u16, map->line_starts[lo]) + 1;
  return point;
}
