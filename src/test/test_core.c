/* C tests of the core: input normalisation, positions, arena, tree walk, parse entry.
 * Each expected value below is worked out by hand from the rule it tests. */
#include <stdlib.h>

#include "../doc.h"
#include "../input.h"
#include "../mdx_syntax.h"
#include "../position.h"
#include "check.h"

static void test_normalize(void) {
  jmp_buf jb;
  mdx_arena arena;
  mdx_arena_init(&arena, &jb);
  if (setjmp(jb)) {
    CHECK(!"out of memory in test");
    mdx_arena_free(&arena);
    return;
  }
  uint32_t len;
  int ascii;
  const char *out = mdx_input_normalize(&arena, "abc", 3, &len, &ascii);
  CHECK_EQ_MEM(out, len, "abc");
  CHECK_EQ_INT(ascii, 1);
  /* BOM dropped */
  out = mdx_input_normalize(&arena, "\xEF\xBB\xBFx", 4, &len, &ascii);
  CHECK_EQ_MEM(out, len, "x");
  /* NUL becomes U+FFFD */
  out = mdx_input_normalize(&arena, "a\0b", 3, &len, &ascii);
  CHECK_EQ_MEM(out, len, "a\xEF\xBF\xBD" "b");
  CHECK_EQ_INT(ascii, 0);
  /* A lone continuation byte: one replacement. */
  out = mdx_input_normalize(&arena, "a\x80z", 3, &len, &ascii);
  CHECK_EQ_MEM(out, len, "a\xEF\xBF\xBDz");
  /* A truncated 3-byte sequence (E2 82) is one maximal subpart: one replacement. */
  out = mdx_input_normalize(&arena, "\xE2\x82z", 3, &len, &ascii);
  CHECK_EQ_MEM(out, len, "\xEF\xBF\xBDz");
  /* Overlong C0 80 is two invalid bytes (C0 is never valid): two replacements. */
  out = mdx_input_normalize(&arena, "\xC0\x80", 2, &len, &ascii);
  CHECK_EQ_MEM(out, len, "\xEF\xBF\xBD\xEF\xBF\xBD");
  /* Surrogate ED A0 80: ED's second byte must be 80..9F, so three replacements. */
  out = mdx_input_normalize(&arena, "\xED\xA0\x80", 3, &len, &ascii);
  CHECK_EQ_MEM(out, len, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  /* Valid 4-byte sequence kept. */
  out = mdx_input_normalize(&arena, "\xF0\x9F\x98\x80", 4, &len, &ascii);
  CHECK_EQ_MEM(out, len, "\xF0\x9F\x98\x80");
  /* Empty input. */
  out = mdx_input_normalize(&arena, "", 0, &len, &ascii);
  CHECK_EQ_INT(len, 0);
  mdx_arena_free(&arena);
}

static void test_positions(void) {
  jmp_buf jb;
  mdx_arena arena;
  mdx_arena_init(&arena, &jb);
  if (setjmp(jb)) {
    CHECK(!"out of memory in test");
    mdx_arena_free(&arena);
    return;
  }
  /* "a\r\nb\rc\n" then an emoji (2 UTF-16 units, 4 bytes) and "d". */
  const char *src = "a\r\nb\rc\n\xF0\x9F\x98\x80" "d";
  mdx_posmap map;
  mdx_posmap_build(&map, &arena, src, 12, 0);
  CHECK_EQ_INT(map.line_count, 4);
  mdx_point p = mdx_posmap_point(&map, 3); /* 'b' */
  CHECK_EQ_INT(p.line, 2);
  CHECK_EQ_INT(p.column, 1);
  CHECK_EQ_INT(p.offset, 3);
  p = mdx_posmap_point(&map, 5); /* 'c' after a lone CR */
  CHECK_EQ_INT(p.line, 3);
  CHECK_EQ_INT(p.column, 1);
  p = mdx_posmap_point(&map, 11); /* 'd' after the emoji */
  CHECK_EQ_INT(p.line, 4);
  CHECK_EQ_INT(p.column, 3);
  CHECK_EQ_INT(p.offset, 9);
  p = mdx_posmap_point(&map, 12); /* end */
  CHECK_EQ_INT(p.offset, 10);
  CHECK_EQ_INT(mdx_utf16_length("\xC3\xA9\xF0\x9F\x98\x80", 6), 3);
  mdx_arena_free(&arena);
}

/* UTF-16 offsets across checkpoint blocks: ASCII blocks are counted without a scan,
 * mixed blocks are scanned; both must agree with a plain count. */
static void test_utf16_index(void) {
  char src[300];
  for (int i = 0; i < 300; i++) src[i] = 'a';
  memcpy(src + 100, "\xC3\xA9", 2);         /* é: 2 bytes, 1 unit */
  memcpy(src + 200, "\xF0\x9F\x98\x80", 4); /* emoji: 4 bytes, 2 units */
  mdx_u16index index;
  CHECK(mdx_u16index_init(&index, src, 300, 0));
  CHECK_EQ_INT(mdx_u16index_at(&index, 64), 64);   /* block 0 is ASCII */
  CHECK_EQ_INT(mdx_u16index_at(&index, 100), 100);
  CHECK_EQ_INT(mdx_u16index_at(&index, 102), 101); /* after é */
  CHECK_EQ_INT(mdx_u16index_at(&index, 150), 149);
  /* é saves 1 unit over its 2 bytes, the emoji 2 over its 4: 204 - 1 - 2. */
  CHECK_EQ_INT(mdx_u16index_at(&index, 204), 201);
  CHECK_EQ_INT(mdx_u16index_at(&index, 300), 297);
  CHECK_EQ_INT(mdx_utf16_length(src, 300), 297);
  mdx_u16index_free(&index);
}

static void test_arena_grows(void) {
  jmp_buf jb;
  mdx_arena arena;
  mdx_arena_init(&arena, &jb);
  if (setjmp(jb)) {
    CHECK(!"out of memory in test");
    mdx_arena_free(&arena);
    return;
  }
  /* Many small and one large allocation: all usable, all zeroed. */
  int all_zeroed = 1;
  for (int i = 0; i < 10000; i++) {
    char *p = mdx_arena_alloc(&arena, 40);
    all_zeroed &= p[0] == 0 && p[39] == 0;
    p[0] = p[39] = 1;
  }
  CHECK(all_zeroed);
  char *big = mdx_arena_alloc(&arena, 1 << 20);
  CHECK(big[(1 << 20) - 1] == 0);
  CHECK(((uintptr_t)big & 7) == 0);
  mdx_arena_free(&arena);
}

static void test_walk(void) {
  jmp_buf jb;
  mdx_arena arena;
  mdx_arena_init(&arena, &jb);
  if (setjmp(jb)) {
    CHECK(!"out of memory in test");
    mdx_arena_free(&arena);
    return;
  }
  mdx_node *root = mdx_node_new(&arena, MDX_NODE_ROOT, 0, 0);
  mdx_node *para = mdx_node_new(&arena, MDX_NODE_PARAGRAPH, 0, 0);
  mdx_node *text = mdx_node_new(&arena, MDX_NODE_TEXT, 0, 0);
  mdx_node *brk = mdx_node_new(&arena, MDX_NODE_THEMATIC_BREAK, 0, 0);
  mdx_node_append(root, para);
  mdx_node_append(para, text);
  mdx_node_append(root, brk);
  /* Expected events: +root +para +text -text -para +brk -brk -root */
  const int types[] = {1, 2, 11, 11, 2, 4, 4, 1};
  const int entering[] = {1, 1, 1, 0, 0, 1, 0, 0};
  mdx_walk walk;
  mdx_walk_init(&walk, root);
  int i = 0;
  while (mdx_walk_next(&walk) && i < 8) {
    CHECK_EQ_INT(walk.node->type, types[i]);
    CHECK_EQ_INT(walk.entering, entering[i]);
    i++;
  }
  CHECK_EQ_INT(i, 8);
  CHECK(!mdx_walk_next(&walk));
  mdx_arena_free(&arena);
}

static void test_parse_entry(void) {
  mdx_doc *doc = NULL;
  mdx_error err;
  CHECK_EQ_INT(mdx_parse("", 0, 0, &doc, &err), MDX_OK);
  CHECK(doc && doc->root && doc->root->type == MDX_NODE_ROOT && !doc->root->first_child);
  mdx_doc_free(doc);
  CHECK_EQ_INT(mdx_parse(NULL, 0, 0, &doc, &err), MDX_OK);
  mdx_doc_free(doc);
  mdx_doc_free(NULL); /* harmless */
}

/* MDX: a flow element with its attributes and children; syntax errors report where and
 * why, and leave nothing behind (the error jumps out of the parse; valgrind checks). */
static void test_mdx(void) {
  mdx_doc *doc = NULL;
  mdx_error err;
  const char *src = "<a.b c d=\"&amp;\" e={f} {...g}>\n\nh {i} <j/>\n\n</a.b>\n";
  CHECK_EQ_INT(mdx_parse(src, strlen(src), MDX_OPT_MDX, &doc, &err), MDX_OK);
  mdx_node *el = doc ? doc->root->first_child : NULL;
  CHECK(el && el->type == MDX_NODE_MDX_JSX_FLOW_ELEMENT && !el->next);
  if (el) {
    CHECK(el->url.len == 3 && memcmp(el->url.ptr, "a.b", 3) == 0);
    CHECK_EQ_INT(el->num, 4); /* attributes */
    CHECK_EQ_INT(el->start, 0);
    CHECK_EQ_INT(el->end, strlen(src) - 1);
    const mdx_node *a = el->attrs;
    int kinds[4] = {MDX_ATTR_BOOLEAN, MDX_ATTR_STRING, MDX_ATTR_EXPRESSION, MDX_ATTR_SPREAD};
    for (int k = 0; k < 4 && a; k++, a = a->next) CHECK_EQ_INT(a->num, kinds[k]);
    a = el->attrs->next; /* d="&amp;": decoded */
    CHECK(a->title.len == 1 && a->title.ptr[0] == '&');
    CHECK_EQ_INT(a->start, 7); /* d="&amp;" is [7, 16) */
    CHECK_EQ_INT(a->end, 16);
    const mdx_node *p = el->first_child;
    CHECK(p && p->type == MDX_NODE_PARAGRAPH && !p->next);
    if (p) {
      const mdx_node *t = p->first_child;
      CHECK(t && t->type == MDX_NODE_TEXT && t->next && t->next->type == MDX_NODE_MDX_TEXT_EXPRESSION);
      CHECK(p->last_child && p->last_child->type == MDX_NODE_MDX_JSX_TEXT_ELEMENT);
    }
  }
  mdx_doc_free(doc);
  /* `<3`: the reference's message, at the `3`: line 2, column 5, offset 6. */
  const char *bad = "x\nab <3";
  CHECK_EQ_INT(mdx_parse(bad, strlen(bad), MDX_OPT_MDX, &doc, &err), MDX_ESYNTAX);
  CHECK(doc == NULL);
  CHECK_EQ_INT(err.line, 2);
  CHECK_EQ_INT(err.column, 5);
  CHECK_EQ_INT(err.offset, 6);
  CHECK(strcmp(err.rule_id, "unexpected-character") == 0);
  CHECK(strstr(err.reason, "Unexpected character `3` (U+0033) before name, expected") == err.reason);
  /* A tag open at the end: no place. */
  CHECK_EQ_INT(mdx_parse("<a>", 3, MDX_OPT_MDX, &doc, &err), MDX_ESYNTAX);
  CHECK(err.line == 0 && err.column == 0);
  CHECK(strcmp(err.reason, "Expected a closing tag for `<a>` (1:1-1:4)") == 0);
  /* The same documents as Markdown are fine. */
  CHECK_EQ_INT(mdx_parse(bad, strlen(bad), 0, &doc, &err), MDX_OK);
  mdx_doc_free(doc);
}

/* The value of the first expression (flow, text or attribute) in `src` as MDX. */
static int first_expression(const char *src, mdx_doc **doc, mdx_str *value) {
  mdx_error err;
  if (mdx_parse(src, strlen(src), MDX_OPT_MDX, doc, &err) != MDX_OK) return 0;
  mdx_walk walk;
  mdx_walk_init(&walk, (*doc)->root);
  while (mdx_walk_next(&walk)) { /* bounded: the tree */
    const mdx_node *n = walk.node;
    if (n->type == MDX_NODE_MDX_FLOW_EXPRESSION || n->type == MDX_NODE_MDX_TEXT_EXPRESSION) {
      *value = n->value;
      return 1;
    }
    if (n->type != MDX_NODE_MDX_JSX_FLOW_ELEMENT && n->type != MDX_NODE_MDX_JSX_TEXT_ELEMENT)
      continue;
    for (const mdx_node *a = n->attrs; a; a = a->next) /* bounded: the attributes */
      if (a->num == MDX_ATTR_EXPRESSION || a->num == MDX_ATTR_SPREAD) {
        *value = a->title;
        return 1;
      }
  }
  return 0;
}

/* Tabs on an expression's continuation lines (micromark's model, mdx_expr_line): a tab is
 * a tab and virtual spaces to the next multiple of 4 columns; container prefixes and the
 * expression's two codes of prefix use some, the rest are spaces in the value. The
 * values are the reference's (test/mdx-reference.test.js compares them at test time). */
static void test_mdx_tabs(void) {
  static const char *const cases[][2] = {
      {"{\n\ta\n}", "\n  a\n"},
      {"{\n\t\ta\n}", "\n  \ta\n"},
      {"{\n \ta\n}", "\n  a\n"},
      {"{\n  \ta\n}", "\n\ta\n"},
      {"{\n   \ta\n}", "\n \ta\n"},
      {"{\r\n\ta\r\n}", "\r\n  a\r\n"},
      {"{a\n\t}", "a\n  "},
      {"x {\n\ta\n}", "\n  a\n"},
      {"<a b={\n\tc\n} />", "\n  c\n"},
      {"<a {...\n\tb} />", "...\n  b"},
      {"> {\n>\ta\n> }", "\na\n"},
      {">\t{\n>\t\ta\n>\t}", "\n\ta\n"},
      {"> x {\n\ta\n> }", "\n  a\n"},
      {"> - x {\n> \t\ta\n>   }", "\n  a\n"},
      {"- {\n\t a\n  }", "\n a\n"},
      {"- {\n\t\ta\n  }", "\n\ta\n"},
      {"- x <a b={\n\t c\n  } /> y", "\n c\n"},
      {"1. {\n\t a\n   }", "\na\n"},
  };
  for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) { /* bounded: the table */
    mdx_doc *doc = NULL;
    mdx_str v = {NULL, 0};
    int found = first_expression(cases[k][0], &doc, &v);
    if (!found) fprintf(stderr, "case %zu: no expression\n", k);
    CHECK(found);
    if (found) CHECK_EQ_MEM(v.ptr, v.len, cases[k][1]);
    mdx_doc_free(doc);
  }
  /* An unparsed value's end: at the end of the last piece before its last `}`, the
   * line's start here (line 2, column 1), not past the stripped prefix. */
  mdx_doc *doc = NULL;
  mdx_error err;
  CHECK_EQ_INT(mdx_parse("{a +\n  }", 8, MDX_OPT_MDX, &doc, &err), MDX_ESYNTAX);
  CHECK_EQ_INT(err.line, 2);
  CHECK_EQ_INT(err.column, 1);
  /* A tab's virtual spaces take no source: the end is just past the tab. */
  CHECK_EQ_INT(mdx_parse("{a +\n \t}", 8, MDX_OPT_MDX, &doc, &err), MDX_ESYNTAX);
  CHECK_EQ_INT(err.line, 2);
  CHECK_EQ_INT(err.column, 3);
}

int main(int argc, char **argv) {
  (void)argc;
  (void)argv;
  test_normalize();
  test_positions();
  test_utf16_index();
  test_arena_grows();
  test_walk();
  test_parse_entry();
  test_mdx();
  test_mdx_tabs();
  return check_report("test-core");
}
