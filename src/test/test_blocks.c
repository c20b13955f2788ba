/* C tests of the block phase: the tree shape and the positions of block nodes for inputs
 * where micromark (and so mdast-util-from-markdown, our reference) has a reading of its
 * own — lazy lines, container ends around blank lines, list spread, unclosed code at the
 * end of input — and pathological nesting that must stay fast and bounded.
 * Expected strings were produced by mdast-util-from-markdown; the format is
 * type[start-end] (byte offsets), d<depth> for headings, `s` for spread lists and items,
 * the value of code and html, then the children in parentheses (inlines left out). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../doc.h"
#include "../limits.h"
#include "check.h"

typedef struct out {
  char *data;
  size_t len, cap;
} out;

static void put(out *o, const char *s, size_t n) {
  if (o->len + n + 1 > o->cap) {
    size_t cap = (o->len + n + 1) * 2;
    char *d = realloc(o->data, cap);
    if (!d) return;
    o->data = d;
    o->cap = cap;
  }
  memcpy(o->data + o->len, s, n);
  o->len += n;
  o->data[o->len] = 0;
}

static void puts_(out *o, const char *s) { put(o, s, strlen(s)); }

static void put_json(out *o, mdx_str v) {
  puts_(o, "\"");
  for (uint32_t i = 0; i < v.len; i++) {
    char c = v.ptr[i];
    if (c == '"' || c == '\\') {
      char e[2] = {'\\', c};
      put(o, e, 2);
    } else if (c == '\n') {
      puts_(o, "\\n");
    } else if (c == '\r') {
      puts_(o, "\\r");
    } else if (c == '\t') {
      puts_(o, "\\t");
    } else {
      put(o, &c, 1);
    }
  }
  puts_(o, "\"");
}

/* The block tree in the format above, walked without recursion. */
static char *shape(const mdx_doc *doc) {
  out o = {NULL, 0, 0};
  mdx_walk walk;
  mdx_walk_init(&walk, doc->root);
  while (mdx_walk_next(&walk)) {
    const mdx_node *n = walk.node;
    int leaf = n->type == MDX_NODE_PARAGRAPH || n->type == MDX_NODE_HEADING;
    if (walk.entering) {
      char buf[64];
      if (n->prev) puts_(&o, " ");
      puts_(&o, mdx_node_type_name(n->type));
      snprintf(buf, sizeof buf, "[%u-%u]", n->start, n->end);
      puts_(&o, buf);
      if (n->type == MDX_NODE_HEADING) {
        snprintf(buf, sizeof buf, "d%d", n->num);
        puts_(&o, buf);
      }
      if ((n->type == MDX_NODE_LIST || n->type == MDX_NODE_LIST_ITEM) &&
          (n->flags & MDX_FLAG_SPREAD))
        puts_(&o, "s");
      if (n->type == MDX_NODE_CODE || n->type == MDX_NODE_HTML) put_json(&o, n->value);
      if (leaf) {
        walk.entering = 0; /* skip the inlines */
        continue;
      }
      if (n->first_child) puts_(&o, "(");
    } else if (!leaf && n->first_child) {
      puts_(&o, ")");
    }
  }
  return o.data;
}

