/* HTML renderer: the tree → the HTML of CommonMark's reference rendering, as micromark's
 * compiler prints it (same escaping, same URL normalisation, same "safe by default"
 * meaning of allowDangerousHtml / allowDangerousProtocol), and the same output as
 * micromark(source, options) byte for byte, line endings included (see "Output state").
 *
 * One loop over mdx_walk events, so nesting depth costs no C stack. Every node writes
 * O(size of its strings) bytes, so the output is linear in the tree. Reference nodes
 * carry their definition's url and title (the inline phase resolves them). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chars.h"
#include "doc.h"
#include "gfm_table.h"
#include "gfm_tagfilter.h"
#include "gfm_tasks.h"
#include "html_footnote.h"
#include "limits.h"
#include "mdx_syntax.h"

/* The label a reference was written with (for printing an unresolved one). */
static mdx_str ref_label(const mdx_node *node) {
  return node->raw_label.ptr ? node->raw_label : node->label;
}

/* ---- Output state ------------------------------------------------------------------ */

/* micromark copies the source's line endings into the HTML and adds its own (in the
 * document's style: its first line ending, else "\n") only where the markup needs one.
 * Which source line endings it copies depends on the order of its events, which the tree
 * does not keep, and on flags of its compiler that we reproduce:
 *  - last_was_tag: the last thing written was markup, not content;
 *  - slurp_all: set by link reference definitions and by paragraphs of tight list items.
 *    While set, source line endings are dropped, even those inside later code and HTML
 *    blocks, until a paragraph, a setext heading, the end of a block quote or of a list
 *    item clears it.
 * The source line ending after a block's last line (its "trailing" line ending) is
 * written when the next block starts; but when the block's last line is also the last
 * line of a block quote or list, the line ending comes after that container's closing
 * tag. So a document that does not end with a line ending gets none. */

typedef struct html_eol {
  uint32_t at, len; /* a line ending in the source; len 0: none */
} html_eol;

typedef struct html_state {
  mdx_buf *out;
  size_t base; /* out->len on entry: our output starts there */
  unsigned options;
  const char *src; /* NULL for trees built by hand: no source line endings to copy */
  uint32_t src_len;
  const char *style; /* the line ending micromark adds */
  size_t style_len;
  int last_was_tag;
  int slurp_all;
  html_eol pending; /* trailing line ending of the last block, not written yet */
  const mdx_node *table; /* the table being written (tables do not nest) */
  uint32_t column;       /* ... and the column of its next cell */
  uint64_t pad_left;     /* empty cells short rows may still get (MDX_TABLE_PAD_PER_BYTE) */
  mdx_fn_html *fn;  /* GFM footnotes (html_footnote.h), made at the first one */
  size_t root_base; /* `base` of the document's output (definitions write elsewhere) */
  uint32_t fn_depth; /* open footnote definitions */
  int tagfilter;     /* GFM with raw HTML allowed: gfm_tagfilter.h */
  int slurp_one;     /* 1: drop the line ending at slurp_at (after a footnote definition);
                        2: drop the first one written at or after slurp_at */
  uint32_t slurp_at;
} html_state;

static const html_eol no_eol = {0, 0};

/* The line ending starting at `pos`, if one does. */
static html_eol eol_at(const html_state *st, uint32_t pos) {
  html_eol e = no_eol;
  if (!st->src || pos >= st->src_len) return e;
  if (st->src[pos] == '\n') {
    e.at = pos;
    e.len = 1;
  } else if (st->src[pos] == '\r') {
    e.at = pos;
    e.len = pos + 1 < st->src_len && st->src[pos + 1] == '\n' ? 2 : 1;
  }
  return e;
}

/* The line ending that ends the line on which `pos` ends a block: only spaces and tabs
 * may stand between them (trailing whitespace is outside mdast positions). */
static html_eol eol_after(const html_state *st, uint32_t pos) {
  if (!st->src) return no_eol;
  while (pos < st->src_len && (st->src[pos] == ' ' || st->src[pos] == '\t')) pos++;
  return eol_at(st, pos);
}

/* The first line ending of the line `pos` is on (none at the end of the input). */
static html_eol eol_of_line(const html_state *st, uint32_t pos) {
  if (!st->src) return no_eol;
  while (pos < st->src_len && st->src[pos] != '\n' && st->src[pos] != '\r') pos++;
  return eol_at(st, pos);
}

static void tag(html_state *st, const char *s) {
  mdx_buf_puts(st->out, s);
  st->last_was_tag = 1;
}

/* A line ending micromark adds itself, in the document's style. */
static void line_ending(html_state *st) {
  mdx_buf_put(st->out, st->style, st->style_len);
  st->last_was_tag = 0;
}

