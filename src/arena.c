#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Reused blocks are marked uninitialised for valgrind, as malloc'd memory would be. */
#if defined(__has_include)
#if __has_include(<valgrind/memcheck.h>)
#include <valgrind/memcheck.h>
#define MDX_ARENA_VALGRIND 1
#endif
#endif

struct mdx_arena_block {
  mdx_arena_block *next;
  size_t size; /* usable bytes after the header */
};

/* Small documents fit the first block; large ones grow geometrically, by 4: then the
 * blocks before the largest add up to a third of it. That matters for malloc's reuse of
 * freed memory: glibc keeps freed heap memory up to twice the largest mmap'd block it
 * has seen freed, so an arena under that is taken again, already paged in, by the next
 * parse (with doubling it sits right at the limit and every parse faulted its pages in
 * again). Inside Node that did not hold for large documents, hence the spare block
 * below. Untouched room at the end of a block costs nothing. */
#define ARENA_FIRST_BLOCK 16384
#define ARENA_MAX_BLOCK (16u << 20)
#define ARENA_HEADER ((sizeof(mdx_arena_block) + 15) & ~(size_t)15)

void mdx_arena_init(mdx_arena *arena, jmp_buf *on_oom) {
  memset(arena, 0, sizeof *arena);
  arena->on_oom = on_oom;
}

/* The largest block of an arena freed, if large (ARENA_KEEP_MIN and up), can be kept for
 * the next arena in a slot its caller owns (the addon keeps one per Node environment:
 * mdx_reuse in mdx.h). Without that every parse of a large document had its
 * multi-megabyte blocks paged in afresh: glibc hands them back to the kernel (munmap,
 * or trimming the heap top) and the next parse page-faults on every 4 KB of them; in
 * the benchmark VM that was three quarters of parseToBuffer() on big.mdx (1,600 page
 * faults a call). The slot is the caller's, not a global: parses on other threads, with
 * slots of their own, never meet. Blocks come from malloc like the others, so a process
 * that tunes malloc (as the timing tests do) keeps its say over all of them. */
#define ARENA_KEEP_MIN ((size_t)4 << 20)

static mdx_arena_block *block_alloc(size_t bytes) { return malloc(bytes); }

static void block_free(mdx_arena_block *block) { free(block); }

/* Keeps a large `block` in the arena's spare slot (freeing the one it replaces), or
 * frees it. */
static void arena_keep(mdx_arena *arena, mdx_arena_block *block) {
  if (arena->spare && ARENA_HEADER + block->size >= ARENA_KEEP_MIN &&
      block->size <= ARENA_MAX_BLOCK) {
    block_free(*arena->spare);
    *arena->spare = block;
    return;
  }
  block_free(block);
}

void mdx_arena_spare_release(void **spare) {
  if (!spare) return;
  block_free(*spare);
  *spare = NULL;
}

void mdx_arena_free(mdx_arena *arena) {
  mdx_arena_block *block = arena->head, *largest = NULL;
  while (block) { /* bounded: one step per block */
    mdx_arena_block *next = block->next;
    if (!largest || block->size > largest->size) {
      block_free(largest);
      largest = block;
    } else {
      block_free(block);
    }
    block = next;
  }
  if (largest) arena_keep(arena, largest);
  arena->head = NULL;
  arena->cursor = arena->limit = NULL;
  arena->total = 0;
}

void mdx_arena_reset(mdx_arena *arena) {
  mdx_arena_block *head = arena->head;
  if (!head) return;
  mdx_arena_block *block = head->next;
  while (block) { /* bounded: one step per block */
    mdx_arena_block *next = block->next;
    block_free(block);
    block = next;
  }
  head->next = NULL;
  arena->cursor = (char *)head + ARENA_HEADER;
  arena->limit = arena->cursor + head->size;
  arena->total = ARENA_HEADER + head->size;
}

void mdx_arena_fail(mdx_arena *arena) { longjmp(*arena->on_oom, 1); }

static void arena_new_block(mdx_arena *arena, size_t need) {
  size_t size = arena->head ? arena->head->size * 4 : ARENA_FIRST_BLOCK;
  if (size > ARENA_MAX_BLOCK) size = ARENA_MAX_BLOCK;
  if (size < need) size = need;
  if (size > SIZE_MAX - ARENA_HEADER) mdx_arena_fail(arena);
  mdx_arena_block *block = NULL;
  if (arena->spare && *arena->spare && ARENA_HEADER + size >= ARENA_KEEP_MIN) {
    block = *arena->spare;
    if (block->size < size) block = NULL; /* too small for this: leave it for a later arena */
    else *arena->spare = NULL;
  }
  if (block) {
    size = block->size; /* all of it is usable, and what an earlier parse touched is paged in */
  } else {
    block = block_alloc(ARENA_HEADER + size);
    if (!block) mdx_arena_fail(arena);
  }
#ifdef MDX_ARENA_VALGRIND
  /* mapped or reused memory counts as initialised for memcheck; malloc's does not */
  VALGRIND_MAKE_MEM_UNDEFINED((char *)block + ARENA_HEADER, size);
#endif
  block->next = arena->head;
  block->size = size;
  arena->head = block;
  arena->cursor = (char *)block + ARENA_HEADER;
  arena->limit = arena->cursor + size;
  arena->total += ARENA_HEADER + size;
}

static size_t round8(mdx_arena *arena, size_t size) {
  if (size > SIZE_MAX - 8) mdx_arena_fail(arena);
  return (size + 7) & ~(size_t)7;
}

void *mdx_arena_alloc_uninit(mdx_arena *arena, size_t size) {
  size = round8(arena, size);
  if (!arena->head || (size_t)(arena->limit - arena->cursor) < size) arena_new_block(arena, size);
  void *result = arena->cursor;
  arena->cursor += size;
  return result;
}

void *mdx_arena_alloc(mdx_arena *arena, size_t size) {
  void *result = mdx_arena_alloc_uninit(arena, size);
  memset(result, 0, size);
  return result;
}

void *mdx_arena_grow(mdx_arena *arena, void *old, size_t old_size, size_t new_size) {
  if (old) {
    size_t have = round8(arena, old_size), want = round8(arena, new_size);
    /* The latest allocation: extend it where it is. */
    if ((char *)old + have == arena->cursor && want >= have &&
        (size_t)(arena->limit - (char *)old) >= want) {
      arena->cursor = (char *)old + want;
      return old;
    }
  }
  void *result = mdx_arena_alloc_uninit(arena, new_size);
  if (old && old_size) memcpy(result, old, old_size < new_size ? old_size : new_size);
  return result;
}

int mdx_arena_trim(mdx_arena *arena, void *p, size_t size, size_t keep) {
  size_t have = round8(arena, size), left = round8(arena, keep);
  if (!p || (char *)p + have != arena->cursor || left > have) return 0;
  arena->cursor = (char *)p + left;
  return 1;
}

void *mdx_scratch_get(mdx_arena *arena, mdx_scratch *s, size_t size) {
  if (size <= s->cap) return s->ptr;
  size_t cap = s->cap > SIZE_MAX / 2 ? SIZE_MAX : s->cap * 2;
  if (cap < size) cap = size;
  if (cap < 256) cap = 256;
  s->ptr = mdx_arena_grow(arena, s->ptr, s->cap, cap);
  s->cap = cap;
  return s->ptr;
}

char *mdx_arena_strdup(mdx_arena *arena, const char *s, size_t len) {
  char *result = mdx_arena_alloc_uninit(arena, len + 1);
  if (len) memcpy(result, s, len);
  result[len] = 0;
  return result;
}