static const struct {
  const char *input, *expected;
} cases[] = {
    {"> a\nb",
     "root[0-5](blockquote[0-5](paragraph[2-5]))"},
    {"> a\n- b",
     "root[0-7](blockquote[0-3](paragraph[2-3]) list[4-7](listItem[4-7](paragraph[6-7])))"},
    {"- a\n\n- b\n\n\nc",
     "root[0-12](list[0-8]s(listItem[0-3](paragraph[2-3]) listItem[5-8](paragraph[7-8])) paragraph[11-12])"},
    {"- a\n  > b\n\n  c\nd",
     "root[0-16](list[0-16](listItem[0-16]s(paragraph[2-3] blockquote[6-9](paragraph[8-9]) paragraph[13-16])))"},
    {"```\na\n",
     "root[0-6](code[0-6]\"a\")"},
    {"> ```\n> a\n",
     "root[0-10](blockquote[0-9](code[2-9]\"a\"))"},
    {"- ```\n  a\n\nb",
     "root[0-12](list[0-10](listItem[0-10](code[2-10]\"a\")) paragraph[11-12])"},
    {"- ```\n  a\n\n\n- b",
     "root[0-15](list[0-15](listItem[0-14](code[2-12]\"a\\n\\n\") listItem[12-15](paragraph[14-15])))"},
    {"> - a\n> > b",
     "root[0-11](blockquote[0-11](list[2-8](listItem[2-5](paragraph[4-5])) blockquote[8-11](paragraph[10-11])))"},
    {"> - a\n>\n> > b",
     "root[0-13](blockquote[0-13](list[2-10]s(listItem[2-5](paragraph[4-5])) blockquote[10-13](paragraph[12-13])))"},
    {"    a\n\n\n",
     "root[0-8](code[0-5]\"a\")"},
    {"    a\n      \nb",
     "root[0-14](code[0-12]\"a\\n  \" paragraph[13-14])"},
    {"\n    \n    foo\n    \n\n",
     "root[0-20](code[6-18]\"foo\")"},
    {"    code\n2. b",
     "root[0-13](code[0-8]\"code\" paragraph[9-13])"},
    {"> a\n2. b",
     "root[0-8](blockquote[0-3](paragraph[2-3]) list[4-8](listItem[4-8](paragraph[7-8])))"},
    {"a\n> 2. b",
     "root[0-8](paragraph[0-1] blockquote[2-8](paragraph[4-8]))"},
    {"[a]: b\nc\n===",
     "root[0-12](definition[0-6] heading[0-12]d1)"},
    {"[a]: b\n===",
     "root[0-10](definition[0-6] paragraph[7-10])"},
    {"> a\n<span>\n\nb",
     "root[0-13](blockquote[0-10](paragraph[2-3] html[4-10]\"<span>\") paragraph[12-13])"},
    {"1. a\n<span>\n<pre>\n\nb",
     "root[0-20](list[0-11](listItem[0-11](paragraph[3-4] html[5-11]\"<span>\")) html[12-20]\"<pre>\\n\\nb\")"},
    {"> a\n<span>",
     "root[0-10](blockquote[0-3](paragraph[2-3]) html[4-10]\"<span>\")"},
    {"> # a\n    b\n    c\n10. c",
     "root[0-23](blockquote[0-5](heading[2-5]d1) code[6-11]\"b\" code[12-17]\"c\" paragraph[18-23])"},
    {"> ```\n> a\n>",
     "root[0-11](blockquote[0-11](code[2-10]\"a\"))"},
    {">1. >\n>",
     "root[0-7](blockquote[0-7](list[1-7](listItem[1-7](blockquote[4-7]))))"},
    {"<!--\na\n",
     "root[0-7](html[0-7]\"<!--\\na\\n\")"},
    {"<div>\r\n a\r\n",
     "root[0-11](html[0-9]\"<div>\\r\\n a\")"},
    {"-\n\n  a",
     "root[0-6](list[0-1](listItem[0-1]) paragraph[5-6])"},
    {"- >\n\n  b",
     "root[0-8](list[0-8](listItem[0-8]s(blockquote[2-3] paragraph[7-8])))"},
    {"- - a\n\n  b",
     "root[0-10](list[0-10](listItem[0-10]s(list[2-5](listItem[2-5](paragraph[4-5])) paragraph[9-10])))"},
    {"1.  a\n\n    b\n\n\n2. c",
     "root[0-19](list[0-19]s(listItem[0-12]s(paragraph[4-5] paragraph[11-12]) listItem[15-19](paragraph[18-19])))"},
    {"-\tfoo",
     "root[0-5](list[0-5](listItem[0-5](paragraph[2-5])))"},
    {">\t\tfoo",
     "root[0-6](blockquote[0-6](code[2-6]\"  foo\"))"},
    {"  - a\n\n    b\n\n",
     "root[0-14](list[2-12](listItem[2-12]s(paragraph[4-5] paragraph[11-12])))"},
    {"* a\n*\n\n* c",
     "root[0-10](list[0-10]s(listItem[0-3](paragraph[2-3]) listItem[4-5] listItem[7-10](paragraph[9-10])))"},
    {"- a\n - b\n  - c\n   - d\n    - e",
     "root[0-29](list[0-29](listItem[0-3](paragraph[2-3]) listItem[5-8](paragraph[7-8]) listItem[11-14](paragraph[13-14]) listItem[18-29](paragraph[20-29])))"},
};

static void test_shapes(void) {
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    mdx_doc *doc = NULL;
    mdx_error err;
    CHECK(mdx_parse(cases[i].input, strlen(cases[i].input), 0, &doc, &err) == MDX_OK);
    if (!doc) continue;
    char *got = shape(doc);
    int same = got && strcmp(got, cases[i].expected) == 0;
    CHECK(same);
    if (!same)
      fprintf(stderr, "  input %zu: got      %s\n  expected          %s\n", i,
              got ? got : "(null)", cases[i].expected);
    free(got);
    mdx_doc_free(doc);
  }
}

/* Builds `count` copies of `unit` followed by `tail`. */
static char *repeat(const char *unit, size_t count, const char *tail, size_t *len) {
  size_t u = strlen(unit), t = strlen(tail);
  char *s = malloc(u * count + t + 1);
  if (!s) return NULL;
  for (size_t i = 0; i < count; i++) memcpy(s + i * u, unit, u);
  memcpy(s + u * count, tail, t + 1);
  *len = u * count + t;
  return s;
}

