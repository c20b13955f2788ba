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
} mdx_arena;

void mdx_arena_init(mdx_arena *arena, jmp_buf *on_oom);
void mdx_arena_free(mdx_arena *arena);

/* Zeroed, 8-byte aligned memory; never returns NULL (jumps to on_oom instead). */
void *mdx_arena_alloc(mdx_arena *arena, size_t size);

/* Grows an array allocated from the arena: returns a copy with room for new_size bytes.
 * The old block stays in the arena; doubling keeps the waste below 2x. */
void *mdx_arena_grow(mdx_arena *arena, void *old, size_t old_size, size_t new_size);

/* Copies bytes into the arena. */
char *mdx_arena_strdup(mdx_arena *arena, const char *s, size_t len);

/* Jumps to on_oom. Used by other modules whose own malloc fails mid-parse. */
void mdx_arena_fail(mdx_arena *arena);

#endif
