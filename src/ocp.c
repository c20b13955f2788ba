/* OCP encoder: one pre-order pass over the tree writing fixed-layout records of 32-bit
 * words; strings that are slices of the source become references into it, others are
 * appended once to a string table that follows the source. Linear in the tree size. */
#include "ocp.h"

#include <string.h>

#include "doc.h"
#include "gfm_table.h"
#include "mdx_syntax.h"
#include "position.h"

typedef struct encoder {
  mdx_buf *out;
  mdx_buf table; /* strings that are not slices of the source */
  uint32_t table_units;
  mdx_u16index index;
  const mdx_doc *doc;
  uint32_t source_units;
} encoder;

/* Byte offset → UTF-16 offset (O(1) in ASCII blocks, at most 64 bytes scanned else). */
static uint32_t units_at(encoder *e, uint32_t byte) {
  return mdx_u16index_at(&e->index, byte);
}

static void put_word(encoder *e, uint32_t word) {
  mdx_buf *out = e->out;
  if (out->cap - out->len < 4 && !mdx_buf_reserve(out, 4)) return;
  unsigned char *p = (unsigned char *)out->data + out->len;
  p[0] = (unsigned char)word;
  p[1] = (unsigned char)(word >> 8);
  p[2] = (unsigned char)(word >> 16);
  p[3] = (unsigned char)(word >> 24);
  out->len += 4;
}

static void put_string(encoder *e, mdx_str s) {
  if (!s.ptr) {
    put_word(e, MDX_OCP_NULL);
    put_word(e, 0);
    return;
  }
  const char *src = e->doc->src;
  if (s.ptr >= src && s.ptr + s.len <= src + e->doc->len) {
    uint32_t from = units_at(e, (uint32_t)(s.ptr - src));
    uint32_t to = units_at(e, (uint32_t)(s.ptr - src) + s.len);
    put_word(e, from);
    put_word(e, to - from);
    return;
  }
  uint32_t units = mdx_utf16_length(s.ptr, s.len);
  put_word(e, e->source_units + e->table_units);
  put_word(e, units);
  mdx_buf_put(&e->table, s.ptr, s.len);
  e->table_units += units;
}

static int is_literal(int type) {
  switch (type) {
  case MDX_NODE_TEXT: case MDX_NODE_HTML: case MDX_NODE_INLINE_CODE: case MDX_NODE_MATH:
  case MDX_NODE_INLINE_MATH: case MDX_NODE_YAML: case MDX_NODE_TOML:
  case MDX_NODE_MDX_FLOW_EXPRESSION: case MDX_NODE_MDX_TEXT_EXPRESSION: case MDX_NODE_MDXJS_ESM:
    return 1;
  default:
    return 0;
  }
}

static int same_text(mdx_str a, mdx_str b) {
  return a.len == b.len && (a.ptr == b.ptr || (a.ptr && b.ptr && memcmp(a.ptr, b.ptr, a.len) == 0));
}

/* Type-specific flag bits of a node (before shifting). Optional strings (null in mdast)
 * get a presence bit instead of a null reference, and a raw label equal to its label is
 * not written twice: both keep the buffer small (docs/ocp.md). */
