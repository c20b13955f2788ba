/* C tests of the HTML renderer on hand-built trees, so they hold whatever state the
 * parsers are in. Expected strings follow micromark's output for the same mdast (checked
 * with `micromark(value)` / `{allowDangerousHtml, allowDangerousProtocol}`). A tree built
 * by hand has no source, so it renders as a document without a final line ending: no
 * line ending after the last closing tag, "\n" (the default style) between blocks. */
#include <stdlib.h>

#include "../doc.h"
#include "check.h"

static mdx_str S(const char *s) {
  mdx_str out = {s, (uint32_t)strlen(s)};
  return out;
}

/* A document with an empty root. The arena's out-of-memory jump goes to `jb`. */
static void doc_init(mdx_doc *doc, jmp_buf *jb) {
  memset(doc, 0, sizeof *doc);
  mdx_arena_init(&doc->arena, jb);
  doc->root = mdx_node_new(&doc->arena, MDX_NODE_ROOT, 0, 0);
}

static mdx_node *add(mdx_doc *doc, mdx_node *parent, mdx_node_type type) {
  mdx_node *node = mdx_node_new(&doc->arena, type, 0, 0);
  mdx_node_append(parent, node);
  return node;
}

static mdx_node *add_text(mdx_doc *doc, mdx_node *parent, const char *value) {
  mdx_node *node = add(doc, parent, MDX_NODE_TEXT);
  node->value = S(value);
  return node;
}

static mdx_node *add_link(mdx_doc *doc, mdx_node *parent, const char *url, const char *title) {
  mdx_node *link = add(doc, parent, MDX_NODE_LINK);
  link->url = S(url);
  if (title) link->title = S(title);
  add_text(doc, link, "x");
  return link;
}

static mdx_node *add_image(mdx_doc *doc, mdx_node *parent, const char *url, const char *alt) {
  mdx_node *image = add(doc, parent, MDX_NODE_IMAGE);
  image->url = S(url);
  image->value = S(alt);
  return image;
}

#define EXPECT_HTML(doc, options, expected)                                              \
  do {                                                                                   \
    mdx_buf expect_out;                                                                  \
    mdx_buf_init(&expect_out);                                                           \
    CHECK(mdx_buf_reserve(&expect_out, 1)); /* data is never NULL for memcmp */          \
    CHECK_EQ_INT(mdx_html_render((doc), (options), &expect_out), MDX_OK);                \
    CHECK_EQ_MEM(expect_out.data, expect_out.len, (expected));                           \
    mdx_buf_free(&expect_out);                                                           \
  } while (0)

#define BEGIN_DOC(doc)                                                                   \
  jmp_buf jb;                                                                            \
  mdx_doc doc;                                                                           \
  doc_init(&doc, &jb);                                                                   \
  if (setjmp(jb)) {                                                                      \
    CHECK(!"out of memory in test");                                                     \
    mdx_arena_free(&doc.arena);                                                          \
    return;                                                                              \
  }

static void test_escaping(void) {
  BEGIN_DOC(doc);
  mdx_node *p = add(&doc, doc.root, MDX_NODE_PARAGRAPH);
  add_text(&doc, p, "a & <b> \"c\" 'd'\n\xC3\xA9");
  mdx_node *code = add(&doc, p, MDX_NODE_INLINE_CODE);
  code->value = S("<x>\r\ny\nz");
  add(&doc, p, MDX_NODE_BREAK);
  mdx_node *em = add(&doc, p, MDX_NODE_EMPHASIS);
  mdx_node *strong = add(&doc, em, MDX_NODE_STRONG);
  add_text(&doc, strong, "&amp;");
  EXPECT_HTML(&doc, 0,
              "<p>a &amp; &lt;b&gt; &quot;c&quot; 'd'\n\xC3\xA9<code>&lt;x&gt; y z</code>"
              "<br />\n<em><strong>&amp;amp;</strong></em></p>");
  mdx_arena_free(&doc.arena);
}

static void test_blocks(void) {
  BEGIN_DOC(doc);
  mdx_node *h = add(&doc, doc.root, MDX_NODE_HEADING);
  h->num = 2;
  add_text(&doc, h, "T");
  add(&doc, doc.root, MDX_NODE_THEMATIC_BREAK);
  mdx_node *q = add(&doc, doc.root, MDX_NODE_BLOCKQUOTE);
  add_text(&doc, add(&doc, q, MDX_NODE_PARAGRAPH), "q");
  mdx_node *code = add(&doc, doc.root, MDX_NODE_CODE);
  code->value = S("a < b\n");
  code->url = S("c\"++");
  code->title = S("meta is not shown");
  mdx_node *empty = add(&doc, doc.root, MDX_NODE_CODE);
  (void)empty;
  mdx_node *def = add(&doc, doc.root, MDX_NODE_DEFINITION);
  def->url = S("/nothing");
  def->raw_label = S("d");
  EXPECT_HTML(&doc, 0,
              "<h2>T</h2>\n<hr />\n<blockquote>\n<p>q</p>\n</blockquote>\n"
              "<pre><code class=\"language-c&quot;++\">a &lt; b\n\n</code></pre>\n"
              "<pre><code></code></pre>");
  mdx_arena_free(&doc.arena);
}

