/* C tests of the OCP reader: it walks what the encoder wrote in the same order and at
 * the same depths as the tree itself, with the expected values worked out by hand for a
 * small document; and it rejects (never crashes on) every truncation and many
 * corruptions of a real buffer. ASan/valgrind runs of this test catch any read outside. */
#include <stdlib.h>

#include "../doc.h"
#include "../ocp.h"
#include "../ocp_read.h"
#include "check.h"

static int encode(const char *src, unsigned options, mdx_doc **doc, mdx_buf *buf) {
  mdx_error err;
  if (mdx_parse(src, strlen(src), options, doc, &err) != MDX_OK) return 0;
  mdx_buf_init(buf);
  return mdx_ocp_encode(*doc, buf) == MDX_OK;
}

/* Reads the whole buffer; returns the number of records, or -1 on an error. */
static long read_all(const void *data, size_t len) {
  mdx_ocp_reader r;
  mdx_ocp_record rec;
  long count = -1;
  if (mdx_ocp_open(&r, data, len) == MDX_OK) {
    int rc;
    count = 0;
    while ((rc = mdx_ocp_next(&r, &rec)) == 1) count++; /* bounded: records */
    if (rc != 0) count = -1;
  }
  mdx_ocp_close(&r);
  return count;
}

static void test_small_document(void) {
  /* root > heading(2) > text; paragraph > [text, emphasis > text, text]; list(ordered,
   * start 3) > listItem > paragraph > link(title) > text. */
  const char *src = "## Hé\n\na *b* c\n\n3. [x](/u \"t\")\n";
  mdx_doc *doc;
  mdx_buf buf;
  CHECK(encode(src, 0, &doc, &buf));
  struct { uint32_t type, depth, start, length; } want[] = {
      {MDX_NODE_ROOT, 0, 0, 31},       {MDX_NODE_HEADING, 1, 0, 5},
      {MDX_NODE_TEXT, 2, 3, 2},        {MDX_NODE_PARAGRAPH, 1, 7, 7},
      {MDX_NODE_TEXT, 2, 7, 2},        {MDX_NODE_EMPHASIS, 2, 9, 3},
      {MDX_NODE_TEXT, 3, 10, 1},       {MDX_NODE_TEXT, 2, 12, 2},
      {MDX_NODE_LIST, 1, 16, 14},      {MDX_NODE_LIST_ITEM, 2, 16, 14},
      {MDX_NODE_PARAGRAPH, 3, 19, 11}, {MDX_NODE_LINK, 4, 19, 11},
      {MDX_NODE_TEXT, 5, 20, 1},
  };
  size_t n = sizeof want / sizeof want[0];
  mdx_ocp_reader r;
  mdx_ocp_record rec;
  CHECK_EQ_INT(mdx_ocp_open(&r, buf.data, buf.len), MDX_OK);
  CHECK_EQ_INT(r.node_count, n);
  CHECK_EQ_INT(r.source_units, 31); /* 32 bytes, é is 2 bytes and 1 unit */
  CHECK_EQ_INT(r.ascii, 0);
  for (size_t i = 0; i < n; i++) {
    CHECK_EQ_INT(mdx_ocp_next(&r, &rec), 1);
    CHECK_EQ_INT(rec.type, want[i].type);
    CHECK_EQ_INT(rec.depth, want[i].depth);
    CHECK_EQ_INT(rec.start, want[i].start);
    CHECK_EQ_INT(rec.length, want[i].length);
    if (rec.type == MDX_NODE_HEADING) CHECK_EQ_INT(rec.specific, 2);
    if (rec.type == MDX_NODE_LIST) CHECK_EQ_INT(rec.number, 3);
    if (rec.type == MDX_NODE_LINK) {
      CHECK_EQ_INT(rec.ref_count, 2); /* url "/u" (source slice at 23), title "t" */
      CHECK_EQ_INT(rec.refs[0].at, 23);
      CHECK_EQ_INT(rec.refs[0].len, 2);
      CHECK_EQ_INT(rec.refs[1].at, 27);
      CHECK_EQ_INT(rec.refs[1].len, 1);
    }
  }
  CHECK_EQ_INT(mdx_ocp_next(&r, &rec), 0);
  CHECK_EQ_INT(mdx_ocp_next(&r, &rec), 0); /* stays done */
  mdx_ocp_close(&r);
  mdx_buf_free(&buf);
  mdx_doc_free(doc);
}

