/* Shared by the inline phase (inlines.c) and link reference definitions (refs.c): the
 * content of a leaf block as one buffer, character classes as micromark sees them,
 * character references, and the link syntax both need (destination, title, label). */
#ifndef MDX_SCAN_H
#define MDX_SCAN_H

#include <stdint.h>

#include "doc.h"

/* One content line inside a view buffer. The buffer holds, per line, micromark's "chunk":
 * the whitespace left after container prefixes (cstart..start; code spans and labels keep
 * it, text drops it), the content (start..end) and the line ending (end..eol). */
typedef struct mdx_vline {
  uint32_t cstart, start, end, eol; /* offsets in the view buffer */
  uint32_t src_start;               /* source offset of `start` */
  uint32_t src_eol;                 /* source offset of `eol` */
  uint8_t col, vs; /* at cstart: column mod 4, virtual spaces still ahead (mdx_line) */
} mdx_vline;

typedef struct mdx_view {
  mdx_doc *doc;
  const char *s; /* the buffer: the source itself when the lines are contiguous */
  uint32_t n;
  mdx_vline *lines;
  uint32_t count;
  int in_src; /* s points into doc->src (then src offset = view offset + src_base) */
  uint32_t src_base;
  /* Titles end only at their closing marker, so a scan that ran to the end of the buffer
   * from offset p proves that none closes after p: later scans for the same marker stop at
   * once. Without this `[a](b (x` repeated is quadratic. Index: '"', '\'', ')'. */
  uint32_t title_unclosed[3];
  /* The furthest offset a failed scan examined (micromark: how far the tokenizer was fed
   * before it backtracked). A text line ending consumed again after that has been fed the
   * next line ends, in micromark, after the next line's container prefix, not at the line
   * ending; the inline phase copies that. */
  uint32_t furthest;
  uint32_t hint; /* the line last found: lookups mostly move forward a line at a time */
} mdx_view;

/* Records that a scan failed after examining offset `at`; returns 0. */
int mdx_view_fail(mdx_view *v, uint32_t at);

/* `exact_lead`: the lines' `lead` fields are set (the leaf has MDX_FLAG_LEAD). */
void mdx_view_init(mdx_view *v, mdx_doc *doc, const mdx_line *lines, uint32_t count,
                   int exact_lead);
/* Index of the line holding view offset `off` (a line ending's end counts as the next
 * line's start). */
uint32_t mdx_view_line(mdx_view *v, uint32_t off);
/* Source offset of a view offset where something starts / ends: at a line boundary a
 * start belongs to the next line, an end to the previous one. */
uint32_t mdx_view_src_start(mdx_view *v, uint32_t off);
uint32_t mdx_view_src_end(mdx_view *v, uint32_t off);
/* The text of view[from, to) as a string; where it crosses line endings, the chunk
 * whitespace after each is dropped when `strip` (titles) or kept (labels, code). Points
 * into the source when that is possible. */
mdx_str mdx_view_text(mdx_view *v, uint32_t from, uint32_t to, int strip);

static inline int mdx_is_eol(char c) { return c == '\n' || c == '\r'; }
static inline int mdx_is_space(char c) { return c == ' ' || c == '\t'; }
static inline int mdx_is_ascii_punct(unsigned char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}

/* Decodes the UTF-8 character at s[i] (valid UTF-8 assumed); returns its length. */
uint32_t mdx_utf8_next(const char *s, uint32_t n, uint32_t i, uint32_t *cp);
/* The character ending just before s[i]; returns its length (0 at the start). */
uint32_t mdx_utf8_prev(const char *s, uint32_t i, uint32_t *cp);

/* micromark's classifyCharacter: 1 whitespace (also used for "no character"),
 * 2 punctuation, 0 other. */
enum { MDX_CLASS_OTHER = 0, MDX_CLASS_SPACE = 1, MDX_CLASS_PUNCT = 2 };
int mdx_char_class(uint32_t cp);

/* A character reference at s[i] == '&'. Returns its length in bytes (0 if there is none)
 * and sets *value: a static string or one written to `buf`. */
uint32_t mdx_char_ref(const char *s, uint32_t n, uint32_t i, char buf[8], mdx_str *value);

/* Link syntax, as micromark's factories read it. Each returns 1 on success and sets the
 * offsets of the content and of the first byte after the construct. */
/* Spaces, tabs and line endings. */
uint32_t mdx_scan_whitespace(const mdx_view *v, uint32_t i);
/* `max_parens`: nesting allowed in a raw destination (0: unlimited). */
int mdx_scan_destination(mdx_view *v, uint32_t i, uint32_t max_parens, uint32_t *cs,
                         uint32_t *ce, uint32_t *after);
int mdx_scan_title(mdx_view *v, uint32_t i, uint32_t *cs, uint32_t *ce,
                   uint32_t *after);
/* A link label `[...]` at s[i] == '['. */
int mdx_scan_label(mdx_view *v, uint32_t i, uint32_t *cs, uint32_t *ce,
                   uint32_t *after);

#endif
