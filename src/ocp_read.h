/* Reading OCP buffers in C (docs/ocp.md): validates a buffer from any source (a cache, a
 * file, another process) and walks its node records in pre-order without building a
 * tree. For tools that only need a pass over the nodes (tables of contents, plain text,
 * search sections) and for the fuzzer, which checks that no byte sequence makes it read
 * outside the buffer.
 *
 *   mdx_ocp_reader r;
 *   if (mdx_ocp_open(&r, data, len) == MDX_OK)
 *     while (mdx_ocp_next(&r, &rec) == 1) ...   (0: done; MDX_EOCP: see r.error)
 *   mdx_ocp_close(&r);
 *
 * Everything is bounds-checked: a record never points outside the buffer, string
 * references lie inside the text section, offsets inside the source. */
#ifndef MDX_OCP_READ_H
#define MDX_OCP_READ_H

#include <stddef.h>
#include <stdint.h>

/* The buffer is not a valid OCP buffer (mdx_ocp_reader.error says why). */
#define MDX_EOCP (-10)

/* Most string references one record carries (definition: label, raw label, url, title). */
#define MDX_OCP_MAX_REFS 4

/* A string reference: UTF-16 units into the text section; at == MDX_OCP_NULL is null. */
typedef struct mdx_ocp_ref {
  uint32_t at, len;
} mdx_ocp_ref;

typedef struct mdx_ocp_record {
  uint32_t type;     /* mdx_node_type */
  uint32_t specific; /* type-specific flag bits (already shifted down) */
  int has_children, last;
  uint32_t depth;         /* 0 for the root */
  uint32_t start, length; /* UTF-16 units into the source */
  /* list start (ordered lists); table: column count; JSX element: attribute count */
  int32_t number;
  /* table: the alignment words (2 bits a column); JSX element: the attribute records
   * (kind, start, length, name ref, value ref: docs/ocp.md), checked. At data[words_at],
   * `words` of them, inside the node section. */
  size_t words_at;
  uint32_t words;
  uint32_t ref_count;     /* string references, in record order (docs/ocp.md) */
  mdx_ocp_ref refs[MDX_OCP_MAX_REFS];
} mdx_ocp_record;

typedef struct mdx_ocp_reader {
  const uint8_t *data;
  size_t len;
  uint32_t node_count, nodes_at, text_at, text_bytes;
  uint32_t source_bytes, source_units, text_units, options;
  int ascii;
  /* walk state */
  size_t at;          /* byte offset of the next record */
  uint32_t seen;      /* records read */
  uint32_t depth;     /* open parents */
  uint8_t *last_bits; /* per open parent: did its record have LAST (malloc'd) */
  int done;
  const char *error; /* static text; set when a call returns MDX_EOCP */
} mdx_ocp_reader;

/* Checks the header, the sections and the text (valid UTF-8 of the stated lengths).
 * Returns MDX_OK, MDX_ENOMEM or MDX_EOCP. Call mdx_ocp_close afterwards in every case. */
int mdx_ocp_open(mdx_ocp_reader *r, const void *data, size_t len);

/* Reads the next record: 1 with *rec filled, 0 after the last one (the buffer was
 * consistent to its end), MDX_EOCP on any inconsistency. */
int mdx_ocp_next(mdx_ocp_reader *r, mdx_ocp_record *rec);

void mdx_ocp_close(mdx_ocp_reader *r);

#endif
