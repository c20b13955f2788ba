/* Content views of leaf blocks and the link syntax shared by inlines and definitions.
 * Every scanner here moves forward only and stops at the first byte that cannot continue
 * its construct, so each call costs at most the bytes it consumes plus one; the callers
 * make sure (with the memo in mdx_view for titles) that no byte is rescanned without
 * bound. */
#include <string.h>

#include "chars.h"
#include "entities.h"
#include "limits.h"
#include "scan.h"
#include "unicode.h"

/* Whitespace before a continuation line's content that micromark keeps in the line's
 * chunk. The block phase strips it from `start` and may say how much it was (`pad` with
 * MDX_FLAG_LEAD, see node.h); without that, it is the run of spaces and tabs just before, back to
 * the previous line ending, which can include a container's indentation. */
static uint32_t line_lead(const mdx_doc *doc, const mdx_line *prev, const mdx_line *line,
                          int exact) {
  if (exact) return line->pad <= line->start - prev->eol ? line->pad : 0;
  uint32_t k = line->start;
  while (k > prev->eol && mdx_is_space(doc->src[k - 1])) k--; /* bounded: back to prev->eol */
  return line->start - k;
}

void mdx_view_init(mdx_view *v, mdx_doc *doc, const mdx_line *lines, uint32_t count,
                   int exact_lead) {
  memset(v, 0, sizeof *v);
  v->doc = doc;
  v->count = count;
  for (int k = 0; k < 3; k++) v->title_unclosed[k] = UINT32_MAX;
  if (!count) {
    v->s = doc->src;
    v->in_src = 1;
    return;
  }
  /* One view at a time: its arrays are the doc's scratch, reused leaf after leaf. */
  v->lines = mdx_scratch_get(&doc->arena, &doc->view_lines, (size_t)count * sizeof *v->lines);
  int contiguous = 1;
  uint32_t off = 0;
  for (uint32_t i = 0; i < count; i++) { /* bounded: count */
    uint32_t lead = i ? line_lead(doc, &lines[i - 1], &lines[i], exact_lead) : 0;
    if (i && lines[i].start - lead != lines[i - 1].eol) contiguous = 0;
    mdx_vline *vl = &v->lines[i];
    vl->cstart = off;
    vl->start = off + lead;
    vl->end = vl->start + (lines[i].end - lines[i].start);
    vl->eol = vl->end + (lines[i].eol - lines[i].end);
    vl->src_start = lines[i].start;
    vl->src_eol = lines[i].eol;
    /* cstart is just after the container prefixes when the lead is exact, else the line's
     * start (column 0). */
    vl->col = exact_lead && lead == lines[i].pad ? lines[i].lead_col : 0;
    vl->vs = exact_lead && lead == lines[i].pad ? lines[i].lead_vs : 0;
    off = vl->eol;
  }
  v->n = off;
  if (contiguous) {
    v->s = doc->src + lines[0].start;
    v->in_src = 1;
    v->src_base = lines[0].start;
    return;
  }
  char *copy = mdx_scratch_get(&doc->arena, &doc->view_text, (size_t)off + 1);
  for (uint32_t i = 0; i < count; i++) { /* bounded: count */
    const mdx_vline *vl = &v->lines[i];
    memcpy(copy + vl->cstart, doc->src + lines[i].start - (vl->start - vl->cstart),
           vl->eol - vl->cstart);
  }
  copy[off] = 0;
  v->s = copy;
}

uint32_t mdx_view_line(mdx_view *v, uint32_t off) {
  uint32_t h = v->hint;
  for (uint32_t step = 0; step < 2 && h < v->count; step++, h++) { /* bounded: 2 */
    if (v->lines[h].cstart <= off && (h + 1 == v->count || off < v->lines[h + 1].cstart)) {
      v->hint = h;
      return h;
    }
  }
  uint32_t lo = 0, hi = v->count;
  while (hi - lo > 1) { /* bounded: binary search */
    uint32_t mid = lo + (hi - lo) / 2;
    if (v->lines[mid].cstart <= off)
      lo = mid;
    else
      hi = mid;
  }
  v->hint = lo;
  return lo;
}

uint32_t mdx_view_src_start(mdx_view *v, uint32_t off) {
  if (v->in_src) return v->src_base + off;
  const mdx_vline *l = &v->lines[mdx_view_line(v, off)];
  return l->src_start + off - l->start;
}

uint32_t mdx_view_src_end(mdx_view *v, uint32_t off) {
  if (v->in_src) return v->src_base + off;
  uint32_t i = mdx_view_line(v, off);
  if (i && off == v->lines[i].cstart) i--;
  const mdx_vline *l = &v->lines[i];
  return l->src_start + off - l->start;
}