/* One unless the output is empty or already ends a line. */
static void line_ending_if_needed(html_state *st) {
  const mdx_buf *out = st->out;
  if (out->len <= st->base || out->failed) return;
  char c = out->data[out->len - 1];
  if (c != '\n' && c != '\r') line_ending(st);
}

/* A line ending of the source, copied unless definitions or a tight paragraph made
 * micromark drop them for now. */
static void source_eol(html_state *st, html_eol e) {
  if (!e.len || st->slurp_all) return;
  if (st->slurp_one && e.at >= st->slurp_at) {
    int any = st->slurp_one == 2;
    st->slurp_one = 0;
    if (any || e.at == st->slurp_at) return;
  }
  mdx_buf_put(st->out, st->src + e.at, e.len);
  st->last_was_tag = 0;
}

/* After a footnote definition that holds its own last line ending (footnote_exit), the
 * first line ending micromark meets goes, wherever it is: in text, code, HTML or a hard
 * break. Splits `*v` there: `*v` keeps what comes before, `*tail` gets what follows. */
static int slurp_split(html_state *st, mdx_str *v, mdx_str *tail) {
  if (st->slurp_one != 2 || st->slurp_all || !v->ptr) return 0;
  uint32_t i = 0;
  while (i < v->len && v->ptr[i] != '\n' && v->ptr[i] != '\r') i++; /* bounded: one pass */
  if (i == v->len) return 0;
  uint32_t n = v->ptr[i] == '\r' && i + 1 < v->len && v->ptr[i + 1] == '\n' ? 2 : 1;
  tail->ptr = v->ptr + i + n;
  tail->len = v->len - i - n;
  v->len = i;
  st->slurp_one = 0;
  return 1;
}

static void flush_pending(html_state *st) {
  source_eol(st, st->pending);
  st->pending = no_eol;
}

/* ---- Escaping and URLs --------------------------------------------------------------- */

/* micromark-util-encode: only these four are replaced, in text and attributes alike. */
/* Characters HTML text and attribute values must not contain raw. */
static const unsigned char needs_escape[256] = {['&'] = 1, ['<'] = 1, ['>'] = 1, ['"'] = 1};

