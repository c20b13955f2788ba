/* HTML blocks: the seven start conditions of CommonMark 0.31.2 and the end conditions of
 * kinds 1-5, with micromark's exact reading (e.g. `<!-->` and `<?>` end at once, a
 * complete tag may interrupt a paragraph only on a lazy line). Both scans look at one
 * line, left to right, each byte once (the raw end-tag name is capped at 8 letters), so
 * they are linear in the line. */
#include <string.h>

#include "chars.h"
#include "blocks_html.h"

static int is_space(int c) { return c == ' ' || c == '\t'; }

static const char *const raw_names[] = {"pre", "script", "style", "textarea"};

static const char *const block_names[] = {
    "address",  "article",  "aside",    "base",     "basefont", "blockquote", "body",
    "caption",  "center",   "col",      "colgroup", "dd",       "details",    "dialog",
    "dir",      "div",      "dl",       "dt",       "fieldset", "figcaption", "figure",
    "footer",   "form",     "frame",    "frameset", "h1",       "h2",         "h3",
    "h4",       "h5",       "h6",       "head",     "header",   "hr",         "html",
    "iframe",   "legend",   "li",       "link",     "main",     "menu",       "menuitem",
    "nav",      "noframes", "ol",       "optgroup", "option",   "p",          "param",
    "search",   "section",  "summary",  "table",    "tbody",    "td",         "tfoot",
    "th",       "thead",    "title",    "tr",       "track",    "ul"};

/* Case-insensitive match of s[0, len) against a lower-case name list. */
static int name_in(const char *s, uint32_t len, const char *const *names, size_t count) {
  char low[16];
  if (len == 0 || len >= sizeof low) return 0;
  for (uint32_t i = 0; i < len; i++) low[i] = (char)(s[i] | (mdx_ascii_alpha(s[i]) ? 0x20 : 0));
  low[len] = 0;
  for (size_t i = 0; i < count; i++)
    if (strcmp(low, names[i]) == 0) return 1;
  return 0;
}

/* The rest of a complete (kind 7) opening or closing tag, from just after its name.
 * Returns 1 when the tag is well formed and only whitespace follows it on the line. */
static int complete_tag_rest(const char *s, uint32_t i, uint32_t end, int closing) {
  if (closing) {
    while (i < end && is_space(s[i])) i++;
  } else {
    for (;;) { /* bounded: every branch consumes at least one byte or leaves the loop */
      while (i < end && is_space(s[i])) i++;
      if (i < end && s[i] == '/') {
        i++;
        break;
      }
      if (i >= end || !(s[i] == ':' || s[i] == '_' || mdx_ascii_alpha(s[i]))) break;
      i++; /* attribute name */
      while (i < end && (s[i] == '-' || s[i] == '.' || s[i] == ':' || s[i] == '_' ||
                         mdx_ascii_alnum(s[i])))
        i++;
      while (i < end && is_space(s[i])) i++;
      if (i >= end || s[i] != '=') continue;
      i++;
      while (i < end && is_space(s[i])) i++;
      if (i >= end) return 0;
      char c = s[i];
      if (c == '<' || c == '=' || c == '>' || c == '`') return 0;
      if (c == '"' || c == '\'') {
        i++;
        while (i < end && s[i] != c) i++;
        if (i >= end) return 0;
        i++;
        if (i < end && !(s[i] == '/' || s[i] == '>' || is_space(s[i]))) return 0;
      } else {
        while (i < end && !(s[i] == '"' || s[i] == '\'' || s[i] == '/' || s[i] == '<' ||
                            s[i] == '=' || s[i] == '>' || s[i] == '`' || is_space(s[i])))
          i++;
      }
    }
  }
  if (i >= end || s[i] != '>') return 0;
  i++;
  while (i < end && is_space(s[i])) i++;
  return i == end;
}

int mdx_blocks_html_start(const char *s, uint32_t p, uint32_t end, int interrupt, int lazy,
                          uint32_t *scan_from, int *scan_state) {
  uint32_t i = p + 1;
  *scan_state = MDX_HTML_SCAN_TEXT;
  if (i >= end) return 0;
  if (s[i] == '!') {
    i++;
    if (i < end && s[i] == '-') {
      if (i + 1 < end && s[i + 1] == '-') {
        *scan_from = i + 2;
        *scan_state = MDX_HTML_SCAN_DECLARATION;
        return 2;
      }
      return 0;
    }
    if (i < end && s[i] == '[') {
      if (end - i >= 7 && memcmp(s + i, "[CDATA[", 7) == 0) {
        *scan_from = i + 7;
        return 5;
      }
      return 0;
    }
    if (i < end && mdx_ascii_alpha(s[i])) {
      *scan_from = i + 1;
      *scan_state = MDX_HTML_SCAN_DECLARATION;
      return 4;
    }
    return 0;
  }
  if (s[i] == '?') {
    *scan_from = i + 1;
    *scan_state = MDX_HTML_SCAN_DECLARATION;
    return 3;
  }
  int closing = 0;
  if (s[i] == '/') {
    closing = 1;
    i++;
  }
  if (i >= end || !mdx_ascii_alpha(s[i])) return 0;
  uint32_t name = i;
  while (i < end && (s[i] == '-' || mdx_ascii_alnum(s[i]))) i++;
  if (i < end && !(s[i] == '/' || s[i] == '>' || is_space(s[i]))) return 0;
  uint32_t name_len = i - name;
  int slash = i < end && s[i] == '/';
  if (!slash && !closing && name_in(s + name, name_len, raw_names, 4)) {
    *scan_from = i;
    return 1;
  }
  if (name_in(s + name, name_len, block_names, sizeof block_names / sizeof *block_names)) {
    if (slash && !(i + 1 < end && s[i + 1] == '>')) return 0;
    return 6;
  }
  if (interrupt && !lazy) return 0;
  return complete_tag_rest(s, i, end, closing) ? 7 : 0;
}

enum { ST_TEXT, ST_DECL, ST_COMMENT, ST_RAW_OPEN, ST_RAW_NAME, ST_CDATA };

int mdx_blocks_html_ends(const char *s, uint32_t p, uint32_t end, int kind, int state) {
  int st = state == MDX_HTML_SCAN_DECLARATION ? ST_DECL : ST_TEXT;
  uint32_t name = 0;
  for (uint32_t i = p; i < end; i++) {
    char c = s[i];
    switch (st) { /* states that do not take `c` fall back to ST_TEXT for it */
    case ST_DECL:
      if (c == '>') return 1;
      if (c == '-' && kind == 2) continue;
      break;
    case ST_COMMENT:
      if (c == '-') {
        st = ST_DECL;
        continue;
      }
      break;
    case ST_RAW_OPEN:
      if (c == '/') {
        st = ST_RAW_NAME;
        name = i + 1;
        continue;
      }
      break;
    case ST_RAW_NAME:
      if (c == '>') {
        if (name_in(s + name, i - name, raw_names, 4)) return 1;
      } else if (mdx_ascii_alpha(c) && i - name < 8) {
        continue;
      }
      break;
    case ST_CDATA:
      if (c == ']') {
        st = ST_DECL;
        continue;
      }
      break;
    default: break;
    }
    st = ST_TEXT;
    if (c == '-' && kind == 2) st = ST_COMMENT;
    else if (c == '<' && kind == 1) st = ST_RAW_OPEN;
    else if (c == '>' && kind == 4) return 1;
    else if (c == '?' && kind == 3) st = ST_DECL;
    else if (c == ']' && kind == 5) st = ST_CDATA;
  }
  return 0;
}