mdx_str mdx_view_text(mdx_view *v, uint32_t from, uint32_t to, int strip) {
  mdx_str out;
  const char *s = v->s;
  /* A slice of the source whenever the text is there as is: always for a view in the
   * source unless whitespace is stripped, else when no line ending is crossed. */
  if ((!strip && v->in_src) ||
      (!memchr(s + from, '\n', to - from) && !memchr(s + from, '\r', to - from))) {
    out.ptr = v->doc->src + mdx_view_src_start(v, from);
    out.len = to - from;
    return out;
  }
  char *buf = mdx_arena_alloc(&v->doc->arena, to - from + 1);
  uint32_t len = 0;
  for (uint32_t i = from; i < to;) { /* bounded: i grows each turn */
    char c = s[i++];
    buf[len++] = c;
    if (c == '\r' && i < to && s[i] == '\n') buf[len++] = s[i++];
    if (strip && mdx_is_eol(c))
      while (i < to && mdx_is_space(s[i])) i++; /* bounded: to */
  }
  out.ptr = buf;
  out.len = len;
  return out;
}

uint32_t mdx_utf8_next(const char *s, uint32_t n, uint32_t i, uint32_t *cp) {
  unsigned char c = (unsigned char)s[i];
  uint32_t len = c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
  if (i + len > n) len = n - i;
  uint32_t v = len == 1 ? c : len == 2 ? (c & 0x1fu) : len == 3 ? (c & 0x0fu) : (c & 0x07u);
  for (uint32_t k = 1; k < len; k++) v = (v << 6) | ((unsigned char)s[i + k] & 0x3fu);
  *cp = v;
  return len;
}

uint32_t mdx_utf8_prev(const char *s, uint32_t i, uint32_t *cp) {
  if (!i) {
    *cp = 0;
    return 0;
  }
  uint32_t k = i - 1;
  /* bounded: a UTF-8 sequence has at most 3 continuation bytes */
  while (k > 0 && i - k < 4 && ((unsigned char)s[k] & 0xc0) == 0x80) k--;
  mdx_utf8_next(s, i, k, cp);
  return i - k;
}

int mdx_char_class(uint32_t cp) {
  /* ASCII first (nearly every call): tab..CR and space are whitespace. */
  if (cp < 0x80) {
    if ((cp >= 0x09 && cp <= 0x0d) || cp == 0x20) return MDX_CLASS_SPACE;
    return mdx_is_ascii_punct((unsigned char)cp) ? MDX_CLASS_PUNCT : MDX_CLASS_OTHER;
  }
  /* JavaScript's \s beyond ASCII. */
  if (cp == 0xa0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200a) || cp == 0x2028 ||
      cp == 0x2029 || cp == 0x202f || cp == 0x205f || cp == 0x3000 || cp == 0xfeff)
    return MDX_CLASS_SPACE;
  return mdx_unicode_is_punct(cp) ? MDX_CLASS_PUNCT : MDX_CLASS_OTHER;
}

static int is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

