/* omni-mdx C core: public API. Independent of Node; no global mutable state. */
#ifndef MDX_H
#define MDX_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/* Parse options (bit set). */
enum {
  MDX_OPT_MDX = 1 << 0,         /* format: 'mdx' (JSX, expressions, ESM) */
  MDX_OPT_GFM = 1 << 1,         /* GFM extensions */
  MDX_OPT_MATH = 1 << 2,        /* $math$ */
  MDX_OPT_FRONTMATTER = 1 << 3, /* YAML / TOML frontmatter */
  MDX_OPT_DANGEROUS_HTML = 1 << 4,     /* HTML: pass raw HTML through */
  MDX_OPT_DANGEROUS_PROTOCOL = 1 << 5, /* HTML: keep javascript: and friends */
  MDX_OPT_ALL = (1 << 6) - 1,
  /* MDX: leave JSX tags flat (no elements, no tag pairing errors). For HTML, as micromark's
   * HTML compiler never pairs tags; mdx_html_render reads flat tags. Not an OCP option. */
  MDX_OPT_FLAT_JSX = 1 << 6
};

/* Result codes. */
enum {
  MDX_OK = 0,
  MDX_ENOMEM = -1,   /* out of memory; nothing leaked */
  MDX_ETOOBIG = -2,  /* source larger than MDX_MAX_SOURCE_BYTES */
  MDX_ESYNTAX = -3,  /* MDX syntax error; see mdx_error */
  MDX_EOPTION = -4   /* option not supported yet */
};

/* An MDX syntax error, shaped like a VFileMessage. Offsets are in UTF-16 code units. */
typedef struct mdx_error {
  uint32_t line, column, offset;
  char reason[512];
  char rule_id[64];
  char cause[160]; /* ruleId "acorn": acorn's own words ("Unexpected token"), else "" */
} mdx_error;

typedef struct mdx_doc mdx_doc;

/* Parses UTF-8 (invalid sequences and NUL become U+FFFD, a leading BOM is skipped).
 * `input` is only read during the call. On MDX_OK, *out owns everything; free it with
 * mdx_doc_free. On MDX_ESYNTAX, *err says why. */
int mdx_parse(const char *input, size_t len, unsigned options, mdx_doc **out, mdx_error *err);
void mdx_doc_free(mdx_doc *doc);

/* Memory a caller keeps from parse to parse: the largest block of the last document
 * freed, so that the next parse of a large document finds its pages mapped instead of
 * faulting them in again (docs/memory.md). Zero-initialise it, use it from one thread at
 * a time (a document parsed with it must be freed on that thread too), and release it
 * with mdx_reuse_free. */
typedef struct mdx_reuse {
  void *spare;
} mdx_reuse;
int mdx_parse_reuse(const char *input, size_t len, unsigned options, mdx_reuse *reuse,
                    mdx_doc **out, mdx_error *err);
void mdx_reuse_free(mdx_reuse *reuse);

/* Encodes the tree as an OCP buffer (docs/ocp.md) appended to `out`. */
int mdx_ocp_encode(const mdx_doc *doc, mdx_buf *out);

/* Renders HTML (CommonMark's reference rendering) appended to `out`.
 * Options: MDX_OPT_DANGEROUS_HTML, MDX_OPT_DANGEROUS_PROTOCOL. */
int mdx_html_render(const mdx_doc *doc, unsigned options, mdx_buf *out);

/* Human-readable text for a result code. */
const char *mdx_strerror(int code);

#endif
