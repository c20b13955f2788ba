/* libFuzzer target: mdx_parse + mdx_ocp_encode, with the tree invariants of
 * fuzz_common.h and the OCP invariants of docs/ocp.md checked against the tree.
 *
 * Input: byte 0 = MDX_OPT_* bits (low six bits), then the document. MDX_OPT_MDX may
 * give MDX_EOPTION (not implemented yet) or MDX_ESYNTAX; both are fine, as long as no
 * document is returned with them and the error message is a terminated string.
 *
 * The OCP checks are not a reader of the format (that target comes when a C reader
 * exists, see docs/fuzzing.md): they walk the records in step with the tree the
 * encoder was given and check that each record says what the tree says. The record
 * layout here mirrors src/ocp.c (version 1 with presence bits for optional strings and
 * RAW_SAME); when the format changes, check_record and check_labels change with it. */
#include "fuzz_common.h"
#include "mdx_syntax.h"
#include "ocp.h"

static uint32_t rd32(const unsigned char *p) {
  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

typedef struct ocp_check {
  const unsigned char *buf;
  size_t len;
  size_t at;                 /* next record word */
  size_t text_at;            /* end of the records */
  const mdx_doc *doc;
  uint32_t *units;           /* units[b]: UTF-16 offset of source byte b (0..len) */
  uint32_t source_units, text_units;
  uint32_t table_units;      /* string table consumed so far, in UTF-16 units */
  size_t table_bytes;        /* ... and in bytes */
  size_t table_at;           /* byte offset of the string table in buf */
  size_t table_len;          /* its length in bytes */
} ocp_check;

static uint32_t next_word(ocp_check *c) {
  FUZZ_CHECK(c->at + 4 <= c->text_at);
  uint32_t w = rd32(c->buf + c->at);
  c->at += 4;
  return w;
}

/* A string reference must be what the encoder promises: null, a reference to the very
 * slice of the source, or the next string of the table with the same bytes. */
static void check_ref(ocp_check *c, mdx_str s) {
  uint32_t at = next_word(c), length = next_word(c);
  if (!s.ptr) {
    FUZZ_CHECK(at == MDX_OCP_NULL && length == 0);
    return;
  }
  FUZZ_CHECK(at != MDX_OCP_NULL);
  FUZZ_CHECK(at <= c->text_units && length <= c->text_units - at);
  const char *src = c->doc->src;
  if (s.ptr >= src && s.ptr + s.len <= src + c->doc->len &&
      !(s.ptr == src + c->doc->len && s.len)) {
    uint32_t b = (uint32_t)(s.ptr - src);
    FUZZ_CHECK(at == c->units[b]);
    FUZZ_CHECK(length == c->units[b + s.len] - c->units[b]);
    return;
  }
  FUZZ_CHECK(at == c->source_units + c->table_units);
  FUZZ_CHECK(length == fuzz_utf16_units(s.ptr, s.len));
  FUZZ_CHECK(c->table_bytes + s.len <= c->table_len);
  FUZZ_CHECK(memcmp(c->buf + c->table_at + c->table_bytes, s.ptr, s.len) == 0);
  c->table_units += length;
  c->table_bytes += s.len;
}

static int is_literal(int type) {
  switch (type) {
  case MDX_NODE_TEXT: case MDX_NODE_HTML: case MDX_NODE_INLINE_CODE: case MDX_NODE_MATH:
  case MDX_NODE_INLINE_MATH: case MDX_NODE_YAML: case MDX_NODE_TOML:
  case MDX_NODE_MDX_FLOW_EXPRESSION: case MDX_NODE_MDX_TEXT_EXPRESSION:
  case MDX_NODE_MDXJS_ESM:
    return 1;
  default:
    return 0;
  }
}

/* The label, then the raw label unless the RAW_SAME bit says it is the same text. */
static void check_labels(ocp_check *c, const mdx_node *n, uint32_t specific) {
  check_ref(c, n->label);
  if (specific & MDX_OCP_RAW_SAME) {
    FUZZ_CHECK(n->label.len == n->raw_label.len && !n->label.ptr == !n->raw_label.ptr);
    FUZZ_CHECK(!n->label.len || memcmp(n->label.ptr, n->raw_label.ptr, n->label.len) == 0);
  } else {
    check_ref(c, n->raw_label);
  }
}

static void check_record(ocp_check *c, const mdx_node *n) {
  uint32_t w0 = next_word(c), start = next_word(c);
  uint32_t length = w0 >> 16;
  if (length == MDX_OCP_LONG_LENGTH) {
    length = next_word(c);
    FUZZ_CHECK(length >= MDX_OCP_LONG_LENGTH); /* the short form was used when it fit */
  }
  FUZZ_CHECK((w0 & 0xFFu) == n->type);
  FUZZ_CHECK(!(w0 & MDX_OCP_HAS_CHILDREN) == !n->first_child);
  FUZZ_CHECK(!(w0 & MDX_OCP_LAST) == !!n->next);
  FUZZ_CHECK(start == c->units[n->start]);
  FUZZ_CHECK(length == c->units[n->end] - c->units[n->start]);
  FUZZ_CHECK(start + length <= c->source_units);
  uint32_t specific = (w0 >> MDX_OCP_SHIFT_SPECIFIC) & 0x3Fu;
  switch (n->type) {
  case MDX_NODE_HEADING: FUZZ_CHECK(specific >= 1 && specific <= 6); break;
  case MDX_NODE_LIST:
    if (specific & MDX_OCP_ORDERED) FUZZ_CHECK((int32_t)next_word(c) == n->num);
    break;
  case MDX_NODE_CODE:
    /* Optional strings get a presence bit instead of a null reference. */
    FUZZ_CHECK(!(specific & MDX_OCP_HAS_FIRST) == !n->url.ptr);
    FUZZ_CHECK(!(specific & MDX_OCP_HAS_SECOND) == !n->title.ptr);
    check_ref(c, n->value);
    if (n->url.ptr) check_ref(c, n->url);
    if (n->title.ptr) check_ref(c, n->title);
    break;
  case MDX_NODE_TABLE: {
    /* The column count, then 2 bits of alignment a column, 16 a word, unused bits 0. */
    uint32_t cols = next_word(c);
    FUZZ_CHECK(cols == n->value.len && cols >= 1);
    FUZZ_CHECK(n->first_child && n->first_child->type == MDX_NODE_TABLE_ROW);
    uint32_t head_cells = 0;
    for (const mdx_node *k = n->first_child->first_child; k; k = k->next) head_cells++;
    FUZZ_CHECK(head_cells == cols);
    for (uint32_t i = 0; i < cols; i += 16) {
      uint32_t w = next_word(c);
      for (uint32_t j = 0; j < 16; j++) {
        uint32_t bits = (w >> (2 * j)) & 3u;
        if (i + j < cols) FUZZ_CHECK(bits == (unsigned char)n->value.ptr[i + j]);
        else FUZZ_CHECK(bits == 0);
      }
    }
    break;
  }
  case MDX_NODE_TABLE_ROW:
    FUZZ_CHECK(n->parent->type == MDX_NODE_TABLE && n->first_child);
    break;
  case MDX_NODE_TABLE_CELL:
    FUZZ_CHECK(n->parent->type == MDX_NODE_TABLE_ROW);
    break;
  case MDX_NODE_MATH:
    /* A literal with an optional meta (docs/ocp.md). */
    FUZZ_CHECK(!(specific & MDX_OCP_HAS_SECOND) == !n->title.ptr);
    if (specific & MDX_OCP_VERBATIM) {
      FUZZ_CHECK(n->value.ptr == c->doc->src + n->start);
      FUZZ_CHECK(n->value.len == n->end - n->start);
    } else {
      check_ref(c, n->value);
    }
    if (n->title.ptr) check_ref(c, n->title);
    break;
  case MDX_NODE_DEFINITION:
    FUZZ_CHECK(!(specific & MDX_OCP_HAS_FIRST) == !n->title.ptr);
    check_labels(c, n, specific);
    check_ref(c, n->url);
    if (n->title.ptr) check_ref(c, n->title);
    break;
  case MDX_NODE_LINK:
    FUZZ_CHECK(!(specific & MDX_OCP_HAS_FIRST) == !n->title.ptr);
    /* GFM autolink literals' transform: no position */
    FUZZ_CHECK(!(specific & MDX_OCP_NO_POSITION) == !(n->flags & MDX_FLAG_NOPOS));
    check_ref(c, n->url);
    if (n->title.ptr) check_ref(c, n->title);
    break;
  case MDX_NODE_IMAGE:
    FUZZ_CHECK(!(specific & MDX_OCP_HAS_FIRST) == !n->title.ptr);
    check_ref(c, n->url);
    check_ref(c, n->value);
    if (n->title.ptr) check_ref(c, n->title);
    break;
  case MDX_NODE_MDX_JSX_FLOW_ELEMENT:
  case MDX_NODE_MDX_JSX_TEXT_ELEMENT: {
    FUZZ_CHECK(!(specific & MDX_OCP_HAS_FIRST) == !n->url.ptr);
    if (n->url.ptr) check_ref(c, n->url);
    FUZZ_CHECK(next_word(c) == (uint32_t)n->num);
    int32_t count = 0;
    for (const mdx_node *a = n->attrs; a; a = a->next, count++) {
      FUZZ_CHECK(next_word(c) == (uint32_t)a->num && a->num <= MDX_ATTR_SPREAD);
      FUZZ_CHECK(next_word(c) == c->units[a->start]);
      FUZZ_CHECK(next_word(c) == c->units[a->end] - c->units[a->start]);
      if (a->num != MDX_ATTR_SPREAD) check_ref(c, a->url);
      if (a->num != MDX_ATTR_BOOLEAN) check_ref(c, a->title);
    }
    FUZZ_CHECK(count == n->num);
    break;
  }
  case MDX_NODE_LINK_REFERENCE:
    FUZZ_CHECK((specific & 3u) == (uint32_t)n->num && n->num <= MDX_REF_FULL);
    check_labels(c, n, specific);
    break;
  case MDX_NODE_IMAGE_REFERENCE:
    FUZZ_CHECK((specific & 3u) == (uint32_t)n->num && n->num <= MDX_REF_FULL);
    check_labels(c, n, specific);
    check_ref(c, n->value);
    break;
  case MDX_NODE_FOOTNOTE_DEFINITION:
  case MDX_NODE_FOOTNOTE_REFERENCE:
    FUZZ_CHECK((specific & ~MDX_OCP_RAW_SAME) == 0);
    check_labels(c, n, specific);
    break;
  case MDX_NODE_TEXT:
    FUZZ_CHECK(!(specific & MDX_OCP_NO_POSITION) == !(n->flags & MDX_FLAG_NOPOS));
    if (specific & MDX_OCP_VERBATIM) {
      FUZZ_CHECK(!(specific & MDX_OCP_NO_POSITION));
      FUZZ_CHECK(n->value.ptr == c->doc->src + n->start);
      FUZZ_CHECK(n->value.len == n->end - n->start);
    } else {
      check_ref(c, n->value);
    }
    break;
  default:
    if (!is_literal(n->type)) break;
    if (specific & MDX_OCP_VERBATIM) {
      /* VERBATIM promises value == source[start, end). */
      FUZZ_CHECK(n->value.ptr == c->doc->src + n->start);
      FUZZ_CHECK(n->value.len == n->end - n->start);
    } else {
      check_ref(c, n->value);
    }
    break;
  }
}

static void check_ocp(const mdx_doc *doc, unsigned options, const mdx_buf *ocp,
                      uint32_t node_count) {
  const unsigned char *b = (const unsigned char *)ocp->data;
  size_t len = ocp->len;
  FUZZ_CHECK(len >= MDX_OCP_HEADER_BYTES && len % 4 == 0);
  FUZZ_CHECK(memcmp(b, "OMNI", 4) == 0);
  FUZZ_CHECK(b[4] == MDX_OCP_VERSION);
  FUZZ_CHECK(rd32(b + 8) == len - MDX_OCP_HEADER_BYTES);
  FUZZ_CHECK(b[6] == 0 && b[7] == 0 && rd32(b + 44) == 0);
  uint32_t count = rd32(b + 12), nodes_at = rd32(b + 16), text_at = rd32(b + 20);
  uint32_t text_bytes = rd32(b + 24), source_bytes = rd32(b + 28);
  uint32_t source_units = rd32(b + 32), text_units = rd32(b + 36);
  FUZZ_CHECK(count == node_count);
  FUZZ_CHECK(nodes_at == MDX_OCP_HEADER_BYTES);
  FUZZ_CHECK(text_at % 4 == 0 && text_at >= nodes_at + 8 * (size_t)count);
  FUZZ_CHECK(text_at <= len && text_bytes <= len - text_at);
  FUZZ_CHECK(len - text_at - text_bytes < 4); /* only padding after the text */
  for (size_t i = text_at + text_bytes; i < len; i++) FUZZ_CHECK(b[i] == 0);
  FUZZ_CHECK(rd32(b + 40) == options);

  /* The text: the normalised source, then the string table; all valid UTF-8, because
   * the JS decoder reads it with a fatal TextDecoder. */
  FUZZ_CHECK(source_bytes == doc->len && source_bytes <= text_bytes);
  FUZZ_CHECK(memcmp(b + text_at, doc->src, doc->len) == 0);
  FUZZ_CHECK(fuzz_utf8_valid((const char *)b + text_at, text_bytes));
  FUZZ_CHECK(source_units == fuzz_utf16_units(doc->src, doc->len));
  FUZZ_CHECK(text_units == fuzz_utf16_units((const char *)b + text_at, text_bytes));
  int ascii = 1;
  for (uint32_t i = 0; i < doc->len && ascii; i++) ascii = (unsigned char)doc->src[i] < 0x80;
  FUZZ_CHECK(!!(b[5] & MDX_OCP_SOURCE_ASCII) == ascii);
  FUZZ_CHECK((b[5] & ~MDX_OCP_SOURCE_ASCII) == 0);

  ocp_check c;
  memset(&c, 0, sizeof c);
  c.buf = b;
  c.len = len;
  c.at = nodes_at;
  c.text_at = text_at;
  c.doc = doc;
  c.source_units = source_units;
  c.text_units = text_units;
  c.table_at = text_at + source_bytes;
  c.table_len = text_bytes - source_bytes;
  c.units = malloc(((size_t)doc->len + 1) * sizeof *c.units);
  FUZZ_CHECK(c.units != NULL);
  uint32_t u = 0;
  for (uint32_t i = 0; i <= doc->len; i++) {
    c.units[i] = u;
    if (i < doc->len) {
      unsigned char ch = (unsigned char)doc->src[i];
      if ((ch & 0xC0) != 0x80) u++;
      if (ch >= 0xF0) u++;
    }
  }
  mdx_walk walk;
  mdx_walk_init(&walk, doc->root);
  while (mdx_walk_next(&walk))
    if (walk.entering) check_record(&c, walk.node);
  FUZZ_CHECK(c.at == text_at);            /* no records left over */
  FUZZ_CHECK(c.table_bytes == c.table_len); /* nothing in the table that no one uses */
  FUZZ_CHECK(source_units + c.table_units == text_units);
  free(c.units);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  unsigned options = fuzz_options(&data, &size);
  mdx_doc *doc = (mdx_doc *)(uintptr_t)1; /* must be overwritten */
  mdx_error err;
  memset(&err, 0x5A, sizeof err); /* unterminated garbage: a message must replace it */
  int rc = mdx_parse((const char *)data, size, options, &doc, &err);
  if (rc != MDX_OK) {
    FUZZ_CHECK(doc == NULL);
    /* Markdown never fails; only MDX may be refused (ENOMEM is not expected on inputs
     * this small under the fuzzer's memory limit). */
    FUZZ_CHECK(options & MDX_OPT_MDX);
    FUZZ_CHECK(rc == MDX_ESYNTAX || rc == MDX_EOPTION);
    if (rc == MDX_ESYNTAX) {
      FUZZ_CHECK(memchr(err.reason, 0, sizeof err.reason) != NULL);
      FUZZ_CHECK(memchr(err.rule_id, 0, sizeof err.rule_id) != NULL);
      /* line 0: no place (the reference gives none either) */
      FUZZ_CHECK((err.line >= 1 && err.column >= 1) || (err.line == 0 && err.column == 0));
    }
    return 0;
  }
  FUZZ_CHECK(doc != NULL);
  FUZZ_CHECK(doc->options == options);
  uint32_t count = fuzz_check_tree(doc);

  mdx_buf ocp;
  mdx_buf_init(&ocp);
  rc = mdx_ocp_encode(doc, &ocp);
  FUZZ_CHECK(rc == MDX_OK);
  check_ocp(doc, options, &ocp, count);
  mdx_buf_free(&ocp);
  mdx_doc_free(doc);
  return 0;
}