/* Depth of the deepest container (block quote or list item) in the tree. */
static size_t container_depth(const mdx_doc *doc) {
  size_t depth = 0, best = 0;
  mdx_walk walk;
  mdx_walk_init(&walk, doc->root);
  while (mdx_walk_next(&walk)) {
    int t = walk.node->type;
    if (t != MDX_NODE_BLOCKQUOTE && t != MDX_NODE_LIST_ITEM) continue;
    if (walk.entering) {
      if (++depth > best) best = depth;
    } else {
      depth--;
    }
  }
  return best;
}

static void test_pathological(void) {
  static const struct {
    const char *unit, *tail;
    size_t count;
  } shapes[] = {
      {"> ", "a\n", 5000},       {"- ", "a\n", 5000},      {"- * ", "a\n", 3000},
      {"1. ", "a\n", 3000},      {"> - ", "a\nb\n", 3000}, {"- a\n\n", "", 20000},
      {"\n", "x", 50000},        {"    a\n\n", "", 10000}, {"> ", "```\n", 3000},
  };
  for (size_t i = 0; i < sizeof shapes / sizeof shapes[0]; i++) {
    size_t len;
    char *s = repeat(shapes[i].unit, shapes[i].count, shapes[i].tail, &len);
    if (!s) continue;
    mdx_doc *doc = NULL;
    mdx_error err;
    CHECK(mdx_parse(s, len, 0, &doc, &err) == MDX_OK);
    if (doc) CHECK(container_depth(doc) <= MDX_MAX_BLOCK_DEPTH);
    mdx_doc_free(doc);
    free(s);
  }
  /* Many blank lines inside many nested lists: each blank line costs O(1). */
  size_t n = 0;
  char *s = malloc(1000 * 1002 + 200000 + 4);
  if (!s) return;
  for (size_t i = 0; i < 900; i++) {
    memset(s + n, ' ', 2 * i);
    n += 2 * i;
    memcpy(s + n, "- a\n", 4);
    n += 4;
  }
  memset(s + n, '\n', 200000);
  n += 200000;
  memcpy(s + n, "x\n", 3);
  n += 2;
  mdx_doc *doc = NULL;
  mdx_error err;
  CHECK(mdx_parse(s, n, 0, &doc, &err) == MDX_OK);
  if (doc) CHECK_EQ_INT(container_depth(doc), 900);
  mdx_doc_free(doc);
  free(s);
}

/* MDX: a flow group that turns out to be followed by text is read again line by line as
 * flow (blocks.c, mdx_group_fail), as micromark does. */
static void test_mdx_group_fail(void) {
  static const struct {
    const char *input;
    uint32_t line, column;
  } errors[] = {
      /* its second line, read again, starts a tag that fails */
      {"<a t=\"a\n<a.>\nb\"> c\n", 2, 4},
      /* a heading ends the paragraph, a group starts after it and fails in turn: its
       * lines are read again too (a rewind), where `<d.>` fails */
      {"<a t='\n# h\n<b c=\"\n\"> x\n<d.>\n'> y\n", 5, 4},
      {"- <a t=\"x\n\n  <a.>\n  \"> c", 3, 6},
      /* whether a tag interrupts a footnote's paragraph is read ahead, over a line that
       * is lazy: not indented 4 columns (mdx_line_continues) */
      {"[^1]: a\n    <b t=\"c\nd\"> e\n", 3, 1},
  };
  for (size_t i = 0; i < sizeof errors / sizeof errors[0]; i++) {
    mdx_doc *doc = NULL;
    mdx_error err;
    int rc = mdx_parse(errors[i].input, strlen(errors[i].input), MDX_OPT_ALL, &doc, &err);
    CHECK_EQ_INT(rc, MDX_ESYNTAX);
    if (rc != MDX_ESYNTAX) {
      mdx_doc_free(doc);
      continue;
    }
    CHECK_EQ_INT(err.line, errors[i].line);
    CHECK_EQ_INT(err.column, errors[i].column);
  }
  /* Groups that each start in the one before and stay open to the last line: reading
   * each again would be quadratic; past the budget the rest become a paragraph. The
   * first group's paragraph ends with the expression unclosed either way. */
  size_t len;
  char *body = repeat("# h\n{/*\n", 20000, "*/} x\n", &len);
  char *s = body ? malloc(len + 5) : NULL;
  free(s ? NULL : body);
  if (!s) return;
  memcpy(s, "{/*\n", 4); /* then the lines "# h" and "{/" "*" in turn, and the last */
  memcpy(s + 4, body, len + 1);
  free(body);
  len += 4;
  mdx_doc *doc = NULL;
  mdx_error err;
  CHECK_EQ_INT(mdx_parse(s, len, MDX_OPT_ALL, &doc, &err), MDX_ESYNTAX);
  CHECK_EQ_INT(err.line, 1);
  CHECK_EQ_INT(err.column, 4);
  mdx_doc_free(doc);
  free(s);
}

int main(void) {
  test_shapes();
  test_pathological();
  test_mdx_group_fail();
  return check_report("test-blocks");
}