static void test_lists(void) {
  BEGIN_DOC(doc);
  mdx_node *tight = add(&doc, doc.root, MDX_NODE_LIST);
  tight->flags = MDX_FLAG_TIGHT;
  mdx_node *item = add(&doc, tight, MDX_NODE_LIST_ITEM);
  add_text(&doc, add(&doc, item, MDX_NODE_PARAGRAPH), "a");
  mdx_node *sub = add(&doc, item, MDX_NODE_LIST);
  sub->flags = MDX_FLAG_ORDERED | MDX_FLAG_TIGHT;
  sub->num = 0;
  add_text(&doc, add(&doc, add(&doc, sub, MDX_NODE_LIST_ITEM), MDX_NODE_PARAGRAPH), "b");
  add(&doc, tight, MDX_NODE_LIST_ITEM); /* empty item */
  mdx_node *loose = add(&doc, doc.root, MDX_NODE_LIST);
  loose->flags = MDX_FLAG_ORDERED;
  loose->num = 1;
  item = add(&doc, loose, MDX_NODE_LIST_ITEM);
  add_text(&doc, add(&doc, item, MDX_NODE_PARAGRAPH), "c");
  mdx_node *q = add(&doc, item, MDX_NODE_BLOCKQUOTE);
  add_text(&doc, add(&doc, q, MDX_NODE_PARAGRAPH), "d");
  mdx_node *seven = add(&doc, doc.root, MDX_NODE_LIST);
  seven->flags = MDX_FLAG_ORDERED | MDX_FLAG_TIGHT;
  seven->num = 7;
  /* A paragraph in a block quote inside a tight item keeps its <p>. */
  q = add(&doc, add(&doc, seven, MDX_NODE_LIST_ITEM), MDX_NODE_BLOCKQUOTE);
  add_text(&doc, add(&doc, q, MDX_NODE_PARAGRAPH), "e");
  EXPECT_HTML(&doc, 0,
              "<ul>\n<li>a\n<ol start=\"0\">\n<li>b</li>\n</ol>\n</li>\n<li></li>\n</ul>\n"
              "<ol>\n<li>\n<p>c</p>\n<blockquote>\n<p>d</p>\n</blockquote>\n</li>\n</ol>\n"
              "<ol start=\"7\">\n<li>\n<blockquote>\n<p>e</p>\n</blockquote>\n</li>\n</ol>");
  mdx_arena_free(&doc.arena);
}

static void test_url_encoding(void) {
  BEGIN_DOC(doc);
  mdx_node *p = add(&doc, doc.root, MDX_NODE_PARAGRAPH);
  /* Unsafe ASCII and UTF-8 bytes are percent-encoded; `%` + two alphanumerics is taken as
   * an existing escape (even %zz), a lone `%` is encoded; `&` becomes &amp;. */
  add_link(&doc, p, "a b\xC3\xBC\"[]\\`{|}^<>%41%zz%2&x=1'()*~", "t \"&\" <>");
  add_link(&doc, p, "", "");   /* empty title: no attribute */
  add_link(&doc, p, "/u", NULL); /* no title */
  EXPECT_HTML(&doc, 0,
              "<p><a href=\"a%20b%C3%BC%22%5B%5D%5C%60%7B%7C%7D%5E%3C%3E%41%zz%252&amp;x=1'()*~\" "
              "title=\"t &quot;&amp;&quot; &lt;&gt;\">x</a><a href=\"\">x</a>"
              "<a href=\"/u\">x</a></p>");
  mdx_arena_free(&doc.arena);
}

static void test_safe_protocols(void) {
  BEGIN_DOC(doc);
  mdx_node *p = add(&doc, doc.root, MDX_NODE_PARAGRAPH);
  add_link(&doc, p, "javascript:alert(1)", NULL);
  add_link(&doc, p, "HTTPS://a", NULL);
  add_link(&doc, p, "mailto:a@b", NULL);
  add_link(&doc, p, "ircs://a", NULL);
  add_link(&doc, p, "xmpp:a", NULL);
  add_link(&doc, p, "ftp://a", NULL);
  add_link(&doc, p, "/a:b", NULL);   /* slash before the colon: relative */
  add_link(&doc, p, "?a:b", NULL);
  add_link(&doc, p, "#a:b", NULL);
  add_link(&doc, p, "a:b/c", NULL);  /* scheme "a" */
  add_link(&doc, p, "java\tscript:x", NULL);
  add_image(&doc, p, "http://a", "i");
  add_image(&doc, p, "mailto:a@b", "<i>");
  add_image(&doc, p, "data:image/png,x", "i");
  add_image(&doc, p, "rel.png", "i");
  EXPECT_HTML(&doc, 0,
              "<p><a href=\"\">x</a><a href=\"HTTPS://a\">x</a><a href=\"mailto:a@b\">x</a>"
              "<a href=\"ircs://a\">x</a><a href=\"xmpp:a\">x</a><a href=\"\">x</a>"
              "<a href=\"/a:b\">x</a><a href=\"?a:b\">x</a><a href=\"#a:b\">x</a>"
              "<a href=\"\">x</a><a href=\"\">x</a>"
              "<img src=\"http://a\" alt=\"i\" /><img src=\"\" alt=\"&lt;i&gt;\" />"
              "<img src=\"\" alt=\"i\" /><img src=\"rel.png\" alt=\"i\" /></p>");
  EXPECT_HTML(&doc, MDX_OPT_DANGEROUS_PROTOCOL,
              "<p><a href=\"javascript:alert(1)\">x</a><a href=\"HTTPS://a\">x</a>"
              "<a href=\"mailto:a@b\">x</a><a href=\"ircs://a\">x</a><a href=\"xmpp:a\">x</a>"
              "<a href=\"ftp://a\">x</a><a href=\"/a:b\">x</a><a href=\"?a:b\">x</a>"
              "<a href=\"#a:b\">x</a><a href=\"a:b/c\">x</a><a href=\"java%09script:x\">x</a>"
              "<img src=\"http://a\" alt=\"i\" /><img src=\"mailto:a@b\" alt=\"&lt;i&gt;\" />"
              "<img src=\"data:image/png,x\" alt=\"i\" /><img src=\"rel.png\" alt=\"i\" /></p>");
  mdx_arena_free(&doc.arena);
}

