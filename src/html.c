/* HTML renderer: the tree → the HTML of CommonMark's reference rendering, as micromark's
 * compiler prints it (same escaping, same URL normalisation, same "safe by default"
 * meaning of allowDangerousHtml / allowDangerousProtocol).
 *
 * One loop over mdx_walk events, so nesting depth costs no C stack. Every node writes
 * O(size of its strings) bytes, so the output is linear in the tree. Reference nodes are
 * resolved through a hash map of the tree's definitions built once up front. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "unicode.h"

/* ---- Definitions: label → first definition with that label ------------------------ */

/* Matching labels uses micromark's normalizeIdentifier: whitespace runs collapsed to one
 * space, trimmed, then each character case folded as toLowerCase().toUpperCase() does
 * (mdx_unicode_fold, shared with the inline phase). Only references the parser already
 * matched reach this code, so a miss is rare; it prints the reference as text. */

typedef struct html_ref {
  uint32_t hash;
  uint32_t key_len;
  size_t key_off; /* into html_refs.keys (folding may make keys longer than labels) */
  const mdx_node *def;       /* NULL: empty slot */
} html_ref;

typedef struct html_refs {
  html_ref *slots;
  uint32_t mask; /* slot count - 1 (a power of two), 0 when there are no definitions */
  mdx_buf keys;
} html_refs;

/* Decodes one UTF-8 sequence (the source is valid UTF-8; anything else is taken a byte
 * at a time so the loop always advances). */
