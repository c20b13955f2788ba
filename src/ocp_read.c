/* OCP reader: the C counterpart of lib/decode.js's validation, without building objects.
 * Every read goes through word_at(), which checks the bound, and every record consumes
 * at least two words, so no buffer can make it loop without bound or read outside. */
#include "ocp_read.h"

#include <stdlib.h>
#include <string.h>

#include "input.h"
#include "mdx.h"
#include "node.h"
#include "ocp.h"

static uint32_t read32(const uint8_t *p) {
  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static int fail(mdx_ocp_reader *r, const char *why) {
  r->error = why;
  return MDX_EOCP;
}

/* UTF-16 units of the valid UTF-8 in p[0, n), or -1 if it is not valid UTF-8. */
static int64_t utf16_units(const uint8_t *p, size_t n) {
  int64_t units = 0;
  for (size_t i = 0; i < n;) { /* bounded: i grows by at least 1 */
    size_t used;
    if (!mdx_utf8_sequence(p + i, n - i, &used)) return -1;
    units += used == 4 ? 2 : 1;
    i += used;
  }
  return units;
}

int mdx_ocp_open(mdx_ocp_reader *r, const void *data, size_t len) {
  memset(r, 0, sizeof *r);
  r->data = data;
  r->len = len;
  const uint8_t *p = data;
  if (!p || len < MDX_OCP_HEADER_BYTES) return fail(r, "shorter than an OCP header");
  if (memcmp(p, "OMNI", 4) != 0) return fail(r, "no OMNI magic");
  if (p[4] != MDX_OCP_VERSION) return fail(r, "unsupported OCP version");
  uint32_t payload = read32(p + 8);
  if ((size_t)payload != len - MDX_OCP_HEADER_BYTES) return fail(r, "size does not match payload_bytes (truncated?)");
  r->node_count = read32(p + 12);
  r->nodes_at = read32(p + 16);
  r->text_at = read32(p + 20);
  r->text_bytes = read32(p + 24);
  r->source_bytes = read32(p + 28);
  r->source_units = read32(p + 32);
  r->text_units = read32(p + 36);
  r->options = read32(p + 40);
  r->ascii = (p[5] & MDX_OCP_SOURCE_ASCII) != 0;
  if (r->nodes_at != MDX_OCP_HEADER_BYTES || r->text_at % 4 || r->text_at < r->nodes_at ||
      r->text_at > len || r->text_bytes > len - r->text_at || len - r->text_at - r->text_bytes > 3 ||
      r->source_bytes > r->text_bytes)
    return fail(r, "section offsets out of range");
  /* Each record takes at least two words. */
  if (r->node_count == 0 || r->node_count > (r->text_at - r->nodes_at) / 8)
    return fail(r, "node count does not fit the node section");
  const uint8_t *text = p + r->text_at;
  int64_t source_units = utf16_units(text, r->source_bytes);
  int64_t table_units = utf16_units(text + r->source_bytes, r->text_bytes - r->source_bytes);
  if (source_units < 0 || table_units < 0) return fail(r, "text is not valid UTF-8");
  if (source_units != r->source_units || source_units + table_units != r->text_units)
    return fail(r, "text lengths do not match the header");
  r->last_bits = malloc(r->node_count);
  if (!r->last_bits) return MDX_ENOMEM;
  r->at = r->nodes_at;
  return MDX_OK;
}

void mdx_ocp_close(mdx_ocp_reader *r) {
  free(r->last_bits);
  r->last_bits = NULL;
}

/* The next word of the node section, or 0 with r->error set past its end. */
static int word_at(mdx_ocp_reader *r, uint32_t *out) {
  if (r->at + 4 > r->text_at) return 0;
  *out = read32(r->data + r->at);
  r->at += 4;
  return 1;
}

static int read_ref(mdx_ocp_reader *r, mdx_ocp_record *rec) {
  uint32_t at, units;
  if (!word_at(r, &at) || !word_at(r, &units)) return 0;
  if (at == MDX_OCP_NULL ? units != 0 : at > r->text_units || units > r->text_units - at) {
    r->error = "string reference outside the text";
    return 0;
  }
  rec->refs[rec->ref_count].at = at;
  rec->refs[rec->ref_count].len = units;
  rec->ref_count++;
  return 1;
}

/* A JSX element's attribute records: count, then per attribute kind (0 boolean, 1 string,
 * 2 expression value, 3 spread), start, length, name ref (kinds 0-2), value ref (1-3). */
static int read_attributes(mdx_ocp_reader *r, mdx_ocp_record *rec) {
  uint32_t count;
  if (!word_at(r, &count)) return 0;
  /* each attribute takes at least 5 words */
  if (count > (r->text_at - r->at) / 20) {
    r->error = "JSX attributes run past the node section";
    return 0;
  }
  rec->number = (int32_t)count;
  rec->words_at = r->at;
  mdx_ocp_record scratch; /* refs of attributes are checked, not returned */
  for (uint32_t k = 0; k < count; k++) { /* bounded: count, checked above */
    uint32_t kind, start, length;
    if (!word_at(r, &kind) || !word_at(r, &start) || !word_at(r, &length)) return 0;
    if (kind > 3 || start > r->source_units || length > r->source_units - start) {
      r->error = "bad JSX attribute record";
      return 0;
    }
    scratch.ref_count = 0;
    if (kind != 3 && !read_ref(r, &scratch)) return 0;
    if (kind != 0 && !read_ref(r, &scratch)) return 0;
  }
  rec->words = (uint32_t)((r->at - rec->words_at) / 4);
  return 1;
}

/* The type's extra words (docs/ocp.md, "Types, flags and extra words"): the string
 * references, in record order, and the list start. Returns 0 on a bad record. */
static int read_extra(mdx_ocp_reader *r, mdx_ocp_record *rec) {
  uint32_t s = rec->specific, word;
  int refs = 0;
  switch (rec->type) {
  case MDX_NODE_ROOT: case MDX_NODE_PARAGRAPH: case MDX_NODE_HEADING:
  case MDX_NODE_THEMATIC_BREAK: case MDX_NODE_BLOCKQUOTE: case MDX_NODE_LIST_ITEM:
  case MDX_NODE_EMPHASIS: case MDX_NODE_STRONG: case MDX_NODE_BREAK: case MDX_NODE_DELETE:
    break;
  case MDX_NODE_TABLE_ROW: case MDX_NODE_TABLE_CELL:
    break;
  case MDX_NODE_TABLE: /* column count, then 2 bits of alignment a column */
    if (!word_at(r, &word)) return 0;
    rec->number = (int32_t)word;
    rec->words = word / 16 + (word % 16 != 0);
    if (word > INT32_MAX || rec->words > (r->text_at - r->at) / 4) {
      r->error = "table alignment words run past the node section";
      return 0;
    }
    rec->words_at = r->at;
    r->at += (size_t)rec->words * 4;
    break;
  case MDX_NODE_LIST:
    if (s & MDX_OCP_ORDERED) {
      if (!word_at(r, &word)) return 0;
      rec->number = (int32_t)word;
    }
    break;
  case MDX_NODE_MDX_JSX_FLOW_ELEMENT: case MDX_NODE_MDX_JSX_TEXT_ELEMENT:
    if ((s & MDX_OCP_HAS_FIRST) && !read_ref(r, rec)) return 0; /* the name */
    return read_attributes(r, rec);
  case MDX_NODE_HTML: case MDX_NODE_TEXT: case MDX_NODE_INLINE_CODE:
  case MDX_NODE_INLINE_MATH: case MDX_NODE_YAML: case MDX_NODE_TOML:
  case MDX_NODE_MDX_FLOW_EXPRESSION: case MDX_NODE_MDX_TEXT_EXPRESSION: case MDX_NODE_MDXJS_ESM:
    refs = !(s & MDX_OCP_VERBATIM);
    break;
  case MDX_NODE_MATH:
    refs = !(s & MDX_OCP_VERBATIM) + !!(s & MDX_OCP_HAS_SECOND);
    break;
  case MDX_NODE_CODE:
    refs = 1 + !!(s & MDX_OCP_HAS_FIRST) + !!(s & MDX_OCP_HAS_SECOND);
    break;
  case MDX_NODE_DEFINITION: /* label, raw label, url, title */
    refs = 2 + !(s & MDX_OCP_RAW_SAME) + !!(s & MDX_OCP_HAS_FIRST);
    break;
  case MDX_NODE_LINK: refs = 1 + !!(s & MDX_OCP_HAS_FIRST); break;
  case MDX_NODE_IMAGE: refs = 2 + !!(s & MDX_OCP_HAS_FIRST); break;
  case MDX_NODE_LINK_REFERENCE: case MDX_NODE_FOOTNOTE_DEFINITION:
  case MDX_NODE_FOOTNOTE_REFERENCE: /* label, raw label */
    refs = 1 + !(s & MDX_OCP_RAW_SAME);
    break;
  case MDX_NODE_IMAGE_REFERENCE: refs = 2 + !(s & MDX_OCP_RAW_SAME); break;
  default:
    r->error = "unknown or reserved node type";
    return 0;
  }
  for (int i = 0; i < refs; i++) /* bounded: at most MDX_OCP_MAX_REFS */
    if (!read_ref(r, rec)) return 0;
  return 1;
}

int mdx_ocp_next(mdx_ocp_reader *r, mdx_ocp_record *rec) {
  if (r->error) return MDX_EOCP;
  if (r->done) return 0;
  if (!r->last_bits) return fail(r, "reader not open");
  memset(rec, 0, sizeof *rec);
  uint32_t w0, start, length;
  if (r->seen == r->node_count) return fail(r, "records run past node_count");
  if (!word_at(r, &w0) || !word_at(r, &start)) return fail(r, "records run past the node section");
  rec->type = w0 & 0xFFu;
  rec->has_children = (w0 & MDX_OCP_HAS_CHILDREN) != 0;
  rec->last = (w0 & MDX_OCP_LAST) != 0;
  rec->specific = (w0 >> MDX_OCP_SHIFT_SPECIFIC) & 0x3Fu;
  length = w0 >> 16;
  if (length == MDX_OCP_LONG_LENGTH && !word_at(r, &length)) return fail(r, "records run past the node section");
  if (start > r->source_units || length > r->source_units - start) return fail(r, "record ends past the source");
  rec->start = start;
  rec->length = length;
  rec->depth = r->depth;
  if ((r->seen == 0) != (rec->type == MDX_NODE_ROOT)) return fail(r, "the root must be the first record, and only it");
  if (!read_extra(r, rec)) return MDX_EOCP;
  if (rec->has_children && !mdx_node_is_parent(rec->type)) return fail(r, "a leaf type with children");
  r->seen++;
  if (rec->has_children) {
    r->last_bits[r->depth++] = (uint8_t)rec->last; /* depth < seen <= node_count */
  } else if (r->depth == 0) {
    r->done = 1; /* a root without children */
  } else if (rec->last) {
    /* The parent is complete; so is each ancestor whose record was its parent's last. */
    while (r->depth > 0) { /* bounded: depth */
      int parent_last = r->last_bits[--r->depth];
      if (r->depth == 0 || !parent_last) break;
    }
    if (r->depth == 0) r->done = 1;
  }
  if (r->done && (r->seen != r->node_count || r->at != r->text_at))
    return fail(r, "records left over after the root closes");
  return 1;
}
