/* libFuzzer target: mdx_parse + mdx_html_render, checking that "safe by default" holds.
 *
 * Input: byte 0 = MDX_OPT_* bits (low six bits), then the document; the same bits go
 * to the parser and the renderer.
 *
 * Always: the tree invariants (fuzz_common.h), rendering succeeds, and the output is
 * valid UTF-8 without NUL.
 *
 * Without MDX_OPT_DANGEROUS_HTML, the output is tokenised strictly, which is sound
 * because the renderer escapes all text and attribute values with micromark's encode
 * (& < > " only) and writes every tag itself:
 *   - every `<` starts one of the renderer's own tags (allow list below), written as
 *     `<name( attr="value")*>` or `... />` or `</name>`, attribute names from an allow
 *     list, values without `"` or `<`;
 *   - no `>` or `"` outside a tag (text escapes them), hence no `<script` either;
 *   - every `&` starts `&amp;` `&lt;` `&gt;` or `&quot;` (so no entity can smuggle a
 *     `:` or a tag past the checks).
 * Without MDX_OPT_DANGEROUS_PROTOCOL as well, every href/src value is relative or
 * has a scheme from micromark's allow lists (href: http, https, irc, ircs, mailto, xmpp;
 * src: http, https), so in particular no `javascript:` scheme. */
#include "fuzz_common.h"

/* Tags the renderer writes (src/html.c), plus those that GFM footnotes will need. */
static const char *const tags[] = {
    "a",     "blockquote", "br",    "code",  "del",   "em",  "h1",      "h2",
    "h3",    "h4",         "h5",    "h6",    "hr",    "img", "input",   "li",
    "ol",    "p",          "pre",   "strong", "table", "tbody", "td",   "th",
    "thead", "tr",         "ul",    "sup",   "section", NULL};
static const char *const attributes[] = {
    "href", "src", "alt", "title", "class", "start", "type", "disabled", "checked",
    "align", "id", "data-footnotes", "data-footnote-ref", "data-footnote-backref",
    "aria-describedby", "aria-label", NULL};

static int in_list(const char *const *list, const char *s, size_t len) {
  for (size_t i = 0; list[i]; i++)
    if (strlen(list[i]) == len && memcmp(list[i], s, len) == 0) return 1;
  return 0;
}

static int ieq(const char *s, size_t len, const char *lower) {
  if (strlen(lower) != len) return 0;
  for (size_t i = 0; i < len; i++) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
    if (c != lower[i]) return 0;
  }
  return 1;
}

static int contains_ci(const char *s, size_t len, const char *lower) {
  size_t n = strlen(lower);
  for (size_t i = 0; i + n <= len; i++)
    if (ieq(s + i, n, lower)) return 1;
  return 0;
}

/* The value as written in the attribute (percent-encoded, `&` as `&amp;`). What a
 * browser runs is decided by the scheme, so that is what is checked: `javascript:` as
 * the scheme fails here, while `http:JAVASCRIPT:` (an http URL, which micromark keeps
 * too) is fine. */
static void check_url(const char *v, size_t len, int is_src) {
  for (size_t i = 0; i < len; i++) {
    if (v[i] == '/' || v[i] == '?' || v[i] == '#') return; /* relative */
    if (v[i] != ':') continue;
    if (ieq(v, i, "http") || ieq(v, i, "https")) return;
    FUZZ_CHECK(!is_src);
    FUZZ_CHECK(ieq(v, i, "irc") || ieq(v, i, "ircs") || ieq(v, i, "mailto") ||
               ieq(v, i, "xmpp"));
    return;
  }
}

static int is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

/* Parses the tag at out[i] == '<'; returns the index after its `>`. */
static size_t check_tag(const char *out, size_t len, size_t i, int check_urls) {
  i++;
  int closing = i < len && out[i] == '/';
  if (closing) i++;
  size_t name = i;
  while (i < len && is_name_char(out[i])) i++;
  FUZZ_CHECK(in_list(tags, out + name, i - name));
  if (closing) {
    FUZZ_CHECK(i < len && out[i] == '>');
    return i + 1;
  }
  for (;;) {
    FUZZ_CHECK(i < len);
    if (out[i] == '>') return i + 1;
    if (out[i] == ' ' && i + 2 < len && out[i + 1] == '/' && out[i + 2] == '>') return i + 3;
    FUZZ_CHECK(out[i] == ' ');
    i++;
    size_t attr = i;
    while (i < len && is_name_char(out[i])) i++;
    size_t attr_len = i - attr;
    FUZZ_CHECK(in_list(attributes, out + attr, attr_len));
    FUZZ_CHECK(i + 1 < len && out[i] == '=' && out[i + 1] == '"');
    i += 2;
    size_t value = i;
    while (i < len && out[i] != '"') {
      FUZZ_CHECK(out[i] != '<' && out[i] != '>');
      i++;
    }
    FUZZ_CHECK(i < len);
    if (check_urls && (ieq(out + attr, attr_len, "href") || ieq(out + attr, attr_len, "src")))
      check_url(out + value, i - value, ieq(out + attr, attr_len, "src"));
    i++; /* the closing quote */
  }
}

static int starts_with(const char *s, size_t len, const char *prefix) {
  size_t n = strlen(prefix);
  return len >= n && memcmp(s, prefix, n) == 0;
}

static void check_safe(const char *out, size_t len, int check_urls) {
  FUZZ_CHECK(!contains_ci(out, len, "<script"));
  for (size_t i = 0; i < len;) {
    char c = out[i];
    if (c == '<') {
      i = check_tag(out, len, i, check_urls);
      continue;
    }
    FUZZ_CHECK(c != '>' && c != '"');
    i++;
  }
  for (size_t i = 0; i < len; i++) {
    if (out[i] != '&') continue;
    const char *s = out + i;
    size_t n = len - i;
    FUZZ_CHECK(starts_with(s, n, "&amp;") || starts_with(s, n, "&lt;") ||
               starts_with(s, n, "&gt;") || starts_with(s, n, "&quot;"));
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  unsigned options = fuzz_options(&data, &size);
  mdx_doc *doc = NULL;
  mdx_error err;
  int rc = mdx_parse((const char *)data, size, options, &doc, &err);
  if (rc != MDX_OK) {
    FUZZ_CHECK(doc == NULL && (options & MDX_OPT_MDX));
    return 0;
  }
  fuzz_check_tree(doc);

  mdx_buf html;
  mdx_buf_init(&html);
  rc = mdx_html_render(doc, options, &html);
  FUZZ_CHECK(rc == MDX_OK && !html.failed);
  FUZZ_CHECK(fuzz_utf8_valid(html.data, html.len));
  FUZZ_CHECK(!html.len || memchr(html.data, 0, html.len) == NULL);
  if (!(options & MDX_OPT_DANGEROUS_HTML))
    check_safe(html.data, html.len, !(options & MDX_OPT_DANGEROUS_PROTOCOL));
  mdx_buf_free(&html);
  mdx_doc_free(doc);
  return 0;
}