/* The reader's records match a walk of the tree, for documents using every type. */
static void test_matches_tree(void) {
  const char *docs[] = {
      "---\na: 1\n---\n# t\n\n> q *e* **s** `c` ~d~\n\n- [x] i\n\n```js m\ncode\n```\n\n"
      "<div>h</div>\n\n[r]: /u \"t\"\n\n[r] ![i][r] ![a](/b) a  \nb $m$\n\n$$\nx\n$$\n\n***\n",
      "+++\nb = 2\n+++\n1) a\n2) b\n\n    indented\n\n| a | *b* |\n|:-|-:|\n| c |\n",
      "",
      "import a from 'b'\n\n<A b c=\"d\" e={f} {...g}>\n  *x* {y} <i>z</i>\n</A>\n\n<>{1}</>\n",
  };
  for (size_t d = 0; d < sizeof docs / sizeof docs[0]; d++) {
    mdx_doc *doc;
    mdx_buf buf;
    unsigned options = MDX_OPT_GFM | MDX_OPT_MATH | MDX_OPT_FRONTMATTER | (d == 3 ? MDX_OPT_MDX : 0);
    CHECK(encode(docs[d], options, &doc, &buf));
    mdx_ocp_reader r;
    mdx_ocp_record rec;
    CHECK_EQ_INT(mdx_ocp_open(&r, buf.data, buf.len), MDX_OK);
    mdx_walk walk;
    mdx_walk_init(&walk, doc->root);
    uint32_t depth = 0, count = 0, tables = 0;
    int ok = 1;
    while (mdx_walk_next(&walk)) { /* bounded: 2 steps per node */
      if (!walk.entering) {
        if (walk.node->first_child) depth--;
        continue;
      }
      count++;
      if (mdx_ocp_next(&r, &rec) != 1 || rec.type != walk.node->type || rec.depth != depth ||
          rec.has_children != (walk.node->first_child != NULL))
        ok = 0;
      if (walk.node->first_child) depth++;
      if (rec.type == MDX_NODE_MDX_JSX_FLOW_ELEMENT && rec.ref_count == 1) {
        CHECK_EQ_INT(rec.number, 4); /* b, c="d", e={f}, {...g} */
        CHECK_EQ_INT(rec.words, 5 + 7 + 7 + 5); /* 3 words each, name and value refs of 2 */
      }
      if (rec.type == MDX_NODE_TABLE) {
        /* two columns: left (1) in bits 0-1, right (2) in bits 2-3 */
        tables++;
        CHECK_EQ_INT(rec.number, 2);
        CHECK_EQ_INT(rec.words, 1);
        const uint8_t *w = r.data + rec.words_at;
        CHECK_EQ_INT(w[0], 1 | 2 << 2);
      }
    }
    CHECK(ok);
    CHECK_EQ_INT(r.node_count, count);
    if (d == 1) CHECK_EQ_INT(tables, 1);
    CHECK_EQ_INT(mdx_ocp_next(&r, &rec), 0);
    mdx_ocp_close(&r);
    mdx_buf_free(&buf);
    mdx_doc_free(doc);
  }
}

/* Every truncation fails; corrupted words fail or read consistently, never outside. */
static void test_bad_buffers(void) {
  const char *src = "# a\n\n> b *c* [d](/e \"f\")\n\n- g\n  - h\n\n`i` é\n";
  mdx_doc *doc;
  mdx_buf buf;
  CHECK(encode(src, 0, &doc, &buf));
  long full = read_all(buf.data, buf.len);
  CHECK(full > 5);
  int truncations_rejected = 1;
  for (size_t len = 0; len < buf.len; len++) {
    /* A copy of exactly `len` bytes, so ASan/valgrind see any read past it. */
    char *copy = malloc(len ? len : 1);
    if (len) memcpy(copy, buf.data, len);
    if (read_all(copy, len) != -1) truncations_rejected = 0;
    free(copy);
  }
  CHECK(truncations_rejected);
  /* Each word set to values that break bounds: the reader must stay inside. */
  const uint32_t values[] = {0, 1, 0xFFFF, 0x10000, 0x7FFFFFFF, 0xFFFFFFFF, 0x3FF, 0xFFFF0000};
  char *copy = malloc(buf.len);
  long survived = 0;
  for (size_t at = 0; at + 4 <= buf.len; at += 4) {
    for (size_t v = 0; v < sizeof values / sizeof values[0]; v++) {
      memcpy(copy, buf.data, buf.len);
      for (int b = 0; b < 4; b++) copy[at + b] = (char)(values[v] >> (8 * b));
      if (read_all(copy, buf.len) >= 0) survived++;
    }
  }
  free(copy);
  CHECK(survived > 0); /* some corruptions (e.g. of offsets) still give a consistent walk */
  CHECK_EQ_INT(read_all(NULL, 0), -1);
  mdx_buf_free(&buf);
  mdx_doc_free(doc);
}

int main(int argc, char **argv) {
  (void)argc;
  (void)argv;
  test_small_document();
  test_matches_tree();
  test_bad_buffers();
  return check_report("test-reader");
}
