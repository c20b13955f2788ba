#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct mdx_arena_block {
  mdx_arena_block *next;
  size_t size; /* usable bytes after the header */
};

/* Small documents fit the first block; large ones grow geometrically. */
#define ARENA_FIRST_BLOCK 16384
#define ARENA_MAX_BLOCK (16u << 20)
#define ARENA_HEADER ((sizeof(mdx_arena_block) + 15) & ~(size_t)15)

void mdx_arena_init(mdx_arena *arena, jmp_buf *on_oom) {
  memset(arena, 0, sizeof *arena);
  arena->on_oom = on_oom;
}

void mdx_arena_free(mdx_arena *arena) {
  mdx_arena_block *block = arena->head;
  while (block) { /* bounded: one step per block */
    mdx_arena_block *next = block->next;
    free(block);
    block = next;
  }
  arena->head = NULL;
  arena->cursor = arena->limit = NULL;
  arena->total = 0;
}

void mdx_arena_fail(mdx_arena *arena) { longjmp(*arena->on_oom, 1); }

static void arena_new_block(mdx_arena *arena, size_t need) {
  size_t size = arena->head ? arena->head->size * 2 : ARENA_FIRST_BLOCK;
  if (size > ARENA_MAX_BLOCK) size = ARENA_MAX_BLOCK;
  if (size < need) size = need;
  if (size > SIZE_MAX - ARENA_HEADER) mdx_arena_fail(arena);
  mdx_arena_block *block = malloc(ARENA_HEADER + size);
  if (!block) mdx_arena_fail(arena);
  block->next = arena->head;
  block->size = size;
  arena->head = block;
  arena->cursor = (char *)block + ARENA_HEADER;
  arena->limit = arena->cursor + size;
  arena->total += ARENA_HEADER + size;
}

void *mdx_arena_alloc(mdx_arena *arena, size_t size) {
  if (size > SIZE_MAX - 8) mdx_arena_fail(arena);
  size = (size + 7) & ~(size_t)7;
  if ((size_t)(arena->limit - arena->cursor) < size || !arena->head) arena_new_block(arena, size);
  void *result = arena->cursor;
  arena->cursor += size;
  memset(result, 0, size);
  return result;
}

void *mdx_arena_grow(mdx_arena *arena, void *old, size_t old_size, size_t new_size) {
  void *result = mdx_arena_alloc(arena, new_size);
  if (old && old_size) memcpy(result, old, old_size < new_size ? old_size : new_size);
  return result;
}

char *mdx_arena_strdup(mdx_arena *arena, const char *s, size_t len) {
  char *result = mdx_arena_alloc(arena, len + 1);
  if (len) memcpy(result, s, len);
  return result;
}