static void test_raw_html(void) {
  BEGIN_DOC(doc);
  mdx_node *flow = add(&doc, doc.root, MDX_NODE_HTML);
  flow->value = S("<div onclick=\"x()\">\n*a* &amp;\n</div>");
  mdx_node *p = add(&doc, doc.root, MDX_NODE_PARAGRAPH);
  add_text(&doc, p, "a ");
  mdx_node *inline_html = add(&doc, p, MDX_NODE_HTML);
  inline_html->value = S("<script>");
  EXPECT_HTML(&doc, 0,
              "&lt;div onclick=&quot;x()&quot;&gt;\n*a* &amp;amp;\n&lt;/div&gt;\n"
              "<p>a &lt;script&gt;</p>");
  EXPECT_HTML(&doc, MDX_OPT_DANGEROUS_HTML,
              "<div onclick=\"x()\">\n*a* &amp;\n</div>\n<p>a <script></p>");
  mdx_arena_free(&doc.arena);
}

/* The inline phase resolves references: they reach the renderer with their
 * definition's url and title. One without a url prints as written (mdast-util-to-hast
 * does the same with an unresolved reference). Definitions print nothing. */
static void test_references(void) {
  BEGIN_DOC(doc);
  mdx_node *p = add(&doc, doc.root, MDX_NODE_PARAGRAPH);
  mdx_node *ref = add(&doc, p, MDX_NODE_LINK_REFERENCE);
  ref->raw_label = S("Foo");
  ref->num = MDX_REF_SHORTCUT;
  ref->url = S("/first url");
  ref->title = S("T&");
  add_text(&doc, ref, "l");
  mdx_node *img = add(&doc, p, MDX_NODE_IMAGE_REFERENCE);
  img->raw_label = S("i");
  img->num = MDX_REF_FULL;
  img->url = S("javascript:x");
  img->value = S("alt");
  mdx_node *missing = add(&doc, p, MDX_NODE_LINK_REFERENCE);
  missing->raw_label = S("nope");
  missing->num = MDX_REF_FULL;
  add_text(&doc, missing, "m");
  mdx_node *def = add(&doc, doc.root, MDX_NODE_DEFINITION);
  def->raw_label = S("foo");
  def->url = S("/first url");
  EXPECT_HTML(&doc, 0,
              "<p><a href=\"/first%20url\" title=\"T&amp;\">l</a>"
              "<img src=\"\" alt=\"alt\" />[m][nope]</p>");
  mdx_arena_free(&doc.arena);
}

static void test_empty_and_deep(int quick) {
  BEGIN_DOC(doc);
  EXPECT_HTML(&doc, 0, "");
  /* Deep nesting costs no C stack: the renderer is a loop over the walk. */
  int depth = quick ? 2000 : 100000;
  mdx_node *parent = doc.root;
  for (int i = 0; i < depth; i++) parent = add(&doc, parent, MDX_NODE_BLOCKQUOTE);
  add_text(&doc, add(&doc, parent, MDX_NODE_PARAGRAPH), "deep");
  mdx_buf out;
  mdx_buf_init(&out);
  CHECK_EQ_INT(mdx_html_render(&doc, 0, &out), MDX_OK);
  CHECK_EQ_INT(out.len, (size_t)depth * (13 + 14) + 11);
  mdx_buf_free(&out);
  mdx_arena_free(&doc.arena);
}

int main(int argc, char **argv) {
  int quick = argc > 1 && strcmp(argv[1], "--quick") == 0;
  test_escaping();
  test_blocks();
  test_lists();
  test_url_encoding();
  test_safe_protocols();
  test_raw_html();
  test_references();
  test_empty_and_deep(quick);
  return check_report("test-html");
}