static uint32_t specific_flags(const encoder *e, const mdx_node *n) {
  switch (n->type) {
  case MDX_NODE_HEADING: return (uint32_t)n->num & 7u;
  case MDX_NODE_LIST:
    return (n->flags & MDX_FLAG_ORDERED ? MDX_OCP_ORDERED : 0) |
           (n->flags & MDX_FLAG_SPREAD ? MDX_OCP_SPREAD : 0);
  case MDX_NODE_LIST_ITEM:
    return (n->flags & MDX_FLAG_SPREAD ? 1u : 0) |
           (n->flags & MDX_FLAG_CHECKED_SET ? MDX_OCP_CHECKED_SET : 0) |
           (n->flags & MDX_FLAG_CHECKED ? MDX_OCP_CHECKED : 0);
  case MDX_NODE_CODE:
    return (n->url.ptr ? MDX_OCP_HAS_FIRST : 0) | (n->title.ptr ? MDX_OCP_HAS_SECOND : 0);
  case MDX_NODE_LINK: case MDX_NODE_IMAGE:
    return (n->title.ptr ? MDX_OCP_HAS_FIRST : 0) |
           (n->flags & MDX_FLAG_NOPOS ? MDX_OCP_NO_POSITION : 0);
  case MDX_NODE_TEXT: /* GFM autolink literals' transform makes position-less texts */
    if (n->flags & MDX_FLAG_NOPOS) return MDX_OCP_NO_POSITION;
    return (n->value.ptr == e->doc->src + n->start && n->value.len == n->end - n->start
                ? MDX_OCP_VERBATIM
                : 0) |
           (n->flags & MDX_FLAG_AFTER_EOL ? MDX_OCP_AFTER_EOL_TEXT : 0);
  case MDX_NODE_MDX_JSX_FLOW_ELEMENT: case MDX_NODE_MDX_JSX_TEXT_ELEMENT:
    return n->url.ptr ? MDX_OCP_HAS_FIRST : 0; /* a name (fragments have none) */
  case MDX_NODE_DEFINITION:
    return (n->title.ptr ? MDX_OCP_HAS_FIRST : 0) |
           (same_text(n->label, n->raw_label) ? MDX_OCP_RAW_SAME : 0);
  case MDX_NODE_LINK_REFERENCE: case MDX_NODE_IMAGE_REFERENCE:
    return ((uint32_t)n->num & 3u) | (same_text(n->label, n->raw_label) ? MDX_OCP_RAW_SAME : 0);
  case MDX_NODE_PARAGRAPH:
    return n->flags & MDX_FLAG_AFTER_EOL ? MDX_OCP_AFTER_EOL_PARAGRAPH : 0;
  case MDX_NODE_FOOTNOTE_DEFINITION: case MDX_NODE_FOOTNOTE_REFERENCE:
    return same_text(n->label, n->raw_label) ? MDX_OCP_RAW_SAME : 0;
  case MDX_NODE_MATH: /* a literal with an optional meta (its fence line's rest) */
    return (n->value.ptr == e->doc->src + n->start && n->value.len == n->end - n->start
                ? MDX_OCP_VERBATIM
                : 0) |
           (n->title.ptr ? MDX_OCP_HAS_SECOND : 0);
  default:
    if (is_literal(n->type) && n->value.ptr == e->doc->src + n->start &&
        n->value.len == n->end - n->start)
      return MDX_OCP_VERBATIM;
    return 0;
  }
}

static void put_labels(encoder *e, const mdx_node *n, uint32_t specific) {
  put_string(e, n->label);
  if (!(specific & MDX_OCP_RAW_SAME)) put_string(e, n->raw_label);
}

static void put_node(encoder *e, const mdx_node *n) {
  uint32_t start = units_at(e, n->start);
  uint32_t length = units_at(e, n->end) - start;
  uint32_t specific = specific_flags(e, n);
  uint32_t word0 = n->type | specific << MDX_OCP_SHIFT_SPECIFIC;
  if (n->first_child) word0 |= MDX_OCP_HAS_CHILDREN;
  if (!n->next) word0 |= MDX_OCP_LAST;
  word0 |= (length < MDX_OCP_LONG_LENGTH ? length : MDX_OCP_LONG_LENGTH) << 16;
  put_word(e, word0);
  put_word(e, start);
  if (length >= MDX_OCP_LONG_LENGTH) put_word(e, length);
  switch (n->type) {
  case MDX_NODE_LIST:
    if (n->flags & MDX_FLAG_ORDERED) put_word(e, (uint32_t)n->num);
    break;
  case MDX_NODE_CODE:
    put_string(e, n->value);
    if (n->url.ptr) put_string(e, n->url);
    if (n->title.ptr) put_string(e, n->title);
    break;
  case MDX_NODE_DEFINITION:
    put_labels(e, n, specific);
    put_string(e, n->url);
    if (n->title.ptr) put_string(e, n->title);
    break;
  case MDX_NODE_LINK:
    put_string(e, n->url);
    if (n->title.ptr) put_string(e, n->title);
    break;
  case MDX_NODE_IMAGE:
    put_string(e, n->url);
    put_string(e, n->value);
    if (n->title.ptr) put_string(e, n->title);
    break;
  case MDX_NODE_LINK_REFERENCE:
  case MDX_NODE_FOOTNOTE_DEFINITION:
  case MDX_NODE_FOOTNOTE_REFERENCE:
    put_labels(e, n, specific);
    break;
  case MDX_NODE_IMAGE_REFERENCE:
    put_labels(e, n, specific);
    put_string(e, n->value);
    break;
  case MDX_NODE_TABLE: { /* column count, then 2 bits a column, 16 columns a word */
    uint32_t cols = n->value.len;
    put_word(e, cols);
    for (uint32_t i = 0; i < cols; i += 16) { /* bounded: the columns */
      uint32_t w = 0;
      for (uint32_t j = 0; j < 16 && i + j < cols; j++)
        w |= (uint32_t)mdx_table_align(n, i + j) << (2 * j);
      put_word(e, w);
    }
    break;
  }
  case MDX_NODE_MDX_JSX_FLOW_ELEMENT:
  case MDX_NODE_MDX_JSX_TEXT_ELEMENT:
    if (n->url.ptr) put_string(e, n->url);
    put_word(e, (uint32_t)n->num);
    for (const mdx_node *a = n->attrs; a; a = a->next) { /* bounded: n->num attributes */
      uint32_t from = units_at(e, a->start);
      put_word(e, (uint32_t)a->num);
      put_word(e, from);
      put_word(e, units_at(e, a->end) - from);
      if (a->num != MDX_ATTR_SPREAD) put_string(e, a->url);
      if (a->num != MDX_ATTR_BOOLEAN) put_string(e, a->title);
    }
    break;
  case MDX_NODE_MATH:
    if (!(specific & MDX_OCP_VERBATIM)) put_string(e, n->value);
    if (n->title.ptr) put_string(e, n->title);
    break;
  default:
    if (is_literal(n->type) && !(specific & MDX_OCP_VERBATIM)) put_string(e, n->value);
    break;
  }
}

