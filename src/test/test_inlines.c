/* C tests of the inline phase's building blocks: named references, string decoding,
 * label normalisation, character classes, and a few whole parses (including the
 * pathological shapes, which must finish quickly and cleanly under ASan and valgrind).
 * The spec examples themselves are checked against the reference by
 * test/tools/compare-mdast.mjs. Expected values come from micromark's behaviour. */
#include <stdlib.h>
#include <string.h>

#include "../doc.h"
#include "../entities.h"
#include "../refs.h"
#include "../scan.h"
#include "../text.h"
#include "check.h"

static void test_entities(void) {
  mdx_str v = mdx_entity_lookup("amp", 3);
  CHECK_EQ_MEM(v.ptr, v.len, "&");
  v = mdx_entity_lookup("AElig", 5);
  CHECK_EQ_MEM(v.ptr, v.len, "\xC3\x86");
  v = mdx_entity_lookup("CounterClockwiseContourIntegral", 31);
  CHECK_EQ_MEM(v.ptr, v.len, "\xE2\x88\xB3");
  v = mdx_entity_lookup("ngE", 3); /* two code points */
  CHECK_EQ_MEM(v.ptr, v.len, "\xE2\x89\xA7\xCC\xB8");
  CHECK(mdx_entity_lookup("am", 2).ptr == NULL);
  CHECK(mdx_entity_lookup("bogus", 5).ptr == NULL);
  CHECK(mdx_entity_lookup("AMPx", 4).ptr == NULL);
}

static mdx_doc *empty_doc(void) {
  mdx_doc *doc;
  mdx_error err;
  if (mdx_parse("", 0, 0, &doc, &err) != MDX_OK) return NULL;
  return doc;
}