static uint32_t rf_decode(const unsigned char *s, uint32_t len, uint32_t *used) {
  unsigned c = s[0];
  *used = 1;
  if (c < 0xC0 || len < 2) return c;
  if (c < 0xE0) {
    *used = 2;
    return ((c & 0x1Fu) << 6) | (s[1] & 0x3Fu);
  }
  if (c < 0xF0 && len >= 3) {
    *used = 3;
    return ((c & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
  }
  if (c < 0xF8 && len >= 4) {
    *used = 4;
    return ((c & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) | ((s[2] & 0x3Fu) << 6) |
           (s[3] & 0x3Fu);
  }
  return c;
}

/* Appends the normalised form of a label to `b`. */
static void rf_key(mdx_buf *b, mdx_str label) {
  const unsigned char *s = (const unsigned char *)label.ptr;
  uint32_t i = 0, n = label.ptr ? label.len : 0;
  int space = 0, any = 0;
  while (i < n) { /* bounded: each turn consumes at least one byte */
    unsigned char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = 1;
      i++;
      continue;
    }
    if (space && any) mdx_buf_putc(b, ' ');
    space = 0;
    any = 1;
    uint32_t used;
    uint32_t cp = rf_decode(s + i, n - i, &used);
    if (c >= 0x80 && used == 1) {
      mdx_buf_putc(b, (char)c); /* not UTF-8: kept as is */
    } else {
      char folded[MDX_FOLD_MAX];
      mdx_buf_put(b, folded, mdx_unicode_fold(cp, folded));
    }
    i += used;
  }
}

static uint32_t rf_hash(const char *s, size_t len) {
  uint32_t h = 2166136261u; /* FNV-1a */
  for (size_t i = 0; i < len; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
  return h;
}

static mdx_str rf_label(const mdx_node *node) {
  return node->raw_label.ptr ? node->raw_label : node->label;
}

/* Returns 0 when out of memory. */
static int refs_build(html_refs *refs, mdx_node *root) {
  memset(refs, 0, sizeof *refs);
  mdx_buf_init(&refs->keys);
  uint32_t count = 0;
  mdx_walk walk;
  mdx_walk_init(&walk, root);
  while (mdx_walk_next(&walk)) /* bounded: two events per node */
    if (walk.entering && walk.node->type == MDX_NODE_DEFINITION) count++;
  if (!count) return 1;
  if (!mdx_buf_reserve(&refs->keys, 1)) return 0; /* data is never NULL for memcmp */
  uint32_t size = 16;
  while (size < count * 2u && size < (1u << 30)) size *= 2; /* bounded: 30 doublings */
  refs->slots = calloc(size, sizeof *refs->slots);
  if (!refs->slots) return 0;
  refs->mask = size - 1;
  uint32_t stored = 0;
  mdx_walk_init(&walk, root);
  while (mdx_walk_next(&walk) && stored < size / 2) {
    const mdx_node *def = walk.node;
    if (!walk.entering || def->type != MDX_NODE_DEFINITION) continue;
    size_t off = refs->keys.len;
    rf_key(&refs->keys, rf_label(def));
    if (refs->keys.failed) return 0;
    uint32_t len = (uint32_t)(refs->keys.len - off);
    uint32_t h = rf_hash(refs->keys.data + off, len);
    uint32_t i = h & refs->mask;
    int dup = 0;
    /* bounded: the table is at most half full */
    while (refs->slots[i].def) {
      html_ref *r = &refs->slots[i];
      if (r->hash == h && r->key_len == len &&
          memcmp(refs->keys.data + r->key_off, refs->keys.data + off, len) == 0) {
        dup = 1; /* the first definition of a label wins */
        break;
      }
      i = (i + 1) & refs->mask;
    }
    if (dup) {
      refs->keys.len = off;
      continue;
    }
    refs->slots[i].hash = h;
    refs->slots[i].key_off = off;
    refs->slots[i].key_len = len;
    refs->slots[i].def = def;
    stored++;
  }
  return 1;
}

static const mdx_node *refs_find(const html_refs *refs, mdx_buf *scratch, mdx_str label) {
  if (!refs->slots) return NULL;
  scratch->len = 0;
  rf_key(scratch, label);
  if (scratch->failed) return NULL;
  uint32_t h = rf_hash(scratch->data, scratch->len);
  uint32_t i = h & refs->mask;
  while (refs->slots[i].def) { /* bounded: the table is at most half full */
    const html_ref *r = &refs->slots[i];
    if (r->hash == h && r->key_len == scratch->len &&
        memcmp(refs->keys.data + r->key_off, scratch->data, scratch->len) == 0)
      return r->def;
    i = (i + 1) & refs->mask;
  }
  return NULL;
}

static void refs_free(html_refs *refs) {
  free(refs->slots);
  mdx_buf_free(&refs->keys);
}

/* ---- Output helpers ---------------------------------------------------------------- */

typedef struct html_state {
  mdx_buf *out;
  unsigned options;
  html_refs refs;
  mdx_buf scratch; /* reference lookups */
} html_state;

/* micromark-util-encode: only these four are replaced, in text and attributes alike. */
static void put_escaped(mdx_buf *out, const char *s, size_t len) {
  size_t start = 0;
  for (size_t i = 0; i < len; i++) {
    const char *rep;
    switch (s[i]) {
    case '&': rep = "&amp;"; break;
    case '<': rep = "&lt;"; break;
    case '>': rep = "&gt;"; break;
    case '"': rep = "&quot;"; break;
    default: continue;
    }
    mdx_buf_put(out, s + start, i - start);
    mdx_buf_puts(out, rep);
    start = i + 1;
  }
  mdx_buf_put(out, s + start, len - start);
}

static void put_str(mdx_buf *out, mdx_str s) {
  if (s.ptr) put_escaped(out, s.ptr, s.len);
}

/* Code span content: CommonMark turns its line endings into spaces (mdast keeps them). */
static void put_code_text(mdx_buf *out, mdx_str s) {
  uint32_t start = 0;
  for (uint32_t i = 0; s.ptr && i < s.len; i++) {
    if (s.ptr[i] != '\n' && s.ptr[i] != '\r') continue;
    put_escaped(out, s.ptr + start, i - start);
    mdx_buf_putc(out, ' ');
    if (s.ptr[i] == '\r' && i + 1 < s.len && s.ptr[i + 1] == '\n') i++;
    start = i + 1;
  }
  if (s.ptr) put_escaped(out, s.ptr + start, s.len - start);
}

/* A newline unless the output is empty or already ends a line (cmark's `cr`). */
static void put_cr(mdx_buf *out) {
  if (out->len && out->data[out->len - 1] != '\n') mdx_buf_putc(out, '\n');
}

static void put_int(mdx_buf *out, long value) {
  char tmp[24];
  int n = snprintf(tmp, sizeof tmp, "%ld", value);
  if (n > 0) mdx_buf_put(out, tmp, (size_t)n);
}

/* ASCII characters micromark's normalizeUri keeps as they are: [!#$&-;=?-Z_a-z~]. */
static int url_keep(unsigned char c) {
  return c == '!' || c == '#' || c == '$' || (c >= '&' && c <= ';') || c == '=' ||
         (c >= '?' && c <= 'Z') || c == '_' || (c >= 'a' && c <= 'z') || c == '~';
}

static int is_alnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

enum { URL_HREF, URL_SRC };

static int ascii_ieq(const char *s, size_t len, const char *lower) {
  size_t n = strlen(lower);
  if (len != n) return 0;
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
    if (c != lower[i]) return 0;
  }
  return 1;
}

/* sanitizeUri's protocol test. It runs on the encoded URL in micromark, but encoding
 * never adds or removes `:` `/` `?` `#`, and anything it does change in the scheme makes
 * the scheme fail the allow list, so testing the decoded URL gives the same answer. */
static int url_safe(mdx_str url, int kind) {
  const char *s = url.ptr;
  for (uint32_t i = 0; s && i < url.len; i++) {
    if (s[i] == '/' || s[i] == '?' || s[i] == '#') return 1; /* relative */
    if (s[i] != ':') continue;
    if (ascii_ieq(s, i, "http") || ascii_ieq(s, i, "https")) return 1;
    if (kind == URL_SRC) return 0;
    return ascii_ieq(s, i, "irc") || ascii_ieq(s, i, "ircs") || ascii_ieq(s, i, "mailto") ||
           ascii_ieq(s, i, "xmpp");
  }
  return 1; /* no scheme: relative */
}

/* normalizeUri then encode, as micromark does: percent-encode what is not URL-safe
 * (UTF-8 bytes of non-ASCII characters included), keep a `%` that already starts an
 * escape, then escape `&` for the attribute. An unsafe scheme empties the attribute. */
static void put_url(html_state *st, mdx_str url, int kind) {
  static const char hex[] = "0123456789ABCDEF";
  if (!url.ptr) return;
  if (!(st->options & MDX_OPT_DANGEROUS_PROTOCOL) && !url_safe(url, kind)) return;
  const unsigned char *s = (const unsigned char *)url.ptr;
  mdx_buf *out = st->out;
  uint32_t start = 0;
  for (uint32_t i = 0; i < url.len; i++) {
    unsigned char c = s[i];
    if (c == '%' && i + 2 < url.len && is_alnum(s[i + 1]) && is_alnum(s[i + 2])) {
      i += 2;
      continue;
    }
    if (c != '&' && c < 0x80 && url_keep(c)) continue;
    mdx_buf_put(out, s + start, i - start);
    if (c == '&') {
      mdx_buf_puts(out, "&amp;");
    } else {
      char esc[3] = {'%', hex[c >> 4], hex[c & 15]};
      mdx_buf_put(out, esc, 3);
    }
    start = i + 1;
  }
  mdx_buf_put(out, s + start, url.len - start);
}

static void put_title(mdx_buf *out, mdx_str title) {
  if (!title.ptr || !title.len) return; /* micromark prints no empty title */
  mdx_buf_puts(out, " title=\"");
  put_escaped(out, title.ptr, title.len);
  mdx_buf_putc(out, '"');
}

static void put_image(html_state *st, mdx_str url, mdx_str title, mdx_str alt) {
  mdx_buf_puts(st->out, "<img src=\"");
  put_url(st, url, URL_SRC);
  mdx_buf_puts(st->out, "\" alt=\"");
  put_str(st->out, alt);
  mdx_buf_putc(st->out, '"');
  put_title(st->out, title);
  mdx_buf_puts(st->out, " />");
}

static void put_link_open(html_state *st, mdx_str url, mdx_str title) {
  mdx_buf_puts(st->out, "<a href=\"");
  put_url(st, url, URL_HREF);
  mdx_buf_putc(st->out, '"');
  put_title(st->out, title);
  mdx_buf_putc(st->out, '>');
}

/* An unresolved reference (no definition found) prints as the source wrote it, the way
 * mdast-util-to-hast reverts one. */
static void put_reference_tail(html_state *st, const mdx_node *node) {
  mdx_buf_putc(st->out, ']');
  if (node->num == MDX_REF_COLLAPSED) {
    mdx_buf_puts(st->out, "[]");
  } else if (node->num == MDX_REF_FULL) {
    mdx_buf_putc(st->out, '[');
    put_str(st->out, rf_label(node));
    mdx_buf_putc(st->out, ']');
  }
}

/* A paragraph directly in an item of a tight list prints without <p>. */
static int in_tight_item(const mdx_node *node) {
  const mdx_node *item = node->parent;
  return item && item->type == MDX_NODE_LIST_ITEM && item->parent &&
         item->parent->type == MDX_NODE_LIST && (item->parent->flags & MDX_FLAG_TIGHT);
}

/* `html` is flow (an HTML block) unless it sits among phrasing content. */
static int is_flow(const mdx_node *node) {
  const mdx_node *p = node->parent;
  return !p || p->type == MDX_NODE_ROOT || p->type == MDX_NODE_BLOCKQUOTE ||
         p->type == MDX_NODE_LIST_ITEM || p->type == MDX_NODE_FOOTNOTE_DEFINITION ||
         p->type == MDX_NODE_MDX_JSX_FLOW_ELEMENT;
}

static void put_html(html_state *st, const mdx_node *node) {
  if (st->options & MDX_OPT_DANGEROUS_HTML) {
    if (node->value.ptr) mdx_buf_put(st->out, node->value.ptr, node->value.len);
  } else {
    put_str(st->out, node->value); /* micromark's safe default: shown, not run */
  }
}

static void put_code(html_state *st, const mdx_node *node) {
  mdx_buf *out = st->out;
  put_cr(out);
  mdx_buf_puts(out, "<pre><code");
  if (node->url.ptr && node->url.len) {
    mdx_buf_puts(out, " class=\"language-");
    put_str(out, node->url);
    mdx_buf_putc(out, '"');
  }
  mdx_buf_putc(out, '>');
  put_str(out, node->value);
  /* mdast drops the final line ending; the content lines tell an empty fence from one
   * holding a single blank line (which the reference renders as "\n"). */
  if (node->value.len || node->line_count) mdx_buf_putc(out, '\n');
  mdx_buf_puts(out, "</code></pre>\n");
}

static const char *const heading_open[] = {"<h1>", "<h2>", "<h3>", "<h4>", "<h5>", "<h6>"};
static const char *const heading_close[] = {"</h1>\n", "</h2>\n", "</h3>\n",
                                            "</h4>\n", "</h5>\n", "</h6>\n"};

static int heading_index(const mdx_node *node) {
  int d = node->num < 1 ? 1 : node->num > 6 ? 6 : node->num;
  return d - 1;
}

/* Enter events. Returns 1 when the node's children must be skipped (leaves, images,
 * definitions: everything is printed here). */
static int render_enter(html_state *st, const mdx_node *node) {
  mdx_buf *out = st->out;
  switch (node->type) {
  case MDX_NODE_PARAGRAPH:
    if (!in_tight_item(node)) {
      put_cr(out);
      mdx_buf_puts(out, "<p>");
    }
    return 0;
  case MDX_NODE_HEADING:
    put_cr(out);
    mdx_buf_puts(out, heading_open[heading_index(node)]);
    return 0;
  case MDX_NODE_THEMATIC_BREAK:
    put_cr(out);
    mdx_buf_puts(out, "<hr />\n");
    return 1;
  case MDX_NODE_BLOCKQUOTE:
    put_cr(out);
    mdx_buf_puts(out, "<blockquote>\n");
    return 0;
  case MDX_NODE_LIST:
    put_cr(out);
    if (node->flags & MDX_FLAG_ORDERED) {
      mdx_buf_puts(out, "<ol");
      if (node->num != 1) {
        mdx_buf_puts(out, " start=\"");
        put_int(out, node->num);
        mdx_buf_putc(out, '"');
      }
      mdx_buf_puts(out, ">\n");
    } else {
      mdx_buf_puts(out, "<ul>\n");
    }
    return 0;
  case MDX_NODE_LIST_ITEM:
    put_cr(out);
    mdx_buf_puts(out, "<li>");
    if (node->flags & MDX_FLAG_CHECKED_SET)
      mdx_buf_puts(out, node->flags & MDX_FLAG_CHECKED
                            ? "<input type=\"checkbox\" disabled=\"\" checked=\"\" /> "
                            : "<input type=\"checkbox\" disabled=\"\" /> ");
    return 0;
  case MDX_NODE_HTML:
    if (is_flow(node)) {
      put_cr(out);
      put_html(st, node);
      put_cr(out);
    } else {
      put_html(st, node);
    }
    return 1;
  case MDX_NODE_CODE: put_code(st, node); return 1;
  case MDX_NODE_TEXT: put_str(out, node->value); return 1;
  case MDX_NODE_EMPHASIS: mdx_buf_puts(out, "<em>"); return 0;
  case MDX_NODE_STRONG: mdx_buf_puts(out, "<strong>"); return 0;
  case MDX_NODE_DELETE: mdx_buf_puts(out, "<del>"); return 0;
  case MDX_NODE_INLINE_CODE:
    mdx_buf_puts(out, "<code>");
    put_code_text(out, node->value);
    mdx_buf_puts(out, "</code>");
    return 1;
  case MDX_NODE_BREAK: mdx_buf_puts(out, "<br />\n"); return 1;
  case MDX_NODE_LINK: put_link_open(st, node->url, node->title); return 0;
  case MDX_NODE_IMAGE: put_image(st, node->url, node->title, node->value); return 1;
  case MDX_NODE_LINK_REFERENCE: {
    const mdx_node *def = refs_find(&st->refs, &st->scratch, rf_label(node));
    if (def)
      put_link_open(st, def->url, def->title);
    else
      mdx_buf_putc(out, '[');
    return 0;
  }
  case MDX_NODE_IMAGE_REFERENCE: {
    const mdx_node *def = refs_find(&st->refs, &st->scratch, rf_label(node));
    if (def) {
      put_image(st, def->url, def->title, node->value);
    } else {
      mdx_buf_puts(out, "![");
      put_str(out, node->value);
      put_reference_tail(st, node);
    }
    return 1;
  }
  case MDX_NODE_TABLE:
    put_cr(out);
    mdx_buf_puts(out, "<table>\n");
    return 0;
  case MDX_NODE_TABLE_ROW:
    if (!node->prev) mdx_buf_puts(out, "<thead>\n");
    else if (!node->prev->prev) mdx_buf_puts(out, "<tbody>\n");
    mdx_buf_puts(out, "<tr>\n");
    return 0;
  case MDX_NODE_TABLE_CELL:
    mdx_buf_puts(out, node->parent && !node->parent->prev ? "<th>" : "<td>");
    return 0;
  case MDX_NODE_MATH:
    put_cr(out);
    mdx_buf_puts(out, "<pre><code class=\"language-math math-display\">");
    put_str(out, node->value);
    mdx_buf_puts(out, "</code></pre>\n");
    return 1;
  case MDX_NODE_INLINE_MATH:
    mdx_buf_puts(out, "<code class=\"language-math math-inline\">");
    put_code_text(out, node->value);
    mdx_buf_puts(out, "</code>");
    return 1;
  /* Nothing to show: definitions, frontmatter, footnote bodies (not rendered yet),
   * MDX expressions and ESM (JavaScript, which HTML output never runs). */
  case MDX_NODE_DEFINITION:
  case MDX_NODE_YAML:
  case MDX_NODE_TOML:
  case MDX_NODE_FOOTNOTE_DEFINITION:
  case MDX_NODE_FOOTNOTE_REFERENCE:
  case MDX_NODE_MDX_FLOW_EXPRESSION:
  case MDX_NODE_MDX_TEXT_EXPRESSION:
  case MDX_NODE_MDXJS_ESM: return 1;
  default: return 0; /* root, JSX elements: only their children show */
  }
}

static void render_exit(html_state *st, const mdx_node *node) {
  mdx_buf *out = st->out;
  switch (node->type) {
  case MDX_NODE_PARAGRAPH:
    if (!in_tight_item(node)) mdx_buf_puts(out, "</p>\n");
    break;
  case MDX_NODE_HEADING: mdx_buf_puts(out, heading_close[heading_index(node)]); break;
  case MDX_NODE_BLOCKQUOTE:
    put_cr(out);
    mdx_buf_puts(out, "</blockquote>\n");
    break;
  case MDX_NODE_LIST:
    put_cr(out);
    mdx_buf_puts(out, node->flags & MDX_FLAG_ORDERED ? "</ol>\n" : "</ul>\n");
    break;
  case MDX_NODE_LIST_ITEM: mdx_buf_puts(out, "</li>\n"); break;
  case MDX_NODE_EMPHASIS: mdx_buf_puts(out, "</em>"); break;
  case MDX_NODE_STRONG: mdx_buf_puts(out, "</strong>"); break;
  case MDX_NODE_DELETE: mdx_buf_puts(out, "</del>"); break;
  case MDX_NODE_LINK: mdx_buf_puts(out, "</a>"); break;
  case MDX_NODE_LINK_REFERENCE:
    if (refs_find(&st->refs, &st->scratch, rf_label(node)))
      mdx_buf_puts(out, "</a>");
    else
      put_reference_tail(st, node);
    break;
  case MDX_NODE_TABLE:
    put_cr(out);
    if (node->first_child && node->first_child->next) mdx_buf_puts(out, "</tbody>\n");
    mdx_buf_puts(out, "</table>\n");
    break;
  case MDX_NODE_TABLE_ROW:
    mdx_buf_puts(out, "</tr>\n");
    if (!node->prev) mdx_buf_puts(out, "</thead>\n");
    break;
  case MDX_NODE_TABLE_CELL:
    mdx_buf_puts(out, node->parent && !node->parent->prev ? "</th>\n" : "</td>\n");
    break;
  default: break;
  }
}

int mdx_html_render(const mdx_doc *doc, unsigned options, mdx_buf *out) {
  if (!doc || !doc->root) return out->failed ? MDX_ENOMEM : MDX_OK;
  html_state st;
  st.out = out;
  st.options = options;
  mdx_buf_init(&st.scratch);
  if (!refs_build(&st.refs, doc->root) || !mdx_buf_reserve(&st.scratch, 64)) {
    refs_free(&st.refs);
    mdx_buf_free(&st.scratch);
    return MDX_ENOMEM;
  }
  mdx_walk walk;
  mdx_walk_init(&walk, doc->root);
  /* bounded: each node is entered and exited once; output stops growing on failure */
  while (mdx_walk_next(&walk) && !out->failed && !st.scratch.failed) {
    if (walk.entering) {
      /* Marking the node as exited makes the walk skip its children and exit event. */
      if (render_enter(&st, walk.node)) walk.entering = 0;
    } else {
      render_exit(&st, walk.node);
    }
  }
  int failed = out->failed || st.scratch.failed;
  refs_free(&st.refs);
  mdx_buf_free(&st.scratch);
  return failed ? MDX_ENOMEM : MDX_OK;
}