static void set_word(mdx_buf *out, size_t at, uint32_t word) {
  unsigned char *p = (unsigned char *)out->data + at;
  p[0] = (unsigned char)word;
  p[1] = (unsigned char)(word >> 8);
  p[2] = (unsigned char)(word >> 16);
  p[3] = (unsigned char)(word >> 24);
}

int mdx_ocp_encode(const mdx_doc *doc, mdx_buf *out) {
  encoder e;
  memset(&e, 0, sizeof e);
  e.out = out;
  e.doc = doc;
  mdx_buf_init(&e.table);
  if (!mdx_u16index_init(&e.index, doc->src, doc->len, doc->ascii)) return MDX_ENOMEM;
  e.source_units = mdx_u16index_at(&e.index, doc->len);

  size_t base = out->len;
  /* One allocation in the common case: records rarely exceed half the source size. */
  mdx_buf_reserve(out, MDX_OCP_HEADER_BYTES + (size_t)doc->len + doc->len / 2 + 64);
  static const char zeros[MDX_OCP_HEADER_BYTES] = {0};
  mdx_buf_put(out, zeros, MDX_OCP_HEADER_BYTES);
  uint32_t count = 0;
  mdx_walk walk;
  mdx_walk_init(&walk, doc->root);
  while (mdx_walk_next(&walk)) { /* bounded: two events per node */
    if (!walk.entering) continue;
    put_node(&e, walk.node);
    count++;
  }
  size_t nodes_end = out->len;
  mdx_buf_put(out, doc->src, doc->len);
  mdx_buf_put(out, e.table.data, e.table.len);
  size_t text_end = out->len;
  while ((out->len - base) % 4) mdx_buf_putc(out, 0); /* bounded: at most 3 */
  mdx_u16index_free(&e.index);
  mdx_buf_free(&e.table);
  if (out->failed || e.table.failed) return MDX_ENOMEM;
  if (out->len - base > 0xFFFFFFFFu) return MDX_ETOOBIG;

  size_t h = base;
  memcpy(out->data + h, "OMNI", 4);
  out->data[h + 4] = MDX_OCP_VERSION;
  out->data[h + 5] = (char)(doc->ascii ? MDX_OCP_SOURCE_ASCII : 0);
  set_word(out, h + 8, (uint32_t)(out->len - base - MDX_OCP_HEADER_BYTES)); /* payload */
  set_word(out, h + 12, count);
  set_word(out, h + 16, MDX_OCP_HEADER_BYTES);                         /* nodes at */
  set_word(out, h + 20, (uint32_t)(nodes_end - base));                 /* text at */
  set_word(out, h + 24, (uint32_t)(text_end - nodes_end));             /* text bytes */
  set_word(out, h + 28, doc->len);                                     /* source bytes */
  set_word(out, h + 32, e.source_units);                               /* source units */
  set_word(out, h + 36, e.source_units + e.table_units);               /* text units */
  set_word(out, h + 40, doc->options);
  set_word(out, h + 44, 0);
  return MDX_OK;
}