static void test_decode(void) {
  mdx_doc *doc = empty_doc();
  CHECK(doc != NULL);
  if (!doc) return;
  if (setjmp(doc->on_oom)) {
    CHECK(!"out of memory in test");
    mdx_doc_free(doc);
    return;
  }
  const char *plain = "no escapes";
  mdx_str s = mdx_decode_string(doc, plain, (uint32_t)strlen(plain));
  CHECK(s.ptr == plain); /* nothing to decode: no copy */
  const char *in = "a\\*b\\q&amp;&#65;&#x42;&#0;&bogus;&#12345678;&#x110000;";
  s = mdx_decode_string(doc, in, (uint32_t)strlen(in));
  CHECK_EQ_MEM(s.ptr, s.len,
               "a*b\\q&AB\xEF\xBF\xBD&bogus;&#12345678;\xEF\xBF\xBD");
  /* Control characters and noncharacters become U+FFFD; tab and line feed do not. */
  in = "&#9;&#10;&#11;&#x7F;&#xFFFE;&#xD800;";
  s = mdx_decode_string(doc, in, (uint32_t)strlen(in));
  CHECK_EQ_MEM(s.ptr, s.len, "\t\n\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  mdx_doc_free(doc);
}

static void test_normalize(void) {
  mdx_doc *doc = empty_doc();
  CHECK(doc != NULL);
  if (!doc) return;
  if (setjmp(doc->on_oom)) {
    CHECK(!"out of memory in test");
    mdx_doc_free(doc);
    return;
  }
  mdx_str s = mdx_label_normalize(doc, "  Foo\n\t bar  ", 13);
  CHECK_EQ_MEM(s.ptr, s.len, "FOO BAR");
  s = mdx_label_normalize(doc, "\xC3\x9F", 2); /* ß → SS */
  CHECK_EQ_MEM(s.ptr, s.len, "SS");
  s = mdx_label_normalize(doc, "\xE1\xBA\x9E", 3); /* ẞ lowercases to ß, then SS */
  CHECK_EQ_MEM(s.ptr, s.len, "SS");
  s = mdx_label_normalize(doc, "\xCE\x90", 2); /* ΐ → Ϊ́: three code points */
  CHECK_EQ_MEM(s.ptr, s.len, "\xCE\x99\xCC\x88\xCC\x81");
  s = mdx_label_normalize(doc, "\xC3\xA4", 2); /* ä → Ä */
  CHECK_EQ_MEM(s.ptr, s.len, "\xC3\x84");
  mdx_doc_free(doc);
}

static void test_classes(void) {
  CHECK_EQ_INT(mdx_char_class(' '), MDX_CLASS_SPACE);
  CHECK_EQ_INT(mdx_char_class(0x3000), MDX_CLASS_SPACE);
  CHECK_EQ_INT(mdx_char_class(0xFEFF), MDX_CLASS_SPACE);
  CHECK_EQ_INT(mdx_char_class(0x85), MDX_CLASS_OTHER); /* not in JavaScript's \s */
  CHECK_EQ_INT(mdx_char_class('*'), MDX_CLASS_PUNCT);
  CHECK_EQ_INT(mdx_char_class(0xA1), MDX_CLASS_PUNCT);  /* ¡ */
  CHECK_EQ_INT(mdx_char_class(0x20AC), MDX_CLASS_PUNCT); /* € is a symbol */
  CHECK_EQ_INT(mdx_char_class('a'), MDX_CLASS_OTHER);
  /* micromark reads UTF-16 units: astral punctuation arrives as surrogates. */
  CHECK_EQ_INT(mdx_char_class(0x1D11E), MDX_CLASS_OTHER);
}

/* The children of the first paragraph-like leaf, as "type type ..." */
static void shape(const mdx_node *leaf, char *out, size_t cap) {
  out[0] = 0;
  for (const mdx_node *k = leaf ? leaf->first_child : NULL; k; k = k->next) {
    size_t used = strlen(out);
    snprintf(out + used, cap - used, "%s%s", used ? " " : "", mdx_node_type_name(k->type));
  }
}

static mdx_node *first_leaf(mdx_doc *doc) {
  for (mdx_node *k = doc->root->first_child; k; k = k->next)
    if (k->type == MDX_NODE_PARAGRAPH || k->type == MDX_NODE_HEADING) return k;
  return NULL;
}

static void test_parse(void) {
  const char *md = "*a* `b` [c](d \"e\") x  \ny";
  mdx_doc *doc;
  mdx_error err;
  CHECK_EQ_INT(mdx_parse(md, strlen(md), 0, &doc, &err), MDX_OK);
  mdx_node *p = first_leaf(doc);
  char buf[256];
  shape(p, buf, sizeof buf);
  CHECK(strcmp(buf, "emphasis text inlineCode text link text break text") == 0);
  mdx_node *link = p->first_child->next->next->next->next;
  CHECK_EQ_MEM(link->url.ptr, link->url.len, "d");
  CHECK_EQ_MEM(link->title.ptr, link->title.len, "e");
  CHECK_EQ_INT(link->start, 8);
  CHECK_EQ_INT(link->end, 18);
  mdx_node *brk = link->next->next;
  CHECK_EQ_INT(brk->start, 20); /* the trailing spaces through the line ending */
  CHECK_EQ_INT(brk->end, 23);
  mdx_node *text = link->next;
  CHECK_EQ_MEM(text->value.ptr, text->value.len, " x");
  CHECK(text->value.ptr == doc->src + text->start); /* verbatim: points into the source */
  mdx_doc_free(doc);

}

/* Definitions taken from a paragraph built by hand (independent of the block phase). */
static void test_definitions(void) {
  mdx_doc *doc = empty_doc();
  CHECK(doc != NULL);
  if (!doc) return;
  if (setjmp(doc->on_oom)) {
    CHECK(!"out of memory in test");
    mdx_doc_free(doc);
    return;
  }
  const char *md = "[FOO]: /url\\x\n  't&amp;'  \n[Foo][] ![a *b*](u)";
  doc->src = md;
  doc->len = (uint32_t)strlen(md);
  mdx_node *p = mdx_node_new(&doc->arena, MDX_NODE_PARAGRAPH, 0, doc->len);
  mdx_node_append(doc->root, p);
  mdx_line l1 = {0, 13, 14, 0, 0, 0}, l2 = {16, 26, 27, 0, 0, 0};
  mdx_line l3 = {27, doc->len, doc->len, 0, 0, 0};
  mdx_node_add_line(&doc->arena, p, l1);
  mdx_node_add_line(&doc->arena, p, l2);
  mdx_node_add_line(&doc->arena, p, l3);
  CHECK_EQ_INT(mdx_definitions_take(doc, p), 1);
  CHECK_EQ_INT(p->start, 27);
  mdx_node *def = doc->root->first_child;
  CHECK_EQ_INT(def->type, MDX_NODE_DEFINITION);
  CHECK_EQ_INT(def->start, 0);
  CHECK_EQ_INT(def->end, 26); /* trailing spaces included, line ending not */
  CHECK_EQ_MEM(def->url.ptr, def->url.len, "/url\\x");
  CHECK_EQ_MEM(def->title.ptr, def->title.len, "t&");
  CHECK_EQ_MEM(def->raw_label.ptr, def->raw_label.len, "FOO");
  mdx_inlines_parse(doc, p);
  char buf[256];
  shape(p, buf, sizeof buf);
  CHECK(strcmp(buf, "linkReference text image") == 0);
  if (p->first_child && p->last_child) {
    CHECK_EQ_INT(p->first_child->num, MDX_REF_COLLAPSED);
    CHECK_EQ_MEM(p->first_child->raw_label.ptr, p->first_child->raw_label.len, "Foo");
    CHECK_EQ_MEM(p->last_child->value.ptr, p->last_child->value.len, "a b");
    CHECK(p->last_child->first_child == NULL);
  }
  mdx_doc_free(doc);
}

/* cmark's and md4c's pathological shapes; each must parse (quickly, in linear time). */
static void test_pathological(int quick) {
  const int reps = quick ? 2000 : 30000;
  static const char *const units[] = {
      "*a **a ", "a_ ", "_a ", "a]", "[a", "*a_ ", "c* ", "[ a_", "[ (](", "![[]()",
      "**x [**y [**z ", "[a](<b", "[a](b", "[a](b (x", "<!--", "a <?", "a <!A ",
      "a <![CDATA[", "<a b=\"", "&#", "&aaaa", "`", "e``", "[x]: /u\n",
  };
  for (size_t u = 0; u < sizeof units / sizeof units[0]; u++) {
    size_t ulen = strlen(units[u]);
    char *md = malloc(ulen * (size_t)reps + 1);
    if (!md) return;
    for (int r = 0; r < reps; r++) memcpy(md + ulen * (size_t)r, units[u], ulen);
    md[ulen * (size_t)reps] = 0;
    mdx_doc *doc;
    mdx_error err;
    CHECK_EQ_INT(mdx_parse(md, ulen * (size_t)reps, 0, &doc, &err), MDX_OK);
    mdx_doc_free(doc);
    free(md);
  }
}

int main(int argc, char **argv) {
  int quick = argc > 1 && strcmp(argv[1], "--quick") == 0;
  test_entities();
  test_decode();
  test_normalize();
  test_classes();
  test_parse();
  test_definitions();
  test_pathological(quick);
  return check_report("test-inlines");
}
