/* C tests of the GFM table scanners (gfm_table.c) and of table shapes. Expected values
 * follow micromark-extension-gfm-table's tokenizer and resolver, checked against
 * mdast-util-from-markdown with mdast-util-gfm-table (test/gfm-table.test.js compares
 * whole trees with the reference). */
#include <stdint.h>
#include <string.h>

#include "../doc.h"
#include "../gfm_table.h"
#include "check.h"

static uint32_t head(const char *s) { return mdx_table_head_cells(s, 0, (uint32_t)strlen(s)); }

static uint32_t delim(const char *s, uint8_t *align) {
  return mdx_table_delimiter(s, 0, (uint32_t)strlen(s), align);
}

static void test_head_cells(void) {
  CHECK_EQ_INT(head("| a |"), 1);
  CHECK_EQ_INT(head("a"), 1);          /* no pipe at all: one cell */
  CHECK_EQ_INT(head("|"), 0);          /* a lone pipe is no head row */
  CHECK_EQ_INT(head("|  "), 0);
  CHECK_EQ_INT(head("| |"), 1);
  CHECK_EQ_INT(head("||"), 1);
  CHECK_EQ_INT(head("|||"), 2);
  CHECK_EQ_INT(head("a|b"), 2);
  CHECK_EQ_INT(head("a|"), 1);
  CHECK_EQ_INT(head("|a"), 1);
  CHECK_EQ_INT(head("a\\|b"), 1);      /* escaped pipe */
  CHECK_EQ_INT(head("a\\\\|b"), 2);    /* escaped backslash, then a pipe */
  CHECK_EQ_INT(head("| a | b |  "), 2);
  CHECK_EQ_INT(head("`a|b`"), 2);      /* code does not protect pipes */
}

static void test_delimiters(void) {
  uint8_t a[8];
  CHECK_EQ_INT(delim("| - |", NULL), 1);
  CHECK_EQ_INT(delim("-|-", NULL), 2);
  CHECK_EQ_INT(delim(":-", a), 1);
  CHECK_EQ_INT(a[0], MDX_ALIGN_LEFT);
  CHECK_EQ_INT(delim("-", NULL), 0);   /* no `|` or `:`: a setext underline */
  CHECK_EQ_INT(delim("---", NULL), 0);
  CHECK_EQ_INT(delim("| :-: | -: | :-- | - |", a), 4);
  CHECK_EQ_INT(a[0], MDX_ALIGN_CENTER);
  CHECK_EQ_INT(a[1], MDX_ALIGN_RIGHT);
  CHECK_EQ_INT(a[2], MDX_ALIGN_LEFT);
  CHECK_EQ_INT(a[3], MDX_ALIGN_NONE);
  CHECK_EQ_INT(delim("| - - |", NULL), 0);
  CHECK_EQ_INT(delim("| - || - |", NULL), 0); /* empty delimiter cell */
  CHECK_EQ_INT(delim("|:|", NULL), 0);
  CHECK_EQ_INT(delim("|::|", NULL), 0);
  CHECK_EQ_INT(delim("| - |  ", NULL), 1);
  CHECK_EQ_INT(delim("|-|-|", NULL), 2);
  CHECK_EQ_INT(delim("-:|", NULL), 1);
  CHECK_EQ_INT(delim("|", NULL), 0);
  CHECK_EQ_INT(delim("| x |", NULL), 0);
}

/* Cell ranges: a leading pipe belongs to the first cell, later pipes start cells, a last
 * pipe with only whitespace after it ends the last one. */
static void test_cells(void) {
  static const struct {
    const char *row;
    const char *cells; /* start-end of each cell, offsets in the row */
  } cases[] = {
      {"| a | | b |", "0-4 4-6 6-11"},
      {"||", "0-2"},
      {"|", "0-1"},
      {"|||", "0-1 1-3"},
      {"a | b", "0-2 2-5"},
      {"|  a  |  ", "0-9"},
      {"\\|a\\||b", "0-5 5-7"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char src[64];
    /* head + delimiter rows of one column, then the row under test */
    int n = snprintf(src, sizeof src, "| h |\n| - |\n%s", cases[i].row);
    mdx_doc *doc = NULL;
    mdx_error err;
    CHECK(mdx_parse(src, (size_t)n, MDX_OPT_GFM, &doc, &err) == MDX_OK);
    if (!doc) continue;
    const mdx_node *table = doc->root->first_child;
    CHECK(table && table->type == MDX_NODE_TABLE);
    const mdx_node *row = table && table->first_child ? table->first_child->next : NULL;
    CHECK(row && row->type == MDX_NODE_TABLE_ROW);
    char got[64] = "";
    size_t at = 0;
    for (const mdx_node *c = row ? row->first_child : NULL; c && at < sizeof got - 16; c = c->next)
      at += (size_t)snprintf(got + at, sizeof got - at, "%s%u-%u", at ? " " : "", c->start - 12,
                             c->end - 12);
    int same = strcmp(got, cases[i].cells) == 0;
    CHECK(same);
    if (!same) fprintf(stderr, "  row %zu: got %s, expected %s\n", i, got, cases[i].cells);
    mdx_doc_free(doc);
  }
}

/* MDX: after a table, a line with a flow group (a tag or expression alone, even over
 * lines) ends it; one that fails (text after it) is a body row. Indentation is no
 * indented code: a delimiter row or head row may be indented 4 columns. */
static void test_mdx(void) {
  static const struct {
    const char *src;
    int rows; /* of the first child, a table */
    int after; /* node type after the table, or -1 */
  } cases[] = {
      {"| a |\n| - |\n{d}\n", 1, MDX_NODE_MDX_FLOW_EXPRESSION},
      {"| a |\n| - |\n<d\n/>\n", 1, MDX_NODE_MDX_JSX_FLOW_ELEMENT},
      {"| a |\n| - |\n<d /> x\n", 2, -1},
      {"| a |\n| - |\n{a} {b}\n", 2, -1},
      {"| a |\n      | - |\n", 1, -1},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    mdx_doc *doc = NULL;
    mdx_error err;
    CHECK(mdx_parse(cases[i].src, strlen(cases[i].src), MDX_OPT_GFM | MDX_OPT_MDX, &doc, &err) ==
          MDX_OK);
    if (!doc) continue;
    const mdx_node *table = doc->root->first_child;
    CHECK(table && table->type == MDX_NODE_TABLE);
    int rows = 0;
    for (const mdx_node *r = table ? table->first_child : NULL; r; r = r->next) rows++;
    CHECK_EQ_INT(rows, cases[i].rows);
    const mdx_node *after = table ? table->next : NULL;
    CHECK_EQ_INT(after ? (int)after->type : -1, cases[i].after);
    mdx_doc_free(doc);
  }
}

int main(void) {
  test_head_cells();
  test_delimiters();
  test_cells();
  test_mdx();
  return check_report("test-tables");
}
