/* The arena API of src/arena.h with one malloc per allocation, for the sanitizer builds
 * (the fuzz targets and the C tests' ASan run).
 *
 * src/arena.c carves allocations out of large blocks, so AddressSanitizer cannot see an
 * overflow from one allocation into the next (both lie in the same malloc'd block), nor
 * a read of the bytes past the normalised source. Here every allocation gets its own
 * malloc and therefore its own redzones, and ASan reports those overflows. The
 * behaviour the parser sees is the same: zeroed, 8-byte aligned memory, freed all at
 * once, and a longjmp to on_oom when malloc fails. fuzz/Makefile and src/Makefile's
 * asan targets link this file instead of src/arena.c.
 *
 * It mirrors the API of src/arena.h: when that header gains a function, add it here
 * (run.sh falls back to ARENA=real, with a warning, when this file no longer links). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sanitizer/asan_interface.h>

#include "../arena.h"

/* Memory the API does not zero is filled with this, so that a read of a byte nobody
 * wrote shows up (as invalid UTF-8, odd offsets...) instead of reading as 0. */
#define UNINIT_BYTE 0xBE

struct mdx_arena_block {
  mdx_arena_block *next;
  size_t size;
  /* 16 bytes of header: the allocation that follows stays 16-byte aligned. */
};

void mdx_arena_init(mdx_arena *arena, jmp_buf *on_oom) {
  memset(arena, 0, sizeof *arena);
  arena->on_oom = on_oom;
}

/* Every allocation is its own malloc: emptying is freeing them all. */
void mdx_arena_reset(mdx_arena *arena) {
  jmp_buf *on_oom = arena->on_oom;
  void **spare = arena->spare;
  mdx_arena_free(arena);
  arena->on_oom = on_oom;
  arena->spare = spare;
}

/* Never stores a spare block (one malloc per allocation), so there is none to free. */
void mdx_arena_spare_release(void **spare) { (void)spare; }

void mdx_arena_free(mdx_arena *arena) {
  mdx_arena_block *block = arena->head;
  while (block) {
    mdx_arena_block *next = block->next;
    free(block);
    block = next;
  }
  arena->head = NULL;
  arena->cursor = arena->limit = NULL;
  arena->total = 0;
}

void mdx_arena_fail(mdx_arena *arena) { longjmp(*arena->on_oom, 1); }

void *mdx_arena_alloc_uninit(mdx_arena *arena, size_t size) {
  if (size > SIZE_MAX - sizeof(mdx_arena_block)) mdx_arena_fail(arena);
  mdx_arena_block *block = malloc(sizeof(mdx_arena_block) + size);
  if (!block) mdx_arena_fail(arena);
  block->next = arena->head;
  block->size = size;
  arena->head = block;
  arena->total += sizeof(mdx_arena_block) + size;
  void *result = block + 1;
  memset(result, UNINIT_BYTE, size);
  return result;
}

void *mdx_arena_alloc(mdx_arena *arena, size_t size) {
  void *result = mdx_arena_alloc_uninit(arena, size);
  memset(result, 0, size);
  return result;
}

/* Always moves (src/arena.c may grow in place), so a pointer kept to the old copy is a
 * use of stale data that ASan cannot see, but the contents it reads are the old ones. */
void *mdx_arena_grow(mdx_arena *arena, void *old, size_t old_size, size_t new_size) {
  void *result = mdx_arena_alloc_uninit(arena, new_size);
  if (old && old_size) memcpy(result, old, old_size < new_size ? old_size : new_size);
  return result;
}

/* The latest allocation keeps `keep` bytes: the rest (from the next multiple of 8, the
 * granularity of ASan's shadow) is poisoned, so a later access to it is reported.
 * Returns 1 when trimmed, 0 (nothing done) when p is not the latest allocation. */
int mdx_arena_trim(mdx_arena *arena, void *p, size_t size, size_t keep) {
  mdx_arena_block *block = arena->head;
  if (!p || !block || p != (void *)(block + 1) || keep > size || size != block->size) return 0;
  size_t left = (keep + 7) & ~(size_t)7;
  if (left < size) ASAN_POISON_MEMORY_REGION((char *)p + left, size - left);
  return 1;
}

/* Exactly the size asked for (src/arena.c rounds up to at least 256 and doubles), so an
 * access past the size of the latest request is outside the allocation. */
void *mdx_scratch_get(mdx_arena *arena, mdx_scratch *s, size_t size) {
  if (size <= s->cap) return s->ptr;
  s->ptr = mdx_arena_grow(arena, s->ptr, s->cap, size);
  s->cap = size;
  return s->ptr;
}

char *mdx_arena_strdup(mdx_arena *arena, const char *s, size_t len) {
  char *result = mdx_arena_alloc_uninit(arena, len + 1);
  if (len) memcpy(result, s, len);
  result[len] = 0;
  return result;
}
