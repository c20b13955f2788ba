/* Arena allocator: one per parse. Everything the parse builds lives here and is freed at
 * once. Allocation failure jumps back to the entry point (mdx_arena_fail), so callers
 * never check for NULL and nothing leaks: the arena owns it all. */
#ifndef MDX_ARENA_H
#define MDX_ARENA_H

#include <setjmp.h>
#include <stddef.h>

typedef struct mdx_arena_block mdx_arena_block;

typedef struct mdx_arena {
  mdx_arena_block *head; /* newest block first */
  char *cursor;          /* next free byte in head */
  char *limit;           /* end of head */
  size_t total;          /* bytes obtained from malloc, for accounting */
  jmp_buf *on_oom;       /* where to jump when malloc fails; must be set */
  void **spare;          /* the caller's slot for a block kept between arenas, or NULL */
} mdx_arena;

void mdx_arena_init(mdx_arena *arena, jmp_buf *on_oom);
/* Frees everything; with a `spare` slot set, keeps the largest large block there (for
 * the next arena that uses the slot) instead. */
void mdx_arena_free(mdx_arena *arena);
/* Empties the arena for reuse: keeps its newest (largest) block, frees the others. */
void mdx_arena_reset(mdx_arena *arena);

/* Frees the block kept in a spare slot, if any. */
void mdx_arena_spare_release(void **spare);

/* Zeroed, 8-byte aligned memory; never returns NULL (jumps to on_oom instead). */
void *mdx_arena_alloc(mdx_arena *arena, size_t size);

/* The same without zeroing, for callers that write every byte before reading it (zeroing
 * large buffers that are about to be overwritten costs as much as writing them). */
void *mdx_arena_alloc_uninit(mdx_arena *arena, size_t size);

/* mdx_arena_alloc_uninit's fast path, inline for the hot small allocations (nodes):
 * a size known at compile time and far below SIZE_MAX. */
static inline void *mdx_arena_alloc_small(mdx_arena *arena, size_t size) {
  size = (size + 7) & ~(size_t)7;
  if (!arena->cursor || (size_t)(arena->limit - arena->cursor) < size)
    return mdx_arena_alloc_uninit(arena, size);
  void *result = arena->cursor;
  arena->cursor += size;
  return result;
}

/* Grows an array allocated from the arena to room for new_size bytes (the first old_size
 * are kept, the rest is NOT zeroed). When `old` is the arena's latest allocation and the
 * block has room it grows in place; otherwise the old copy stays in the arena unused and
 * doubling keeps that waste below 2x. */
void *mdx_arena_grow(mdx_arena *arena, void *old, size_t old_size, size_t new_size);

/* Gives back the end of the arena's latest allocation: `p` (allocated with `size` bytes)
 * keeps only `keep` bytes. Does nothing and returns 0 when p is not the latest
 * allocation. */
int mdx_arena_trim(mdx_arena *arena, void *p, size_t size, size_t keep);

/* A reusable buffer in the arena (e.g. per-leaf work arrays): it grows when asked for
 * more and is otherwise handed out again, so work that repeats per paragraph does not
 * take fresh memory each time. */
typedef struct mdx_scratch {
  void *ptr;
  size_t cap;
} mdx_scratch;

/* Room for `size` bytes in `s` (contents kept when it grows; nothing is zeroed). */
void *mdx_scratch_get(mdx_arena *arena, mdx_scratch *s, size_t size);

/* Copies bytes into the arena. */
char *mdx_arena_strdup(mdx_arena *arena, const char *s, size_t len);

/* Jumps to on_oom. Used by other modules whose own malloc fails mid-parse. */
void mdx_arena_fail(mdx_arena *arena);

#endif