uint32_t mdx_char_ref(const char *s, uint32_t n, uint32_t i, char buf[8], mdx_str *value) {
  uint32_t j = i + 1;
  if (j < n && s[j] == '#') {
    j++;
    int hex = j < n && (s[j] == 'x' || s[j] == 'X');
    if (hex) j++;
    uint32_t max = hex ? 6 : 7, k = 0, cp = 0;
    while (j < n && k < max && (hex ? is_hex(s[j]) : (s[j] >= '0' && s[j] <= '9'))) {
      char c = s[j++]; /* bounded: max digits */
      cp = cp * (hex ? 16u : 10u) +
           (uint32_t)(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
      k++;
    }
    if (!k || j >= n || s[j] != ';') return 0;
    if (cp < 0x09 || cp == 0x0b || (cp > 0x0d && cp < 0x20) || (cp > 0x7e && cp < 0xa0) ||
        (cp > 0xd7ff && cp < 0xe000) || (cp > 0xfdcf && cp < 0xfdf0) ||
        (cp & 0xffff) == 0xffff || (cp & 0xffff) == 0xfffe || cp > 0x10ffff)
      cp = 0xfffd;
    value->ptr = buf;
    value->len = mdx_utf8_put(cp, buf);
    return j + 1 - i;
  }
  uint32_t k = 0;
  while (j < n && k < 31 && mdx_ascii_alnum(s[j])) j++, k++; /* bounded: 31 */
  if (!k || j >= n || s[j] != ';') return 0;
  *value = mdx_entity_lookup(s + i + 1, k);
  if (!value->ptr) return 0;
  return j + 1 - i;
}

int mdx_view_fail(mdx_view *v, uint32_t at) {
  if (at > v->n) at = v->n;
  if (at > v->furthest) v->furthest = at;
  return 0;
}

uint32_t mdx_scan_whitespace(const mdx_view *v, uint32_t i) {
  while (i < v->n && (mdx_is_space(v->s[i]) || mdx_is_eol(v->s[i]))) i++; /* bounded: n */
  return i;
}

static int is_control(unsigned char c) { return c < 0x20 || c == 0x7f; }

/* Bytes a raw destination takes without a second look: all but controls, space,
 * parentheses and backslash (urls are long and mostly such bytes). */
static const unsigned char dest_plain[256] = {
#define R4(x) x, x, x, x
#define R16(x) R4(x), R4(x), R4(x), R4(x)
    R16(0), R16(0), /* 0x00-0x1f: controls */
    0, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1, 1, /* 0x20-0x2f: ' ' '(' ')' */
    R16(1), R16(1),                                  /* 0x30-0x4f */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, /* 0x50-0x5f: '\\' */
    R16(1),                                          /* 0x60-0x6f */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, /* 0x70-0x7f: DEL */
    R16(1), R16(1), R16(1), R16(1), R16(1), R16(1), R16(1), R16(1), /* 0x80-0xff */
#undef R16
#undef R4
};

int mdx_scan_destination(mdx_view *v, uint32_t i, uint32_t max_parens, uint32_t *cs,
                         uint32_t *ce, uint32_t *after) {
  const char *s = v->s;
  uint32_t n = v->n;
  if (i < n && s[i] == '<') {
    for (uint32_t j = i + 1; j < n;) { /* bounded: n */
      char c = s[j];
      if (c == '>') {
        *cs = i + 1;
        *ce = j;
        *after = j + 1;
        return 1;
      }
      if (c == '<' || mdx_is_eol(c)) return mdx_view_fail(v, j);
      j += (c == '\\' && j + 1 < n && (s[j + 1] == '<' || s[j + 1] == '>' || s[j + 1] == '\\'))
               ? 2
               : 1;
    }
    return mdx_view_fail(v, n);
  }
  if (i >= n || s[i] == ' ' || s[i] == ')' || is_control((unsigned char)s[i]))
    return mdx_view_fail(v, i);
  uint32_t balance = 0, j = i;
  for (;;) { /* bounded: j grows each turn up to n */
    while (j < n && dest_plain[(unsigned char)s[j]]) j++; /* bounded: n */
    if (j >= n) {
      if (balance) return mdx_view_fail(v, n);
      break;
    }
    unsigned char c = (unsigned char)s[j];
    if (!balance && (c == ')' || c == ' ' || c == '\t' || mdx_is_eol((char)c))) break;
    if (c == '(') {
      if (max_parens && balance >= max_parens) return mdx_view_fail(v, j);
      balance++;
      j++;
      continue;
    }
    if (c == ')') {
      balance--;
      j++;
      continue;
    }
    if (c == ' ' || is_control(c)) return mdx_view_fail(v, j);
    j += (c == '\\' && j + 1 < n && (s[j + 1] == '(' || s[j + 1] == ')' || s[j + 1] == '\\'))
             ? 2
             : 1;
  }
  *cs = i;
  *ce = j;
  *after = j;
  return 1;
}

int mdx_scan_title(mdx_view *v, uint32_t i, uint32_t *cs, uint32_t *ce, uint32_t *after) {
  const char *s = v->s;
  uint32_t n = v->n;
  if (i >= n) return 0;
  char open = s[i];
  int slot = open == '"' ? 0 : open == '\'' ? 1 : open == '(' ? 2 : -1;
  if (slot < 0) return 0;
  char close = open == '(' ? ')' : open;
  if (v->title_unclosed[slot] <= i + 1) return mdx_view_fail(v, n);
  for (uint32_t j = i + 1; j < n;) { /* bounded: n, and never again from here (memo) */
    char c = s[j];
    if (c == close) {
      *cs = i + 1;
      *ce = j;
      *after = j + 1;
      return 1;
    }
    j += (c == '\\' && j + 1 < n && (s[j + 1] == close || s[j + 1] == '\\')) ? 2 : 1;
  }
  v->title_unclosed[slot] = i + 1;
  return mdx_view_fail(v, n);
}

int mdx_scan_label(mdx_view *v, uint32_t i, uint32_t *cs, uint32_t *ce,
                   uint32_t *after) {
  const char *s = v->s;
  uint32_t n = v->n;
  uint32_t size = 0, j = i + 1;
  int seen = 0;
  for (;;) { /* bounded: MDX_MAX_LINK_LABEL characters */
    if (size > MDX_MAX_LINK_LABEL || j >= n || s[j] == '[' || (s[j] == ']' && !seen))
      return mdx_view_fail(v, j);
    if (s[j] == ']') {
      *cs = i + 1;
      *ce = j;
      *after = j + 1;
      return 1;
    }
    if (mdx_is_eol(s[j])) {
      j += (s[j] == '\r' && j + 1 < n && s[j + 1] == '\n') ? 2 : 1;
      continue;
    }
    while (j < n && s[j] != '[' && s[j] != ']' && !mdx_is_eol(s[j])) {
      if (size++ > MDX_MAX_LINK_LABEL) break;
      unsigned char c = (unsigned char)s[j];
      if (!seen) seen = !mdx_is_space((char)c);
      if (c == '\\' && j + 1 < n && (s[j + 1] == '[' || s[j + 1] == ']' || s[j + 1] == '\\')) {
        j += 2;
        size++;
        continue;
      }
      /* micromark counts UTF-16 units: astral characters count twice */
      uint32_t cp, len = mdx_utf8_next(s, n, j, &cp);
      if (cp > 0xffff) size++;
      j += len;
    }
  }
}