static void put_escaped(mdx_buf *out, const char *s, size_t len) {
  size_t start = 0;
  for (size_t i = 0; i < len; i++) { /* bounded by len */
    if (!needs_escape[(unsigned char)s[i]]) continue;
    mdx_buf_put(out, s + start, i - start);
    switch (s[i]) {
    case '&': mdx_buf_put(out, "&amp;", 5); break;
    case '<': mdx_buf_put(out, "&lt;", 4); break;
    case '>': mdx_buf_put(out, "&gt;", 4); break;
    default: mdx_buf_put(out, "&quot;", 6); break;
    }
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
    if (c == '%' && i + 2 < url.len && mdx_ascii_alnum(s[i + 1]) && mdx_ascii_alnum(s[i + 2])) {
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
  tag(st, " />");
}

static void put_link_open(html_state *st, mdx_str url, mdx_str title) {
  mdx_buf_puts(st->out, "<a href=\"");
  put_url(st, url, URL_HREF);
  mdx_buf_putc(st->out, '"');
  put_title(st->out, title);
  tag(st, ">");
}

/* An unresolved reference (no definition found) prints as the source wrote it, the way
 * mdast-util-to-hast reverts one. */
static void put_reference_tail(html_state *st, const mdx_node *node) {
  mdx_buf_putc(st->out, ']');
  if (node->num == MDX_REF_COLLAPSED) {
    mdx_buf_puts(st->out, "[]");
  } else if (node->num == MDX_REF_FULL) {
    mdx_buf_putc(st->out, '[');
    put_str(st->out, ref_label(node));
    mdx_buf_putc(st->out, ']');
  }
  st->last_was_tag = 0;
}

/* ---- Blocks ------------------------------------------------------------------------ */

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

/* The trailing line ending of the block quote or list whose last line `node` ends (when
 * `node` is its last block, or the last block of its last item); none otherwise. */
static html_eol container_eol(const html_state *st, const mdx_node *node) {
  const mdx_node *p = node->parent;
  if (node->next || !p) return no_eol;
  if (p->type == MDX_NODE_LIST_ITEM) {
    if (p->next || !p->parent) return no_eol;
    p = p->parent;
  }
  if (p->type != MDX_NODE_BLOCKQUOTE && p->type != MDX_NODE_LIST &&
      p->type != MDX_NODE_FOOTNOTE_DEFINITION)
    return no_eol;
  return eol_after(st, p->end);
}

/* Closing a block quote or list: the trailing line ending of its last block goes before
 * the closing tag unless it is the container's own (see above). Returns the container's
 * trailing line ending, which the caller keeps pending after the tag. */
static html_eol container_close(html_state *st, const mdx_node *node) {
  html_eol own = eol_after(st, node->end);
  if (st->pending.len && (!own.len || own.at != st->pending.at)) flush_pending(st);
  return own;
}

/* End of a list item, written when the next item starts or the list ends. A line ending
 * before </li> only after markup, and not when a tight paragraph asked for none. */
static void item_close(html_state *st) {
  if (st->last_was_tag && !st->slurp_all) line_ending_if_needed(st);
  tag(st, "</li>");
  st->slurp_all = 0;
}

static void put_html_part(html_state *st, const mdx_node *node, mdx_str v);

static void put_html(html_state *st, const mdx_node *node) {
  mdx_str v = node->value, tail;
  if (!v.ptr) return;
  int split = slurp_split(st, &v, &tail);
  put_html_part(st, node, v);
  if (split) put_html_part(st, node, tail);
}

static void put_html_part(html_state *st, const mdx_node *node, mdx_str v) {
  if (st->tagfilter)
    mdx_tagfilter_put(st->out, v.ptr, v.len, !is_flow(node));
  else if (st->options & MDX_OPT_DANGEROUS_HTML)
    mdx_buf_put(st->out, v.ptr, v.len);
  else
    put_escaped(st->out, v.ptr, v.len); /* micromark's safe default: shown, not run */
  st->last_was_tag = 0;
}

/* An HTML block. Its value holds its inner line endings, and its last one when the block
 * runs to the end of the input or of a list item (micromark writes that one inside). */
static void render_html_flow(html_state *st, const mdx_node *node) {
  mdx_str v = node->value;
  line_ending_if_needed(st);
  if (!st->slurp_all) {
    put_html(st, node);
  } else if (v.ptr) { /* the same, without the line endings micromark drops */
    uint32_t start = 0;
    for (uint32_t i = 0; i <= v.len; i++) { /* bounded: one pass over the value */
      if (i < v.len && v.ptr[i] != '\n' && v.ptr[i] != '\r') continue;
      if (st->tagfilter)
        mdx_tagfilter_put(st->out, v.ptr + start, i - start, 0);
      else if (st->options & MDX_OPT_DANGEROUS_HTML)
        mdx_buf_put(st->out, v.ptr + start, i - start);
      else
        put_escaped(st->out, v.ptr + start, i - start);
      start = i + 1;
    }
    st->last_was_tag = 0;
  }
  int inside = v.len && (v.ptr[v.len - 1] == '\n' || v.ptr[v.len - 1] == '\r');
  st->pending = inside ? no_eol : eol_after(st, node->end);
}

/* The line ending that ends at `end` (end is just after it), if one does. */
static html_eol eol_before(const html_state *st, uint32_t end) {
  html_eol e = no_eol;
  if (!st->src || !end || end > st->src_len) return e;
  char c = st->src[end - 1];
  if (c == '\r' || (c == '\n' && !(end >= 2 && st->src[end - 2] == '\r'))) {
    e.at = end - 1;
    e.len = 1;
  } else if (c == '\n') {
    e.at = end - 2;
    e.len = 2;
  }
  return e;
}

/* The last line ending before the line `pos` is on, not before `floor`. */
static html_eol eol_before_line(const html_state *st, uint32_t floor, uint32_t pos) {
  while (pos > floor && st->src[pos - 1] != '\n' && st->src[pos - 1] != '\r') pos--;
  return pos > floor ? eol_before(st, pos) : no_eol;
}

static uint32_t count_eols(const char *s, uint32_t len) {
  uint32_t n = 0;
  for (uint32_t i = 0; i < len; i++) /* bounded: one pass */
    if (s[i] == '\n' || (s[i] == '\r' && !(i + 1 < len && s[i + 1] == '\n'))) n++;
  return n;
}

/* Writes a code value: escaped, without its line endings while micromark drops them. */
static void put_code_value(html_state *st, mdx_str v) {
  if (!v.ptr || !v.len) return;
  mdx_str tail;
  if (slurp_split(st, &v, &tail)) { /* indented code after a footnote definition */
    put_escaped(st->out, v.ptr, v.len);
    v = tail;
    st->last_was_tag = 0;
  }
  if (!st->slurp_all) {
    put_escaped(st->out, v.ptr, v.len);
    st->last_was_tag = 0;
    return;
  }
  uint32_t start = 0;
  for (uint32_t i = 0; i <= v.len; i++) { /* bounded: one pass over the value */
    if (i < v.len && v.ptr[i] != '\n' && v.ptr[i] != '\r') continue;
    if (i > start) {
      put_escaped(st->out, v.ptr + start, i - start);
      st->last_was_tag = 0;
    }
    start = i + 1;
  }
}

/* Code blocks. The value holds the content lines and the line endings between them;
 * micromark also writes the last content line's ending when it is inside the block, and
 * the one before an empty last line that mdast leaves out of the value. The source span
 * tells the cases apart (line_count is the number of content lines):
 *   closed fence: [start, end) holds line_count + 1 line endings and ends on the fence;
 *   unclosed, taking its last line ending: line_count + 1 line endings, the last at
 *   the very end;
 *   unclosed otherwise, and indented code: the last line ending follows `end`.
 * A fenced block without a closing fence ends differently: micromark adds a line ending
 * after it, and one before </code> inside containers after content. */
static void render_code(html_state *st, const mdx_node *node) {
  mdx_buf *out = st->out;
  int fenced = !!(node->flags & MDX_FLAG_FENCED);
  mdx_str v = node->value;
  line_ending_if_needed(st);
  mdx_buf_puts(out, "<pre><code");
  if (node->url.ptr && node->url.len) {
    mdx_buf_puts(out, " class=\"language-");
    put_str(out, node->url);
    mdx_buf_putc(out, '"');
  }
  tag(st, ">");
  /* micromark's fence asks to drop its own line ending, which it does (see below): a
   * request left by a footnote definition (footnote_exit) is spent with it. */
  if (fenced && st->slurp_one == 2) st->slurp_one = 0;
  int seen = 0, unclosed = 0;
  for (uint32_t i = 0; v.ptr && i < v.len && !seen; i++) /* bounded: one pass */
    seen = v.ptr[i] != '\n' && v.ptr[i] != '\r';
  html_eol trailing = no_eol;
  if (!st->src) { /* a tree built by hand: the value as a closed fence would print it */
    put_code_value(st, v);
    if (v.len) line_ending(st);
  } else {
    uint32_t n = node->line_count;
    uint32_t span = node->end > node->start ? node->end - node->start : 0;
    uint32_t span_eols = count_eols(st->src + node->start, span);
    html_eol before_end = eol_before(st, node->end);
    /* An empty last line also makes the span end just after a line ending; the count
     * tells it from a span holding the last line ending. */
    int all_eols = fenced && span_eols == n + 1;
    int closed = all_eols && !before_end.len;
    unclosed = fenced && !closed;
    /* The last content line's ending (the fence line's when there is no content). */
    html_eol last = closed     ? eol_before_line(st, node->start, node->end)
                    : all_eols ? before_end
                               : eol_after(st, node->end);
    put_code_value(st, v);
    uint32_t v_eols = v.ptr ? count_eols(v.ptr, v.len) : 0;
    if (n >= 2 && v_eols + 2 == n) /* an empty last line, left out of the value */
      source_eol(st, eol_before_line(st, node->start, last.len ? last.at : node->end));
    /* Indented code never holds its last line ending. Fenced code holds it, unless the
     * fence is unclosed and that line also ends a block quote or list. Without content
     * lines, it is the fence's own line ending, which micromark drops. */
    html_eol own = container_eol(st, node);
    if (!fenced || (unclosed && last.len && own.len && own.at == last.at))
      trailing = last;
    else if (n)
      source_eol(st, last);
    if (closed) trailing = eol_after(st, node->end);
  }
  const mdx_node *p = node->parent;
  int in_container = p && (p->type == MDX_NODE_BLOCKQUOTE || p->type == MDX_NODE_LIST_ITEM ||
                           p->type == MDX_NODE_FOOTNOTE_DEFINITION);
  if (unclosed && in_container && !st->last_was_tag) line_ending(st);
  if (seen) line_ending_if_needed(st);
  tag(st, "</code></pre>");
  if (unclosed) line_ending_if_needed(st);
  st->pending = trailing;
}

static const char *const heading_open[] = {"<h1>", "<h2>", "<h3>", "<h4>", "<h5>", "<h6>"};
static const char *const heading_close[] = {"</h1>", "</h2>", "</h3>",
                                            "</h4>", "</h5>", "</h6>"};

static int heading_index(const mdx_node *node) {
  int d = node->num < 1 ? 1 : node->num > 6 ? 6 : node->num;
  return d - 1;
}

/* The line ending a hard break stands before (it follows the spaces or backslash). */
static void put_break(html_state *st, const mdx_node *node) {
  tag(st, "<br />");
  html_eol e = eol_of_line(st, node->start);
  if (st->slurp_one == 2 && !st->slurp_all) {
    st->slurp_one = 0; /* footnote_exit */
  } else if (e.len)
    mdx_buf_put(st->out, st->src + e.at, e.len);
  else
    mdx_buf_put(st->out, st->style, st->style_len);
  st->last_was_tag = 0;
}

/* ---- GFM tables: micromark-extension-gfm-table's HTML ---------------------------------- */

static const char *const align_attr[] = {"", " align=\"left\"", " align=\"right\"",
                                         " align=\"center\""};

static void cell_open(html_state *st, const char *name, int align) {
  line_ending_if_needed(st);
  mdx_buf_putc(st->out, '<');
  mdx_buf_puts(st->out, name);
  mdx_buf_puts(st->out, align_attr[align & 3]);
  tag(st, ">");
}

/* Cells past the head's width are left out (returns 1 to skip them). */
static int table_enter(html_state *st, const mdx_node *node) {
  if (node->type == MDX_NODE_TABLE) {
    line_ending_if_needed(st);
    tag(st, "<table>");
    st->table = node;
    return 0;
  }
  if (node->type == MDX_NODE_TABLE_ROW) {
    if (!node->prev) {
      line_ending_if_needed(st);
      tag(st, "<thead>");
    } else if (!node->prev->prev) {
      tag(st, "<tbody>"); /* right after the delimiter row's line ending, if any */
    }
    line_ending_if_needed(st);
    tag(st, "<tr>");
    st->column = 0;
    return 0;
  }
  if (!st->table || st->column >= st->table->value.len) return 1;
  int head = node->parent && !node->parent->prev;
  cell_open(st, head ? "th" : "td", mdx_table_align(st->table, st->column));
  return 0;
}

static void table_exit(html_state *st, const mdx_node *node) {
  if (node->type == MDX_NODE_TABLE_CELL) {
    tag(st, node->parent && !node->parent->prev ? "</th>" : "</td>");
    st->column++;
    return;
  }
  if (node->type == MDX_NODE_TABLE) {
    if (node->first_child && node->first_child->next) {
      line_ending_if_needed(st);
      tag(st, "</tbody>");
    }
    st->slurp_all = 0;
    line_ending_if_needed(st);
    tag(st, "</table>");
    st->pending = eol_after(st, node->end);
    st->table = NULL;
    return;
  }
  /* A row: short rows get empty cells up to the head's width, while the budget lasts. */
  uint32_t cols = st->table ? st->table->value.len : 0;
  if (st->column < cols && cols - st->column <= st->pad_left) {
    st->pad_left -= cols - st->column;
    for (; st->column < cols; st->column++) { /* bounded: the padding budget */
      cell_open(st, "td", mdx_table_align(st->table, st->column));
      tag(st, "</td>");
    }
  }
  line_ending_if_needed(st);
  tag(st, "</tr>");
  /* micromark copies the line endings between rows, and the delimiter row's one when
   * body rows follow it. */
  html_eol own = eol_after(st, node->end);
  if (!node->prev) {
    source_eol(st, own);
    line_ending_if_needed(st);
    tag(st, "</thead>");
    if (node->next && own.len) source_eol(st, eol_of_line(st, own.at + own.len));
  } else if (node->next) {
    source_eol(st, own);
  }
}

/* GFM footnotes (html_footnote.c). A definition's content goes to a buffer of its own;
 * after it micromark drops one line ending (the pending one) and forgets the last tag. */
static int footnote_ready(html_state *st) {
  if (!st->fn && !(st->fn = mdx_fn_html_new())) st->out->failed = 1;
  return st->fn != NULL;
}

static void footnote_enter(html_state *st) {
  mdx_buf *b = footnote_ready(st) ? mdx_fn_html_def_enter(st->fn, st->out) : NULL;
  if (!b) {
    st->out->failed = 1;
    return;
  }
  st->out = b;
  st->base = 0;
  st->fn_depth++;
}

static void footnote_exit(html_state *st, const mdx_node *node) {
  if (!st->fn_depth) return; /* entering failed */
  /* A line ending the definition's span covers (its last line's, when a following line
   * such as a bare `>` continued it) is micromark's inside the definition. */
  if (node && st->pending.len && st->pending.at < node->end) flush_pending(st);
  st->out = mdx_fn_html_def_exit(st->fn, node);
  st->base = --st->fn_depth ? 0 : st->root_base;
  /* micromark drops the next line ending token after the definition: the one that ends
   * its last line, unless that line was blank (an empty definition) or a construct took
   * its line ending inside (unclosed fenced code, HTML of kinds 1-5) -- then the
   * definition's end is not followed by one, and the first one written later goes. */
  html_eol e = node ? eol_after(st, node->end) : no_eol;
  st->slurp_one = e.len ? 1 : node && st->src && node->end < st->src_len ? 2 : 0;
  st->slurp_at = e.len ? e.at : node ? node->end : 0;
  st->last_was_tag = 0;
}

/* MDX: micromark has no HTML for JSX tags, expressions and ESM, but it writes the line
 * endings inside them, and after a flow one the line ending that ends its line. Paired
 * elements keep where their opening tag ends and their closing tag starts (mdx_tree.c). */
static void mdx_eols(html_state *st, uint32_t from, uint32_t to) {
  for (uint32_t i = from; i < to && i < st->src_len; i++) { /* bounded: the construct */
    html_eol e = eol_at(st, i);
    if (!e.len) continue;
    source_eol(st, e);
    i += e.len - 1;
  }
}

static int mdx_enter(html_state *st, const mdx_node *node) {
  int paired = node->flags & MDX_FLAG_JSX_PAIRED;
  uint32_t open_end = paired ? node->line_count : node->end;
  mdx_eols(st, node->start, open_end);
  if (node->type != MDX_NODE_MDX_TEXT_EXPRESSION && node->type != MDX_NODE_MDX_JSX_TEXT_ELEMENT)
    st->pending = eol_after(st, open_end);
  return !paired;
}

static void mdx_exit(html_state *st, const mdx_node *node) {
  if (node->type == MDX_NODE_MDX_JSX_FLOW_ELEMENT) flush_pending(st);
  mdx_eols(st, node->line_cap, node->end);
  if (node->type == MDX_NODE_MDX_JSX_FLOW_ELEMENT) st->pending = eol_after(st, node->end);
}

/* Enter events. Returns 1 when the node's children must be skipped (leaves, images,
 * definitions: everything is printed here). */
static int render_enter(html_state *st, const mdx_node *node) {
  mdx_buf *out = st->out;
  /* A block starts: the previous block's trailing line ending comes first. */
  if (node->type == MDX_NODE_LIST_ITEM || (node->type != MDX_NODE_ROOT && is_flow(node)))
    flush_pending(st);
  switch (node->type) {
  case MDX_NODE_PARAGRAPH:
    if (!in_tight_item(node)) {
      line_ending_if_needed(st);
      tag(st, "<p>");
    }
    st->slurp_all = 0;
    if (node->num & MDX_TASK_SET) { /* GFM task list item (gfm_tasks.h) */
      tag(st, node->num & MDX_TASK_CHECKED ? "<input type=\"checkbox\" disabled=\"\" checked=\"\" />"
                                           : "<input type=\"checkbox\" disabled=\"\" />");
      /* micromark prints the character the mdast utility drops from the text */
      char dropped = (char)((node->num >> MDX_TASK_CHAR_SHIFT) & 0xff);
      if (dropped) mdx_buf_putc(st->out, dropped);
    }
    return 0;
  case MDX_NODE_HEADING:
    if (node->flags & MDX_FLAG_SETEXT) st->slurp_all = 0;
    line_ending_if_needed(st);
    tag(st, heading_open[heading_index(node)]);
    return 0;
  case MDX_NODE_THEMATIC_BREAK:
    line_ending_if_needed(st);
    tag(st, "<hr />");
    st->pending = eol_after(st, node->end);
    return 1;
  case MDX_NODE_BLOCKQUOTE:
    line_ending_if_needed(st);
    tag(st, "<blockquote>");
    return 0;
  case MDX_NODE_LIST:
    line_ending_if_needed(st);
    if (node->flags & MDX_FLAG_ORDERED) {
      mdx_buf_puts(out, "<ol");
      if (node->num != 1) {
        mdx_buf_puts(out, " start=\"");
        put_int(out, node->num);
        mdx_buf_putc(out, '"');
      }
      tag(st, ">");
    } else {
      tag(st, "<ul>");
    }
    return 0;
  case MDX_NODE_LIST_ITEM:
    if (node->prev) item_close(st);
    line_ending_if_needed(st);
    tag(st, "<li>");
    st->last_was_tag = 0; /* so that an empty item prints <li></li> */
    return 0;
  case MDX_NODE_HTML:
    if (is_flow(node))
      render_html_flow(st, node);
    else
      put_html(st, node);
    return 1;
  case MDX_NODE_CODE: render_code(st, node); return 1;
  case MDX_NODE_TEXT: {
    mdx_str v = node->value, tail;
    int split = slurp_split(st, &v, &tail);
    put_str(out, v);
    if (split) put_str(out, tail);
    st->last_was_tag = 0;
  }
    return 1;
  case MDX_NODE_EMPHASIS: tag(st, "<em>"); return 0;
  case MDX_NODE_STRONG: tag(st, "<strong>"); return 0;
  case MDX_NODE_DELETE: tag(st, "<del>"); return 0;
  case MDX_NODE_INLINE_CODE:
    mdx_buf_puts(out, "<code>");
    {
      mdx_str v = node->value, tail;
      int split = slurp_split(st, &v, &tail);
      put_code_text(out, v);
      if (split) put_code_text(out, tail);
    }
    tag(st, "</code>");
    return 1;
  case MDX_NODE_BREAK: put_break(st, node); return 1;
  case MDX_NODE_LINK:
    if (!(node->flags & MDX_FLAG_NOPOS)) put_link_open(st, node->url, node->title);
    return 0;
  case MDX_NODE_IMAGE: put_image(st, node->url, node->title, node->value); return 1;
  case MDX_NODE_LINK_REFERENCE: {
    if (node->url.ptr) {
      put_link_open(st, node->url, node->title);
    } else {
      mdx_buf_putc(out, '[');
      st->last_was_tag = 0;
    }
    return 0;
  }
  case MDX_NODE_IMAGE_REFERENCE: {
    if (node->url.ptr) {
      put_image(st, node->url, node->title, node->value);
    } else {
      mdx_buf_puts(out, "![");
      put_str(out, node->value);
      put_reference_tail(st, node);
    }
    return 1;
  }
  case MDX_NODE_DEFINITION:
    /* Nothing to show; micromark drops line endings from here on (see html_state). */
    st->slurp_all = 1;
    st->pending = eol_after(st, node->end);
    return 1;
  case MDX_NODE_TABLE:
  case MDX_NODE_TABLE_ROW:
  case MDX_NODE_TABLE_CELL: return table_enter(st, node);
  case MDX_NODE_MATH:
    line_ending_if_needed(st);
    mdx_buf_puts(out, "<pre><code class=\"language-math math-display\">");
    put_str(out, node->value);
    tag(st, "</code></pre>");
    st->pending = eol_after(st, node->end);
    return 1;
  case MDX_NODE_INLINE_MATH:
    mdx_buf_puts(out, "<code class=\"language-math math-inline\">");
    put_code_text(out, node->value);
    tag(st, "</code>");
    return 1;
  case MDX_NODE_FOOTNOTE_DEFINITION: footnote_enter(st); return 0;
  case MDX_NODE_FOOTNOTE_REFERENCE:
    if (footnote_ready(st)) mdx_fn_html_call(st->fn, node, out);
    st->last_was_tag = 1;
    return 1;
  /* Nothing to show: frontmatter; MDX expressions, ESM (JavaScript, which HTML output
   * never runs) and JSX tags only their line endings. */
  case MDX_NODE_YAML:
  case MDX_NODE_TOML: return 1;
  case MDX_NODE_MDX_FLOW_EXPRESSION:
  case MDX_NODE_MDX_TEXT_EXPRESSION:
  case MDX_NODE_MDXJS_ESM:
  case MDX_NODE_MDX_JSX_FLOW_ELEMENT:
  case MDX_NODE_MDX_JSX_TEXT_ELEMENT: return mdx_enter(st, node);
  default: return 0; /* root, JSX elements: only their children show */
  }
}

static void render_exit(html_state *st, const mdx_node *node) {
  switch (node->type) {
  case MDX_NODE_MDX_JSX_FLOW_ELEMENT:
  case MDX_NODE_MDX_JSX_TEXT_ELEMENT: mdx_exit(st, node); break;
  case MDX_NODE_PARAGRAPH:
    if (in_tight_item(node))
      st->slurp_all = 1; /* the line ending after it is not written */
    else
      tag(st, "</p>");
    st->pending = eol_after(st, node->end);
    break;
  case MDX_NODE_HEADING:
    tag(st, heading_close[heading_index(node)]);
    if (node->flags & MDX_FLAG_SETEXT) st->slurp_all = 0;
    st->pending = eol_after(st, node->end);
    break;
  case MDX_NODE_BLOCKQUOTE: {
    html_eol own = container_close(st, node);
    line_ending_if_needed(st);
    tag(st, "</blockquote>");
    st->slurp_all = 0;
    st->pending = own;
    break;
  }
  case MDX_NODE_LIST: {
    html_eol own = container_close(st, node);
    if (node->first_child) item_close(st);
    line_ending(st);
    tag(st, node->flags & MDX_FLAG_ORDERED ? "</ol>" : "</ul>");
    st->pending = own;
    break;
  }
  case MDX_NODE_FOOTNOTE_DEFINITION: footnote_exit(st, node); break;
  case MDX_NODE_EMPHASIS: tag(st, "</em>"); break;
  case MDX_NODE_STRONG: tag(st, "</strong>"); break;
  case MDX_NODE_DELETE: tag(st, "</del>"); break;
  case MDX_NODE_LINK:
    if (!(node->flags & MDX_FLAG_NOPOS)) tag(st, "</a>");
    break;
  case MDX_NODE_LINK_REFERENCE:
    if (node->url.ptr)
      tag(st, "</a>");
    else
      put_reference_tail(st, node);
    break;
  case MDX_NODE_TABLE:
  case MDX_NODE_TABLE_ROW:
  case MDX_NODE_TABLE_CELL: table_exit(st, node); break;
  default: break;
  }
}

/* The line endings a code span pads its content with: when the content starts and ends
 * with a space or line ending and holds something else, micromark strips one of each end
 * and retypes a stripped line ending, so it is no longer a line ending to it. Sets
 * pad[0] (head) and pad[1] (tail); len 0 when that end is not a stripped line ending. */
static void code_span_padding(const html_state *st, const mdx_node *node, html_eol pad[2]) {
  pad[0] = pad[1] = no_eol;
  const char *s = st->src;
  uint32_t open = 0, close = 0, start = node->start, end = node->end;
  if (!s || end > st->src_len) return;
  while (start + open < end && s[start + open] == '`') open++; /* bounded by the span */
  while (end - close > start + open && s[end - close - 1] == '`') close++;
  if (!open || open != close || end - close - (start + open) < 2) return;
  uint32_t a = start + open, b = end - close; /* the content, [a, b) */
  char head = s[a], tail = s[b - 1];
  int head_ok = head == ' ' || head == '\n' || head == '\r';
  int tail_ok = tail == ' ' || tail == '\n' || tail == '\r';
  if (!head_ok || !tail_ok) return;
  int data = 0;
  for (uint32_t i = a; i < b && !data; i++) /* bounded: the content */
    data = s[i] != ' ' && s[i] != '\n' && s[i] != '\r';
  if (!data) return;
  pad[0] = eol_at(st, a);
  pad[1] = eol_before(st, b);
}

/* micromark's line ending style: the document's first line ending, else "\n". Line
 * endings that pad code spans do not count (see above); code spans come in source order
 * in the walk, so one pass over the source and one over the tree find it. */
/* The inline code node whose range holds byte `at`, if any: one descent from the root
 * through the children holding `at` (no walk over the whole tree). */
static const mdx_node *code_at(const mdx_node *root, uint32_t at) {
  const mdx_node *n = root;
  for (;;) { /* bounded: one level deeper each turn */
    if (n->type == MDX_NODE_INLINE_CODE) return n;
    const mdx_node *c = n->first_child;
    while (c && !(c->start <= at && at < c->end)) c = c->next; /* bounded: siblings */
    if (!c) return NULL;
    n = c;
  }
}

static void find_style(html_state *st, mdx_node *root) {
  st->style = "\n";
  st->style_len = 1;
  if (!st->src) return;
  uint32_t pos = 0;
  html_eol cand = no_eol;
  /* bounded: `pos` only moves forward */
  while (pos < st->src_len && !(cand = eol_at(st, pos)).len) pos++;
  /* A line ending that a code span strips as padding does not count (micromark retypes
   * it); only a code span around the candidate can do that. bounded: `pos` moves on. */
  while (cand.len) {
    const mdx_node *code = code_at(root, cand.at);
    if (!code) break;
    html_eol pad[2];
    code_span_padding(st, code, pad);
    if (!(pad[0].len && pad[0].at == cand.at) && !(pad[1].len && pad[1].at == cand.at)) break;
    pos = cand.at + cand.len;
    cand = no_eol;
    while (pos < st->src_len && !(cand = eol_at(st, pos)).len) pos++;
  }
  if (!cand.len) return;
  st->style = st->src + cand.at;
  st->style_len = cand.len;
}

int mdx_html_render(const mdx_doc *doc, unsigned options, mdx_buf *out) {
  if (!doc || !doc->root) return out->failed ? MDX_ENOMEM : MDX_OK;
  html_state st;
  memset(&st, 0, sizeof st);
  st.out = out;
  st.base = st.root_base = out->len;
  st.options = options;
  st.tagfilter = (options & MDX_OPT_DANGEROUS_HTML) && (doc->options & MDX_OPT_GFM);
  st.src = doc->src;
  st.src_len = doc->src ? doc->len : 0;
  find_style(&st, doc->root);
  st.pad_left = (uint64_t)doc->len * MDX_TABLE_PAD_PER_BYTE + MDX_TABLE_PAD_BASE;
  mdx_walk walk;
  mdx_walk_init(&walk, doc->root);
  /* bounded: each node is entered and exited once; output stops growing on failure */
  while (mdx_walk_next(&walk) && !out->failed) {
    if (walk.entering) {
      /* Marking the node as exited makes the walk skip its children and exit event. */
      if (render_enter(&st, walk.node)) walk.entering = 0;
    } else {
      render_exit(&st, walk.node);
    }
  }
  while (st.fn_depth) footnote_exit(&st, NULL); /* only after a failure: give buffers back */
  flush_pending(&st);
  if (st.fn) {
    mdx_fn_html_section(st.fn, out, st.root_base, st.style, st.style_len);
    mdx_fn_html_free(st.fn);
  }
  return out->failed ? MDX_ENOMEM : MDX_OK;
}
