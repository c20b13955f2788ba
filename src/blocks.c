/* Block phase: CommonMark 0.31.2 block structure, read the way micromark reads it, so the
 * tree matches mdast-util-from-markdown node for node and position for position.
 *
 * The source is read line by line. For each line we match the open containers (block
 * quotes, lists) in order, then decide the line's fate as micromark's document tokenizer
 * does: a sibling list item (the deeper containers close), new containers (the open leaf
 * closes as at end of file), a lazy line (the leaf continues if it is a paragraph, else it
 * closes and the unmatched containers close before the line) or an ordinary line for the
 * open leaf ("flow"). Leaves are paragraphs (with link reference definitions, taken by
 * refs.c when they close), headings, thematic breaks, indented and fenced code and HTML.
 *
 * Positions follow micromark's token stream without building it. A container ends where
 * its last token ends, except that trailing line endings are moved out of it: so we keep
 * two marks, the end of the last "substantial" token seen (with its line), one for
 * containers (block quote prefixes count) and one for list items (they do not), and the
 * end of a container or item is the line ending after that mark when one came before the
 * exit, else the exit point itself. Blank line endings are attributed to the list item
 * whose own content they sit in, which gives mdast's `spread` and CommonMark's loose/tight.
 *
 * Linear time: each line is scanned a bounded number of times (once for container
 * prefixes, once by the leaf; lookahead for interruptions does not move past the line);
 * the work per line is bounded by the line's length plus the containers it matches, and a
 * blank line inside many nested lists skips the lists it cannot change in O(1).
 * Containers are opened at most once per marker and closed once. No recursion. */
#include <stdlib.h>
#include <string.h>

#include "blocks_html.h"
#include "doc.h"
#include "frontmatter.h"
#include "gfm_footnote.h"
#include "gfm_table.h"
#include "limits.h"
#include "math_md.h"
#include "mdx_syntax.h"
#include "text.h"

#define NONE UINT32_MAX

enum { FLOW_NONE, FLOW_PARA, FLOW_INDENTED, FLOW_FENCED, FLOW_HTML, FLOW_TABLE, FLOW_MDX, FLOW_ESM };

/* A column cursor on the current line. A tab is one character that moves to the next
 * multiple of 4, followed by "virtual spaces" up to that stop (micromark's model): `vs`
 * counts virtual spaces still ahead of `off`, which is already past the tab. */
typedef struct bk_cur {
  uint32_t off, col, vs;
} bk_cur;

/* End of the last substantial token and its line (see the header comment). A position
 * just after a line ending belongs to the next line. */
typedef struct bk_mark {
  uint32_t pos, line;
} bk_mark;

typedef struct bk_cont {
  mdx_node *node; /* blockquote or list */
  mdx_node *item; /* list: the open item */
  uint32_t size;  /* list: content indent of the open item, in columns */
  uint32_t item_line;  /* list: line of the open item's marker */
  uint32_t item_blank; /* list: first blank line ending inside the open item */
  uint32_t list_blank; /* list: first blank line ending between or inside items */
  uint32_t prev_quote; /* quote: index of the block quote below it, or NONE */
  uint8_t quote, ordered, marker;
  uint8_t footnote; /* a GFM footnote definition (node) */
  uint8_t initial_blank, further_blank; /* list: the item began with a blank line ... */
  uint8_t spread;                       /* list: mdast `spread` so far */
} bk_cont;

/* A list item marker found on a line. */
typedef struct bk_item {
  uint32_t start, prefix_end, size;
  int32_t value;
  bk_cur after;
  uint8_t ordered, marker, blank;
} bk_item;

/* Where the block phase is reading: the current line. */
typedef struct bk_line {
  uint32_t li, ls, le, ln; /* index, start, content end, next line start */
  uint32_t last_nonws;     /* last non-whitespace byte, or NONE */
} bk_line;

/* A line of an MDX flow group: where it is, and the cursor after its container prefixes
 * (what flow_line was given). */
typedef struct bk_group_line {
  bk_line line;
  bk_cur c;
} bk_group_line;

typedef struct bk {
  mdx_doc *doc;
  const char *s;
  uint32_t len;
  uint32_t *eols; /* eols[k]: where line k's content ends (its line ending starts);
                     doc->block_eols, see doc.h */
  uint32_t eols_cap;
  /* The current line, as a whole (`line`, to save and restore it) or field by field
   * (C11 anonymous struct: the same members, so the same layout). */
  union {
    bk_line line;
    struct {
      uint32_t li, ls, le, ln, last_nonws;
    };
  };
  bk_cont *stack;
  uint32_t depth, stack_cap;
  uint32_t blank_lists; /* open lists with initial_blank set (for the blank-line fast path) */
  uint32_t last_quote;  /* index of the deepest open block quote, or NONE */
  uint32_t *quote_ends; /* ends of the block quote prefixes matched on the current line */
  uint32_t quote_count, quote_cap;
  /* Thematic break lookup per marker (* - _), filled once per line on demand: the last
   * byte that is neither the marker nor whitespace, and the third-last marker. */
  uint32_t tb_line[3], tb_foreign[3], tb_third[3];
  bk_mark sc, si;
  /* the open leaf */
  int flow;
  mdx_node *leaf;
  uint32_t leaf_line; /* line of the leaf's last content line */
  uint32_t para_start;
  /* GFM tables: whether the paragraph's last line may be a table's head row (micromark
   * tried a table there), and 1 + the line on which a lazy line closed a table. */
  int para_head_ok;
  uint32_t table_lazy_line;
  char fence_char;
  uint32_t fence_len, fence_indent, fence_le, fence_next;
  int html_kind;
  uint32_t code_keep, code_keep_line; /* indented code: lines up to the last with content */
  int flat; /* no containers at all (MDX_FRONTMATTER_UNCLOSED, frontmatter.h) */
  int exit_at_point; /* exit_containers: end at the exit point, not at a line ending */
  /* MDX (mdx_syntax.h): the open flow group, ESM being read */
  int mdx;
  uint32_t indent_max; /* before container markers: 3, or any in MDX (no indented code) */
  mdx_flow *mf;
  mdx_flow *probe; /* for mdx_interrupts, reused */
  uint32_t probe_read_to; /* lines before this one were read by a probe that failed */
  uint32_t probe_cr;      /* find_eol's carriage return cache for probes ... */
  uint32_t probe_cr_from; /* ... valid from here on: the first '\r' at or after it */
  /* A group that fails is read again line by line as flow (mdx_group_fail). */
  bk_group_line *glines, *replay; /* the open group's lines; the lines being read again */
  uint32_t gn, gcap, rn, rcap;
  uint32_t ri;            /* next line of `replay` to read */
  int replaying;
  uint32_t group_ri;      /* replay index of the open group's first line, or NONE */
  uint32_t failed_li;     /* first line of the last group that failed: no group there */
  uint32_t replay_budget; /* bytes that may still be read again (linear time) */
  mdx_esm esm;
  uint32_t esm_end, esm_end_line;
} bk;

/* ---- small helpers ---------------------------------------------------------------- */

/* Offset of the first '\n' or '\r' in s[i, len), or len. memchr (vectorised in every
 * libc) for '\n' on each line; *cr caches the next '\r' at or after i and is searched for
 * again only once passed, so documents without (or with few) carriage returns pay one
 * memchr per line. Start with *cr = NONE (not searched yet). */
static uint32_t find_eol(const char *s, uint32_t i, uint32_t len, uint32_t *cr) {
  if (*cr == NONE || *cr < i) {
    const char *q = memchr(s + i, '\r', len - i);
    *cr = q ? (uint32_t)(q - s) : len;
  }
  const char *nl = memchr(s + i, '\n', *cr - i);
  return nl ? (uint32_t)(nl - s) : *cr;
}

static int is_ws_char(char c) { return c == ' ' || c == '\t'; }

static int cur_ws(const bk *p, const bk_cur *c) {
  return c->vs > 0 || (c->off < p->le && is_ws_char(p->s[c->off]));
}

/* The character under the cursor: ' ' for a virtual space, -1 at the end of the line. */
static int cur_ch(const bk *p, const bk_cur *c) {
  if (c->vs) return ' ';
  return c->off < p->le ? (unsigned char)p->s[c->off] : -1;
}

static void cur_ws_step(const bk *p, bk_cur *c) {
  if (c->vs) {
    c->vs--;
  } else if (p->s[c->off] == '\t') {
    c->vs = 3 - c->col % 4;
    c->off++;
  } else {
    c->off++;
  }
  c->col++;
}

/* Consumes up to `max` whitespace characters; returns how many. */
static uint32_t cur_skip_ws_run(const bk *p, bk_cur *c, uint32_t max) {
  uint32_t n = 0;
  while (n < max && cur_ws(p, c)) { /* bounded: max, and the line's length */
    cur_ws_step(p, c);
    n++;
  }
  return n;
}

/* Most calls find no whitespace at all: say so without the loop's set-up. */
static inline uint32_t cur_skip_ws(const bk *p, bk_cur *c, uint32_t max) {
  if (!c->vs && (c->off >= p->le || !is_ws_char(p->s[c->off]))) return 0;
  return cur_skip_ws_run(p, c, max);
}

/* Moves past one non-whitespace byte (markers are ASCII). */
static void cur_adv(bk_cur *c) {
  c->off++;
  c->col++;
}

static int rest_blank(const bk *p, const bk_cur *c) {
  return p->last_nonws == NONE || p->last_nonws < c->off;
}

static void mark(bk_mark *m, uint32_t pos, uint32_t line) {
  if (pos >= m->pos) {
    m->pos = pos;
    m->line = line;
  }
}

static void mark_both(bk *p, uint32_t pos, uint32_t line) {
  mark(&p->sc, pos, line);
  mark(&p->si, pos, line);
}

static mdx_node *parent_node(bk *p) {
  if (!p->depth) return p->doc->root;
  bk_cont *k = &p->stack[p->depth - 1];
  return k->quote || k->footnote ? k->node : k->item;
}

static mdx_node *new_leaf(bk *p, mdx_node_type type, uint32_t start, uint32_t end) {
  mdx_node *n = mdx_node_new(&p->doc->arena, type, start, end);
  mdx_node_append(parent_node(p), n);
  return n;
}

/* `pad`: virtual spaces before `start`; in paragraphs (MDX_FLAG_LEAD), the whitespace
 * bytes between the container prefixes and `start`. */
static void add_line(bk *p, mdx_node *n, uint32_t start, uint32_t pad) {
  mdx_line line = {start, p->le, p->ln, pad, 0, 0};
  mdx_node_add_line(&p->doc->arena, n, line);
}

/* A paragraph line (MDX_FLAG_LEAD) whose container prefixes end at `c`. */
static void add_lead_line(bk *p, mdx_node *n, uint32_t start, bk_cur c) {
  mdx_line line = {start, p->le, p->ln, start - c.off, (uint8_t)(c.col % 4), (uint8_t)c.vs};
  mdx_node_add_line(&p->doc->arena, n, line);
}

/* A blank line ending at `pos`, in the content of container `level` (-1: the root). */
static void record_blank(bk *p, int level, uint32_t pos) {
  if (level < 0) return;
  bk_cont *k = &p->stack[level];
  if (k->quote) return;
  if (k->footnote) { /* kept for the enclosing item: see close_containers */
    if (pos < k->item_blank) k->item_blank = pos;
    return;
  }
  if (k->item_blank == NONE || pos < k->item_blank) k->item_blank = pos;
  if (k->list_blank == NONE || pos < k->list_blank) k->list_blank = pos;
}

/* Lines joined by their own line endings, container prefixes left out, virtual spaces of
 * split tabs written as spaces; with the last line's ending when `last_eol`. A slice of
 * the source when the lines are contiguous there. */
static mdx_str join_lines(bk *p, const mdx_line *l, uint32_t k, int last_eol) {
  mdx_str out = {p->s, 0};
  if (!k) return out;
  int contiguous = 1;
  size_t total = 0;
  for (uint32_t i = 0; i < k; i++) {
    uint32_t stop = i + 1 < k || last_eol ? l[i].eol : l[i].end;
    total += l[i].pad + (stop - l[i].start);
    if (l[i].pad || (i && l[i].start != l[i - 1].eol)) contiguous = 0;
  }
  if (contiguous) {
    out.ptr = p->s + l[0].start;
    out.len = (uint32_t)total;
    return out;
  }
  char *buf = mdx_arena_alloc(&p->doc->arena, total + 1);
  size_t at = 0;
  for (uint32_t i = 0; i < k; i++) {
    uint32_t stop = i + 1 < k || last_eol ? l[i].eol : l[i].end;
    memset(buf + at, ' ', l[i].pad);
    at += l[i].pad;
    memcpy(buf + at, p->s + l[i].start, stop - l[i].start);
    at += stop - l[i].start;
  }
  out.ptr = buf;
  out.len = (uint32_t)total;
  return out;
}

/* ---- leaf recognisers (look at one line from a cursor past the indentation) -------- */

/* A thematic break from s[i] to the end of the line. Nested list markers on one line
 * ask again and again, so each line is scanned once per marker, from its end. */
static int thematic_at(bk *p, uint32_t i) {
  char m = p->s[i];
  int k = m == '*' ? 0 : m == '-' ? 1 : m == '_' ? 2 : -1;
  if (k < 0) return 0;
  if (p->tb_line[k] != p->li + 1) {
    uint32_t foreign = NONE, third = NONE, n = 0;
    for (uint32_t j = p->le; j > p->ls; j--) { /* bounded: the line */
      char c = p->s[j - 1];
      if (c == m) {
        if (++n == 3) third = j - 1;
      } else if (!is_ws_char(c)) {
        foreign = j - 1;
        break;
      }
    }
    p->tb_line[k] = p->li + 1;
    p->tb_foreign[k] = foreign;
    p->tb_third[k] = third;
  }
  return (p->tb_foreign[k] == NONE || p->tb_foreign[k] < i) && p->tb_third[k] != NONE &&
         i <= p->tb_third[k];
}

static int setext_at(const bk *p, uint32_t i) {
  char m = p->s[i];
  if (m != '=' && m != '-') return 0;
  while (i < p->le && p->s[i] == m) i++;
  while (i < p->le && is_ws_char(p->s[i])) i++;
  return i == p->le;
}

static int atx_at(const bk *p, uint32_t i) {
  uint32_t n = 0;
  while (i < p->le && p->s[i] == '#' && n < 7) {
    i++;
    n++;
  }
  return n >= 1 && n <= 6 && (i == p->le || is_ws_char(p->s[i]));
}

/* A fence opening: returns its length (0 if none). */
static uint32_t fence_at(const bk *p, uint32_t i) {
  char m = p->s[i];
  if (m == '$') return (p->doc->options & MDX_OPT_MATH) ? mdx_math_fence_at(p->s, i, p->le) : 0;
  if (m != '`' && m != '~') return 0;
  uint32_t n = 0;
  while (i < p->le && p->s[i] == m) {
    i++;
    n++;
  }
  if (n < 3) return 0;
  if (m == '`')
    for (; i < p->le; i++)
      if (p->s[i] == '`') return 0;
  return n;
}

static int html_at(const bk *p, uint32_t i, int interrupt, int lazy) {
  uint32_t from;
  int state;
  return p->s[i] == '<' && mdx_blocks_html_start(p->s, i, p->le, interrupt, lazy, &from, &state);
}

/* Whether a flow construct at s[i] (indentation below 4 already skipped) interrupts a
 * paragraph. Block quotes and lists are the document level's business. */
static int mdx_interrupts(bk *p, uint32_t i);
static int mdx_leaf(bk *p, bk_cur c);
static void mdx_group_line(bk *p, bk_cur c);
static void flow_line(bk *p, bk_cur c, int lazy);

static int interrupts(bk *p, uint32_t i, int lazy) {
  if (i >= p->le) return 0;
  if (p->mdx && (p->s[i] == '<' || p->s[i] == '{')) return mdx_interrupts(p, i);
  switch (p->s[i]) {
  case '#': return atx_at(p, i);
  case '`': case '~': case '$': return fence_at(p, i) > 0;
  case '*': case '_': return thematic_at(p, i);
  case '-': return (!lazy && setext_at(p, i)) || thematic_at(p, i);
  case '=': return !lazy && setext_at(p, i);
  case '<': return html_at(p, i, 1, lazy);
  default: return 0;
  }
}

/* A list item marker at cursor `c` (after `indent` columns of indentation). `list`: the
 * open list it must continue (marker and kind must match), NULL for a new list. */
static int item_at(bk *p, bk_cur c, uint32_t indent, const bk_cont *list, int interrupt,
                   bk_item *it) {
  int ch = cur_ch(p, &c);
  if (ch < 0 || c.vs) return 0;
  int ordered = list ? list->ordered : (ch >= '0' && ch <= '9');
  it->start = c.off;
  it->value = 0;
  uint32_t width = 0;
  if (!ordered) {
    if (ch != '*' && ch != '+' && ch != '-') return 0;
    if (list && ch != list->marker) return 0;
    if (ch != '+' && thematic_at(p, c.off)) return 0;
  } else {
    if (!(ch >= '0' && ch <= '9')) return 0;
    if (interrupt && ch != '1') return 0;
    uint32_t digits = 0;
    int32_t value = 0;
    while (c.off < p->le && p->s[c.off] >= '0' && p->s[c.off] <= '9' && digits < 9) {
      value = value * 10 + (p->s[c.off] - '0');
      cur_adv(&c);
      digits++;
    }
    if (interrupt && digits >= 2) return 0;
    if (c.off >= p->le) return 0;
    ch = (unsigned char)p->s[c.off];
    if (list ? ch != list->marker : ch != '.' && ch != ')') return 0;
    it->value = value;
    width = digits;
  }
  cur_adv(&c);
  width++;
  it->ordered = (uint8_t)ordered;
  it->marker = (uint8_t)ch;
  it->blank = 0;
  if (rest_blank(p, &c)) {
    if (interrupt) return 0;
    it->blank = 1;
    it->size = indent + width + 1;
  } else {
    bk_cur t = c;
    uint32_t n = cur_skip_ws(p, &t, p->mdx ? UINT32_MAX : 4); /* MDX: no indented code */
    if (n >= 1 && !cur_ws(p, &t)) {
      c = t;
    } else if (cur_ws(p, &c)) {
      cur_ws_step(p, &c);
      n = 1;
    } else {
      return 0;
    }
    it->size = indent + width + n;
  }
  it->prefix_end = c.off;
  it->after = c;
  return 1;
}

/* ---- closing leaves --------------------------------------------------------------- */

/* A leaf's line array is usually the arena's latest allocation when the leaf closes:
 * give back the room that doubling reserved past its last line, or all of it (`keep` 0)
 * once code and html have their value. */
static void trim_lines(bk *p, mdx_line *lines, uint32_t *cap, uint32_t keep) {
  if (mdx_arena_trim(&p->doc->arena, lines, (size_t)*cap * sizeof *lines,
                     (size_t)keep * sizeof *lines))
    *cap = keep;
}

/* Code and html: the value from lines [0, k), then the lines are not needed. */
static void set_value(bk *p, mdx_node *n, uint32_t k, int last_eol) {
  mdx_line *lines = n->lines; /* shares its place with `value` (node.h) */
  n->value = join_lines(p, lines, k, last_eol);
  trim_lines(p, lines, &n->line_cap, 0);
}

/* How the open leaf ends: at end of input or because new containers start (line endings
 * of fenced code and HTML kinds 1-5 are kept), or before a lazy line (they are not). */
enum { CLOSE_EOF, CLOSE_LAZY };

static void close_para(bk *p) {
  mdx_node *n = p->leaf;
  mdx_line *last = &n->lines[n->line_count - 1];
  last->eol = last->end;
  n->end = last->end;
  mark_both(p, n->end, p->leaf_line);
  trim_lines(p, n->lines, &n->line_cap, n->line_count);
  if (!mdx_definitions_take(p->doc, n)) mdx_node_unlink(n);
}

static void close_indented(bk *p) {
  mdx_node *n = p->leaf;
  n->line_count = p->code_keep;
  n->end = n->lines[n->line_count - 1].end;
  /* micromark drops one trailing line ending from the value: an empty last line. */
  uint32_t k = n->line_count;
  if (n->lines[k - 1].start == n->lines[k - 1].end && !n->lines[k - 1].pad) k--;
  set_value(p, n, k, 0);
  mark_both(p, n->end, p->code_keep_line);
  /* The blank lines after it were held back; the first one's ending is a blank one. */
  if (p->code_keep_line + 1 < p->li)
    record_blank(p, (int)p->depth - 1, p->eols[p->code_keep_line + 1]);
}

/* Fenced code. `eol`: the line ending after the last line read belongs to it. */
static void close_fenced(bk *p, int eol) {
  mdx_node *n = p->leaf;
  uint32_t k = n->line_count;
  uint32_t last_end = k ? n->lines[k - 1].end : p->fence_le;
  uint32_t last_next = k ? n->lines[k - 1].eol : p->fence_next;
  if (eol && last_next == last_end) eol = 0; /* the last line of the input has none */
  n->end = eol ? last_next : last_end;
  mark_both(p, n->end, eol ? p->leaf_line + 1 : p->leaf_line);
  /* micromark's value drops the fence's line ending and one trailing line ending: so
   * without the last line's ending, an empty last line goes too. */
  if (!eol && k && n->lines[k - 1].start == n->lines[k - 1].end && !n->lines[k - 1].pad) k--;
  set_value(p, n, k, 0);
}

static void close_html(bk *p, int eol) {
  mdx_node *n = p->leaf;
  uint32_t k = n->line_count;
  if (p->html_kind >= 6 || n->lines[k - 1].eol == n->lines[k - 1].end) eol = 0;
  n->end = eol ? n->lines[k - 1].eol : n->lines[k - 1].end;
  mark_both(p, n->end, eol ? p->leaf_line + 1 : p->leaf_line);
  set_value(p, n, k, eol);
}

/* ESM ends before a blank line once the scanner says it is complete (or must, at the
 * end of input). */
static void close_esm(bk *p, int eof) {
  mdx_node *n = p->leaf;
  if (eof) mdx_esm_complete(p->doc, &p->esm, p->len, 1);
  n->end = p->esm_end;
  n->value.ptr = p->s + n->start;
  n->value.len = n->end - n->start;
  mark_both(p, n->end, p->esm_end_line);
}

static void close_leaf(bk *p, int how) {
  switch (p->flow) {
  case FLOW_PARA: close_para(p); break;
  case FLOW_INDENTED: close_indented(p); break;
  case FLOW_FENCED: close_fenced(p, how == CLOSE_EOF); break;
  case FLOW_HTML: close_html(p, how == CLOSE_EOF); break;
  case FLOW_TABLE: /* micromark's table tried a body row on this line, not a head row */
    if (how == CLOSE_LAZY) p->table_lazy_line = p->li + 1;
    break;
  case FLOW_MDX: /* the empty line after a last line ending is lazy in a block quote */
    if (how == CLOSE_LAZY) mdx_flow_lazy(p->mf, p->len);
    mdx_flow_eof(p->mf);
    break;
  case FLOW_ESM: close_esm(p, 1); break;
  default: break;
  }
  p->flow = FLOW_NONE;
  p->leaf = NULL;
}

/* ---- containers ------------------------------------------------------------------- */

/* Ends the open item of list `k`: its end is the first line ending after its last
 * substantial token if one comes before the boundary (the endings of lines before
 * `eol_lines` do), else `boundary_end`. */
static void end_item(bk *p, bk_cont *k, uint32_t eol_lines, uint32_t boundary_end) {
  uint32_t count = eol_lines > p->si.line ? eol_lines - p->si.line : 0;
  uint32_t end = count ? p->eols[p->si.line] : boundary_end;
  k->item->end = end;
  if (k->item_blank != NONE && k->item_blank < end) k->item->flags |= MDX_FLAG_SPREAD;
  if (count >= 2) k->spread = 1;
}

/* Closes containers [keep, depth) at the exit point `at` on line `at_line`. */
static void exit_containers(bk *p, uint32_t keep, uint32_t at, uint32_t at_line) {
  if (p->depth <= keep) return;
  uint32_t run_line = p->sc.line; /* trailing line endings: lines run_line .. at_line-1 */
  while (p->depth > keep) {         /* bounded: depth */
    bk_cont *k = &p->stack[p->depth - 1];
    if (k->quote) p->last_quote = k->prev_quote;
    int moved = !p->exit_at_point && p->sc.line < at_line;
    uint32_t end = moved ? p->eols[p->sc.line] : at;
    uint32_t end_line = moved ? p->sc.line : at_line;
    k->node->end = end;
    if (!k->quote && !k->footnote) {
      end_item(p, k, p->exit_at_point ? 0 : p->sc.line, end);
      if (k->spread) k->node->flags |= MDX_FLAG_SPREAD;
      if (!(k->list_blank != NONE && k->list_blank < end)) k->node->flags |= MDX_FLAG_TIGHT;
      if (k->initial_blank) p->blank_lists--;
    }
    /* mdast-util-from-markdown counts a footnote definition's blank lines (before its
     * end) as the enclosing list item's: definitions are not containers to it. */
    if (k->footnote && k->item_blank != NONE && k->item_blank < end && p->depth >= 2) {
      bk_cont *up = &p->stack[p->depth - 2];
      if (!up->quote && k->item_blank < up->item_blank) up->item_blank = k->item_blank;
    }
    mark_both(p, end, end_line);
    p->depth--;
  }
  /* The line endings after the first move out to the parent level, as blank ones. */
  if (run_line + 1 < at_line) record_blank(p, (int)keep - 1, p->eols[run_line + 1]);
}

static bk_cont *push_container(bk *p) {
  if (p->depth == p->stack_cap) {
    uint32_t cap = p->stack_cap ? p->stack_cap * 2 : 16;
    p->stack = mdx_arena_grow(&p->doc->arena, p->stack, p->stack_cap * sizeof *p->stack,
                              cap * sizeof *p->stack);
    p->stack_cap = cap;
  }
  bk_cont *k = &p->stack[p->depth++];
  memset(k, 0, sizeof *k);
  k->item_blank = k->list_blank = NONE;
  return k;
}

static void set_item_state(bk *p, bk_cont *k, const bk_item *it) {
  if (k->initial_blank) p->blank_lists--;
  k->size = it->size;
  k->initial_blank = it->blank;
  k->further_blank = 0;
  if (it->blank) p->blank_lists++;
  k->item_line = p->li;
  k->item_blank = NONE;
}

static void open_item(bk *p, bk_cont *k, const bk_item *it) {
  k->item = mdx_node_new(&p->doc->arena, MDX_NODE_LIST_ITEM, it->start, it->prefix_end);
  mdx_node_append(k->node, k->item);
  set_item_state(p, k, it);
  mark_both(p, it->prefix_end, p->li);
}

static int footnote_at(bk *p, bk_cur *c, mdx_node *parent);

/* Opens the new containers that start at `c` (block quotes, list items, footnote
 * definitions). */
static bk_cur open_containers(bk *p, bk_cur c, int interrupt) {
  if (p->flat) return c;
  for (;;) { /* bounded: each round consumes a marker, and by MDX_MAX_BLOCK_DEPTH */
    if (p->depth >= MDX_MAX_BLOCK_DEPTH) return c;
    bk_cur t = c;
    uint32_t indent = cur_skip_ws(p, &t, p->indent_max);
    int ch = cur_ch(p, &t);
    if (ch == '>') {
      mdx_node *parent = parent_node(p);
      bk_cont *k = push_container(p);
      k->quote = 1;
      k->prev_quote = p->last_quote;
      p->last_quote = p->depth - 1;
      k->node = mdx_node_new(&p->doc->arena, MDX_NODE_BLOCKQUOTE, t.off, t.off + 1);
      mdx_node_append(parent, k->node);
      cur_adv(&t);
      if (cur_ws(p, &t)) cur_ws_step(p, &t);
      mark(&p->sc, t.off, p->li);
      c = t;
      continue;
    }
    if (ch == '[' && footnote_at(p, &t, parent_node(p))) {
      c = t;
      continue;
    }
    bk_item it;
    if (!item_at(p, t, indent, NULL, interrupt, &it)) return c;
    mdx_node *parent = parent_node(p);
    bk_cont *k = push_container(p);
    k->node = mdx_node_new(&p->doc->arena, MDX_NODE_LIST, it.start, it.prefix_end);
    k->ordered = it.ordered;
    k->marker = it.marker;
    if (it.ordered) {
      k->node->flags |= MDX_FLAG_ORDERED;
      k->node->num = it.value;
    }
    mdx_node_append(parent, k->node);
    open_item(p, k, &it);
    c = it.after;
    if (it.blank) return c;
  }
}

/* A GFM footnote definition start `[^label]:` at `*c` (gfm_footnote.c). With `parent`,
 * opens it there and moves *c past it and the whitespace after; without, only says
 * whether one starts. */
static int footnote_at(bk *p, bk_cur *c, mdx_node *parent) {
  if (!(p->doc->options & MDX_OPT_GFM) || c->vs) return 0;
  uint32_t ls, le, after = mdx_footnote_def_start(p->s, c->off, p->le, &ls, &le);
  if (!after || !parent) return after != 0;
  bk_cont *k = push_container(p);
  k->footnote = 1;
  k->node = mdx_footnote_define(p->doc, c->off, after, ls, le);
  mdx_node_append(parent, k->node);
  for (uint32_t i = c->off; i < after; i++) { /* bounded: the label; columns count UTF-16 */
    unsigned char b = (unsigned char)p->s[i];
    if ((b & 0xc0) != 0x80) c->col += b >= 0xf0 ? 2 : 1;
  }
  c->off = after;
  cur_skip_ws(p, c, UINT32_MAX);
  k->node->end = c->off;
  mark_both(p, k->node->end, p->li);
  return 1;
}

/* Whether a new container starts at `c`. */
static int container_at(bk *p, bk_cur c, int interrupt) {
  if (p->depth >= MDX_MAX_BLOCK_DEPTH || p->flat) return 0;
  uint32_t indent = cur_skip_ws(p, &c, p->indent_max);
  if (cur_ch(p, &c) == '>') return 1;
  if (cur_ch(p, &c) == '[' && footnote_at(p, &c, NULL)) return 1;
  bk_item it;
  return item_at(p, c, indent, NULL, interrupt, &it);
}

/* ---- the flow: leaves on the rest of a line --------------------------------------- */

static int para_continues(bk *p, bk_cur c, int lazy) {
  if (rest_blank(p, &c)) return 0;
  if (p->mdx) { /* no indented code: any indentation (micromark-extension-mdx-md) */
    cur_skip_ws(p, &c, UINT32_MAX);
    return !interrupts(p, c.off, lazy);
  }
  if (cur_skip_ws(p, &c, 4) == 4) return 1;
  return !interrupts(p, c.off, lazy);
}

static void start_leaf(bk *p, bk_cur c, int lazy) {
  if (rest_blank(p, &c)) {
    if (p->ln > p->le) { /* the blank line's ending, unless it is the last line */
      int level = (int)p->depth - 1;
      int at_marker = level >= 0 && !p->stack[level].quote && !p->stack[level].footnote &&
                      p->stack[level].item_line == p->li;
      if (!at_marker) record_blank(p, level, p->le);
    }
    return;
  }
  bk_cur t = c;
  if (p->mdx && mdx_leaf(p, c)) return;
  if (p->mdx) { /* no indented code: any indentation (micromark-extension-mdx-md) */
    cur_skip_ws(p, &t, UINT32_MAX);
  } else if (cur_skip_ws(p, &t, 4) == 4) {
    p->leaf = new_leaf(p, MDX_NODE_CODE, c.off, p->le);
    add_line(p, p->leaf, t.off, t.vs);
    p->flow = FLOW_INDENTED;
    p->leaf_line = p->code_keep_line = p->li;
    p->code_keep = 1;
    /* micromark asks whether the code's own line was lazy before reading on: code that
     * starts on a lazy line ends with it. */
    if (lazy) close_leaf(p, CLOSE_LAZY);
    return;
  }
  uint32_t i = t.off;
  char ch = p->s[i];
  if (ch == '#' && atx_at(p, i)) {
    uint32_t a = i;
    while (a < p->le && p->s[a] == '#') a++;
    mdx_node *h = new_leaf(p, MDX_NODE_HEADING, i, p->le);
    h->num = (int32_t)(a - i);
    while (a < p->le && is_ws_char(p->s[a])) a++;
    uint32_t e = p->le;
    while (e > a && is_ws_char(p->s[e - 1])) e--;
    if (e > a && p->s[e - 1] == '#') {
      uint32_t r = e;
      while (r > a && p->s[r - 1] == '#') r--;
      if (r == a) {
        e = a;
      } else if (is_ws_char(p->s[r - 1])) {
        e = r;
        while (e > a && is_ws_char(p->s[e - 1])) e--;
      }
    }
    if (e > a) {
      mdx_line line = {a, e, e, 0, 0, 0};
      mdx_node_add_line(&p->doc->arena, h, line);
      trim_lines(p, h->lines, &h->line_cap, 1);
    }
    mark_both(p, p->le, p->li);
    return;
  }
  if (ch == '`' || ch == '~' || ch == '$') {
    uint32_t n = fence_at(p, i);
    if (n) {
      /* Math blocks are fenced code with `$` (math.c): the same lines, closing and value;
       * only the fence line differs (one `meta`, no `lang`). */
      mdx_node *code = new_leaf(p, ch == '$' ? MDX_NODE_MATH : MDX_NODE_CODE, i, p->le);
      code->flags |= MDX_FLAG_FENCED;
      uint32_t a = i + n;
      while (a < p->le && is_ws_char(p->s[a])) a++;
      uint32_t b = a;
      if (ch != '$') { /* math: the whole rest is the meta (trailing spaces kept), no lang */
        while (b < p->le && !is_ws_char(p->s[b])) b++;
        if (b > a) code->url = mdx_decode_string(p->doc, p->s + a, b - a);
        while (b < p->le && is_ws_char(p->s[b])) b++;
      }
      if (p->le > b) code->title = mdx_decode_string(p->doc, p->s + b, p->le - b);
      p->leaf = code;
      p->flow = FLOW_FENCED;
      p->fence_char = ch;
      p->fence_len = n;
      p->fence_indent = 0;
      for (bk_cur u = c; cur_ws(p, &u); cur_ws_step(p, &u)) p->fence_indent++;
      p->fence_le = p->le;
      p->fence_next = p->ln;
      p->leaf_line = p->li;
      return;
    }
  }
  if (ch == '<' && !p->mdx) {
    uint32_t from;
    int state;
    int kind = mdx_blocks_html_start(p->s, i, p->le, 0, lazy, &from, &state);
    if (kind) {
      p->leaf = new_leaf(p, MDX_NODE_HTML, c.off, p->le);
      add_line(p, p->leaf, c.off, c.vs);
      p->flow = FLOW_HTML;
      p->html_kind = kind;
      p->leaf_line = p->li;
      if (kind <= 5 && mdx_blocks_html_ends(p->s, from, p->le, kind, state)) {
        close_html(p, 0);
        p->flow = FLOW_NONE;
        p->leaf = NULL;
      }
      return;
    }
  }
  if ((ch == '*' || ch == '-' || ch == '_') && thematic_at(p, i)) {
    new_leaf(p, MDX_NODE_THEMATIC_BREAK, i, p->le);
    mark_both(p, p->le, p->li);
    return;
  }
  p->leaf = new_leaf(p, MDX_NODE_PARAGRAPH, i, p->le);
  p->leaf->flags |= MDX_FLAG_LEAD;
  add_lead_line(p, p->leaf, i, c);
  p->para_start = i;
  p->para_head_ok = p->table_lazy_line != p->li + 1;
  p->flow = FLOW_PARA;
  p->leaf_line = p->li;
}

/* ---- GFM tables (gfm_table.c reads the rows) -------------------------------------- */

/* A non-lazy line after a paragraph: a delimiter row with as many cells as the
 * paragraph's last line makes that line a table's head row (micromark tries a table at
 * every paragraph line, as a construct or an interruption). */
static int table_starts(bk *p, bk_cur c) {
  if (!(p->doc->options & MDX_OPT_GFM)) return 0;
  bk_cur t = c;
  cur_skip_ws(p, &t, p->mdx ? UINT32_MAX : 3); /* MDX: no indented code */
  if (cur_ws(p, &t) || t.off >= p->le) return 0;
  char ch = p->s[t.off];
  if (ch != '|' && ch != '-' && ch != ':') return 0;
  uint32_t cells = mdx_table_delimiter(p->s, t.off, p->le, NULL);
  mdx_node *n = p->leaf;
  mdx_line head = n->lines[n->line_count - 1];
  if (!cells || cells != mdx_table_head_cells(p->s, head.start, head.end)) return 0;
  mdx_node *table = n;
  if (n->line_count > 1) { /* the lines before the head stay a paragraph */
    n->line_count--;
    p->leaf_line = p->li - 2;
    close_para(p);
    table = new_leaf(p, MDX_NODE_TABLE, head.start, p->le);
  }
  mdx_table_init(p->doc, table, cells, p->s, t.off, p->le);
  table->start = head.start;
  table->end = p->le;
  mdx_table_add_row(p->doc, table, head.start, head.end);
  mark_both(p, p->le, p->li);
  p->flow = FLOW_TABLE;
  p->leaf = table;
  p->leaf_line = p->li;
  return 1;
}

/* A body row: any line that starts no other block (micromark tries the table after the
 * flow constructs that have a marker, and indented code comes first). */
static int table_row(bk *p, bk_cur c) {
  if (rest_blank(p, &c)) return 0;
  bk_cur t = c;
  if (p->mdx) cur_skip_ws(p, &t, UINT32_MAX); /* no indented code (micromark-extension-mdx-md) */
  else if (cur_skip_ws(p, &t, 4) == 4) return 0;
  uint32_t i = t.off;
  switch (p->s[i]) {
  case '#': if (atx_at(p, i)) return 0; break;
  case '`': case '~': case '$': if (fence_at(p, i)) return 0; break;
  /* MDX: a flow group (read ahead as for a paragraph) ends the table; HTML is off */
  case '<': if (p->mdx ? mdx_interrupts(p, i) : html_at(p, i, 0, 0)) return 0; break;
  case '{': if (p->mdx && mdx_interrupts(p, i)) return 0; break;
  case '*': case '-': case '_': if (thematic_at(p, i)) return 0; break;
  default: break;
  }
  mdx_table_add_row(p->doc, p->leaf, i, p->le);
  p->leaf->end = p->le;
  mark_both(p, p->le, p->li);
  p->leaf_line = p->li;
  return 1;
}

/* ---- MDX flow (mdx_flow.c does the reading) --------------------------------------- */

/* A line that does not continue every open container while a group is open: the
 * reference's flow ends there if new containers start (a sibling item too), else the
 * line is lazy. Both throw. */
static void mdx_unmatched(bk *p, mdx_flow *f, int sibling, bk_cur c) {
  if (sibling || container_at(p, c, 0)) mdx_flow_eof_at(f, p->ls);
  mdx_flow_lazy(f, c.off);
}

/* Whether the current line continues every open container (no side effects, unlike
 * process_line); *c: the cursor after the prefixes matched. */
static int mdx_line_continues(bk *p, bk_cur *c) {
  int fn_indent = 0; /* as in process_line */
  for (uint32_t i = 0; i < p->depth; i++) { /* bounded: depth */
    bk_cont *k = &p->stack[i];
    bk_cur t = *c;
    if (k->footnote) { /* a blank line, or a 4-column indent (see process_line) */
      if (!rest_blank(p, &t)) {
        uint32_t w = cur_skip_ws(p, &t, 4);
        if (w == 4) fn_indent = 1;
        else if (w || !fn_indent) return 0;
      }
      *c = t;
      continue;
    }
    fn_indent = 0;
    if (k->quote) {
      cur_skip_ws(p, &t, p->indent_max);
      if (cur_ch(p, &t) != '>') return 0;
      cur_adv(&t);
      if (cur_ws(p, &t)) cur_ws_step(p, &t);
    } else if (rest_blank(p, &t)) {
      cur_skip_ws(p, &t, k->size);
    } else if (cur_skip_ws(p, &t, k->size) != k->size) {
      return 0;
    }
    *c = t;
  }
  return 1;
}

/* Whether a tag or expression group at s[i] interrupts a paragraph. Like the reference's
 * attempt, it reads on over the next lines while the group is open (at most
 * MDX_MAX_FLOW_PROBE_LINES; past them it is taken to), with their container prefixes. */
static int mdx_interrupts(bk *p, uint32_t i) {
  if (!p->probe) p->probe = mdx_flow_new(p->doc);
  int r = mdx_flow_start(p->probe, i, p->le, p->ln, p->li);
  if (r != MDX_FLOW_MORE) return r != MDX_FLOW_NOT;
  bk_line saved = p->line;
  uint32_t *cr = &p->probe_cr; /* kept across probes: a fresh search would be O(rest) */
  /* A line read again (mdx_group_fail) may lie before where the cache is valid: only the
   * gap needs searching. */
  if (*cr != NONE && p->ln < p->probe_cr_from) {
    const char *q = memchr(p->s + p->ln, '\r', p->probe_cr_from - p->ln);
    if (q) *cr = (uint32_t)(q - p->s);
    p->probe_cr_from = p->ln;
  }
  for (uint32_t k = 0; r == MDX_FLOW_MORE && p->ln < p->len && k < MDX_MAX_FLOW_PROBE_LINES;
       k++) {
    uint32_t pos = p->ln, searched = *cr, e = find_eol(p->s, pos, p->len, cr), next = e;
    if (*cr != searched) p->probe_cr_from = pos; /* find_eol searched afresh from pos */
    if (next < p->len && p->s[next] == '\r') next++;
    if (next < p->len && p->s[next] == '\n' && (next == e || p->s[e] == '\r')) next++;
    p->ls = pos;
    p->le = e;
    p->ln = next;
    p->li++;
    p->last_nonws = NONE;
    for (uint32_t j = e; j > pos; j--) /* bounded: the line's trailing whitespace */
      if (!is_ws_char(p->s[j - 1])) {
        p->last_nonws = j - 1;
        break;
      }
    bk_cur c = {pos, 0, 0};
    if (!mdx_line_continues(p, &c)) mdx_unmatched(p, p->probe, 0, c);
    r = mdx_flow_line(p->probe, c.off, c.col, c.vs, e, next, p->li);
  }
  /* The empty line after a last line ending is lazy in a block quote (mdx_flow_lazy). */
  if (r == MDX_FLOW_MORE && p->ln >= p->len && p->ln > p->le && p->last_quote != NONE)
    mdx_flow_lazy(p->probe, p->len);
  if (r == MDX_FLOW_NOT && p->li + 1 > p->probe_read_to) p->probe_read_to = p->li + 1;
  p->line = saved;
  return r != MDX_FLOW_NOT;
}

static void mdx_group_done(bk *p) {
  uint32_t end, end_line;
  mdx_node *n = mdx_flow_take(p->mf, &end, &end_line);
  mdx_node *parent = parent_node(p);
  while (n) { /* bounded: the group's nodes */
    mdx_node *next = n->next;
    mdx_node_append(parent, n);
    n = next;
  }
  mark_both(p, end, end_line);
  p->flow = FLOW_NONE;
  p->leaf = NULL;
}

/* Records a line of the open group (see mdx_group_fail). */
static void mdx_group_record(bk *p, bk_cur c) {
  if (p->gn == p->gcap) {
    uint32_t cap = p->gcap ? p->gcap * 2 : 8;
    p->glines = mdx_arena_grow(&p->doc->arena, p->glines, p->gcap * sizeof *p->glines,
                               cap * sizeof *p->glines);
    p->gcap = cap;
  }
  bk_group_line *g = &p->glines[p->gn++];
  g->line = p->line;
  g->c = c;
}

/* The fallback of mdx_group_fail past its budget: the group's lines become one paragraph
 * up to a blank line, as the reference reads them unless one of them would interrupt a
 * paragraph (docs/syntax.md). */
static void mdx_group_para(bk *p) {
  uint32_t count;
  const mdx_line *lines = mdx_flow_lines(p->mf, &count);
  /* A blank line ends that paragraph; the tag or expression that was open across it is
   * then unclosed in it, which the inline phase reports as the reference does. */
  for (uint32_t k = 1; k < count; k++) { /* bounded: the group's lines */
    uint32_t j = lines[k].start;
    while (j < lines[k].end && is_ws_char(p->s[j])) j++;
    if (j == lines[k].end) {
      mdx_node *para = new_leaf(p, MDX_NODE_PARAGRAPH, lines[0].start, lines[k - 1].end);
      para->flags |= MDX_FLAG_LEAD;
      for (uint32_t m = 0; m < k; m++) mdx_node_add_line(&p->doc->arena, para, lines[m]);
      p->leaf = para;
      p->flow = FLOW_PARA;
      p->leaf_line = p->li;
      close_para(p);
      p->flow = FLOW_NONE;
      p->leaf = NULL;
      return;
    }
  }
  mdx_node *para = new_leaf(p, MDX_NODE_PARAGRAPH, lines[0].start, p->le);
  para->flags |= MDX_FLAG_LEAD;
  for (uint32_t k = 0; k < count; k++) mdx_node_add_line(&p->doc->arena, para, lines[k]);
  p->leaf = para;
  p->para_start = lines[0].start;
  p->flow = FLOW_PARA;
  p->leaf_line = p->li;
}

/* The open group turned out not to be one (text after it, on the current line). The
 * reference's flow attempt fails and its flow reads the same lines again, from the
 * group's first line, as the constructs they start: a paragraph there (no group:
 * failed_li), which the lines after it may interrupt (a heading, a fence, a tag or
 * expression that closes, ...). Its document level had already taken them whole (the
 * group is concrete): their container prefixes stay as matched, and no new containers
 * start on them. So the lines are read again by flow_line with the cursors recorded.
 *
 * A group that starts on a line read again and fails before the last of them rewinds the
 * reading to its own first line (no recursion). Lines may so be read again more than
 * once; in all at most about twice the document's bytes (replay_budget), past which the
 * group's lines become one paragraph (mdx_group_para) and linear time holds. */
static void mdx_group_fail(bk *p) {
  uint32_t cost = p->ln - p->glines[0].line.ls;
  p->flow = FLOW_NONE;
  p->leaf = NULL;
  if (cost > p->replay_budget) {
    mdx_group_para(p);
    return;
  }
  p->replay_budget -= cost;
  p->failed_li = p->glines[0].line.li;
  if (p->replaying) { /* the group started on a line being read again */
    p->ri = p->group_ri;
    return;
  }
  bk_group_line *lines = p->glines; /* swap: the group's lines become those to read */
  uint32_t cap = p->gcap;
  p->glines = p->replay;
  p->gcap = p->rcap;
  p->replay = lines;
  p->rcap = cap;
  p->rn = p->gn;
  p->gn = 0;
  bk_line at = p->line;
  p->replaying = 1;
  p->ri = 0;
  while (p->ri < p->rn) { /* bounded: rn lines, rewinds by replay_budget */
    bk_group_line *g = &p->replay[p->ri++];
    p->line = g->line;
    flow_line(p, g->c, 0);
  }
  p->replaying = 0;
  p->line = at;
}

/* A later line of an open group. */
static void mdx_group_line(bk *p, bk_cur c) {
  mdx_group_record(p, c);
  int r = mdx_flow_line(p->mf, c.off, c.col, c.vs, p->le, p->ln, p->li);
  if (r == MDX_FLOW_MORE) return;
  if (r == MDX_FLOW_DONE) {
    mdx_group_done(p);
    return;
  }
  mdx_group_fail(p);
}

/* MDX leaves: ESM at the top level, tag and expression groups. Returns 1 if it took the
 * line. */
static int mdx_leaf(bk *p, bk_cur c) {
  uint32_t i = c.off;
  if (!p->depth && !c.vs && i == p->ls && mdx_esm_start(p->s, i, p->le)) {
    p->leaf = new_leaf(p, MDX_NODE_MDXJS_ESM, i, p->le);
    p->flow = FLOW_ESM;
    mdx_esm_begin(&p->esm, i);
    p->esm_end = p->le;
    p->esm_end_line = p->li;
    return 1;
  }
  if (p->li == p->failed_li) return 0; /* read again after the group failed */
  while (i < p->le && (p->s[i] == ' ' || p->s[i] == '\t')) i++;
  if (i >= p->le || (p->s[i] != '<' && p->s[i] != '{')) return 0;
  int r = mdx_flow_start(p->mf, i, p->le, p->ln, p->li);
  if (r == MDX_FLOW_NOT) return 0;
  p->flow = FLOW_MDX;
  if (r == MDX_FLOW_DONE) {
    mdx_group_done(p);
    return 1;
  }
  p->gn = 0;
  p->group_ri = p->replaying ? p->ri - 1 : NONE;
  mdx_group_record(p, c);
  return 1;
}

/* The rest of a line (from `c`) for the open leaf, or for a new one. */
static void flow_line(bk *p, bk_cur c, int lazy) {
  /* The last line, used up by container prefixes: micromark's flow never sees it. */
  if (p->ln == p->le && c.off == p->le && !c.vs) {
    if (p->flow == FLOW_MDX) mdx_flow_eof_at(p->mf, p->ls); /* its input ended before */
    return;
  }
  switch (p->flow) {
  case FLOW_MDX: mdx_group_line(p, c); return;
  case FLOW_ESM:
    if (rest_blank(p, &c) && mdx_esm_complete(p->doc, &p->esm, p->ls, 0)) {
      close_esm(p, 0);
      p->flow = FLOW_NONE;
      p->leaf = NULL;
      break;
    }
    if (!rest_blank(p, &c)) {
      p->esm_end = p->le;
      p->esm_end_line = p->li;
    }
    return;
  case FLOW_FENCED: {
    bk_cur t = c;
    cur_skip_ws(p, &t, p->mdx ? UINT32_MAX : 3); /* MDX: no indented code */
    uint32_t i = t.vs ? p->le : t.off, n = 0;
    while (i < p->le && p->s[i] == p->fence_char) {
      i++;
      n++;
    }
    while (i < p->le && is_ws_char(p->s[i])) i++;
    if (n >= p->fence_len && i == p->le && !t.vs) {
      mdx_node *code = p->leaf;
      close_fenced(p, 1);
      code->end = p->le;
      mark_both(p, p->le, p->li);
      p->flow = FLOW_NONE;
      p->leaf = NULL;
      return;
    }
    t = c;
    cur_skip_ws(p, &t, p->fence_indent);
    add_line(p, p->leaf, t.off, t.vs);
    p->leaf_line = p->li;
    return;
  }
  case FLOW_HTML:
    if (p->html_kind >= 6 && rest_blank(p, &c)) {
      close_html(p, 0);
      p->flow = FLOW_NONE;
      p->leaf = NULL;
      break;
    }
    add_line(p, p->leaf, c.off, c.vs);
    p->leaf_line = p->li;
    if (p->html_kind <= 5 &&
        mdx_blocks_html_ends(p->s, c.off, p->le, p->html_kind, MDX_HTML_SCAN_TEXT)) {
      close_html(p, 0);
      p->flow = FLOW_NONE;
      p->leaf = NULL;
    }
    return;
  case FLOW_TABLE:
    if (table_row(p, c)) return;
    p->flow = FLOW_NONE;
    p->leaf = NULL;
    break;
  case FLOW_INDENTED: {
    bk_cur t = c;
    uint32_t n = cur_skip_ws(p, &t, p->mdx ? UINT32_MAX : 4); /* MDX: no indented code */
    if (rest_blank(p, &c) || n == 4) {
      add_line(p, p->leaf, t.off, t.vs);
      p->leaf_line = p->li;
      if (n == 4) { /* a full indent keeps the line, even with nothing after it */
        p->code_keep = p->leaf->line_count;
        p->code_keep_line = p->li;
      }
      return;
    }
    close_indented(p);
    p->flow = FLOW_NONE;
    p->leaf = NULL;
    break;
  }
  case FLOW_PARA: {
    if (!lazy && p->para_head_ok && table_starts(p, c)) return;
    if (para_continues(p, c, lazy)) {
      bk_cur t = c;
      cur_skip_ws(p, &t, UINT32_MAX);
      add_lead_line(p, p->leaf, t.off, c);
      p->leaf_line = p->li;
      /* An indented continuation line is no table head: micromark does not try to
       * interrupt the paragraph there, unless indented code is off (MDX). */
      p->para_head_ok = p->mdx || t.col - c.col < 4;
      return;
    }
    bk_cur t = c;
    cur_skip_ws(p, &t, p->mdx ? UINT32_MAX : 3);
    if (!lazy && !rest_blank(p, &t) && setext_at(p, t.off)) {
      mdx_node *n = p->leaf;
      uint32_t start = p->para_start;
      mdx_line *last = &n->lines[n->line_count - 1];
      last->eol = last->end;
      p->flow = FLOW_NONE;
      p->leaf = NULL;
      trim_lines(p, n->lines, &n->line_cap, n->line_count);
      if (mdx_definitions_take(p->doc, n)) {
        n->type = MDX_NODE_HEADING;
        n->flags |= MDX_FLAG_SETEXT;
        n->num = p->s[t.off] == '=' ? 1 : 2;
        n->start = start;
        n->end = p->le;
        mark_both(p, p->le, p->li);
        return;
      }
      mdx_node_unlink(n);
      mark_both(p, last->end, p->leaf_line);
      break;
    }
    close_para(p);
    p->flow = FLOW_NONE;
    p->leaf = NULL;
    break;
  }
  default: break;
  }
  start_leaf(p, c, lazy);
}

/* A lazy line whose complete (kind 7) HTML tag interrupts the open paragraph, with a
 * line ending (at the end of input micromark decides at once). */
static int lazy_tag_interrupts(bk *p, bk_cur c) {
  if (p->mdx || p->ln == p->le || rest_blank(p, &c) || cur_skip_ws(p, &c, 4) == 4 || cur_ch(p, &c) != '<') return 0;
  uint32_t from;
  int state;
  return mdx_blocks_html_start(p->s, c.off, p->le, 1, 1, &from, &state) == 7;
}

/* A lazy line whose MDX tag or expression group interrupts the open paragraph and is
 * still open at the end of the line: micromark keeps the containers open for a construct
 * that spans the line's end, so the group starts inside them. */
static int lazy_group_stays(bk *p, bk_cur c) {
  if (!p->mdx || rest_blank(p, &c)) return 0;
  cur_skip_ws(p, &c, UINT32_MAX);
  if (c.off >= p->le || (p->s[c.off] != '<' && p->s[c.off] != '{')) return 0;
  if (!p->probe) p->probe = mdx_flow_new(p->doc);
  return mdx_flow_start(p->probe, c.off, p->le, p->ln, p->li) == MDX_FLOW_MORE;
}

/* ---- lines ------------------------------------------------------------------------ */

static void feed_prefixes(bk *p) {
  for (uint32_t i = 0; i < p->quote_count; i++) mark(&p->sc, p->quote_ends[i], p->li);
}

static void process_line(bk *p) {
  bk_cur c = {p->ls, 0, 0};
  uint32_t matched = 0;
  int sibling = 0;
  int fn_indent = 0; /* the last container matched was a footnote's 4-column indent */
  int fn_seen = 0;   /* a footnote's indent was matched on this line */
  bk_item it;
  /* 1. Match the open containers. */
  for (uint32_t i = 0; i < p->depth; i++) { /* bounded: depth */
    bk_cont *k = &p->stack[i];
    if (k->footnote) {
      /* Continues on blank lines and lines indented 4 columns. micromark checks the
       * indent by looking at the last token: with no whitespace of its own that is the
       * enclosing footnote's indent, so a definition directly inside another continues
       * without one. */
      if (!rest_blank(p, &c)) {
        bk_cur t = c;
        uint32_t w = cur_skip_ws(p, &t, 4);
        if (w == 4) {
          c = t;
          fn_indent = fn_seen = 1;
        } else if (w || !fn_indent) {
          break;
        }
      }
      matched++;
      continue;
    }
    fn_indent = 0;
    if (k->quote) {
      bk_cur t = c;
      cur_skip_ws(p, &t, p->indent_max);
      if (cur_ch(p, &t) != '>') break;
      cur_adv(&t);
      if (cur_ws(p, &t)) cur_ws_step(p, &t);
      p->quote_ends[p->quote_count++] = t.off;
      c = t;
      matched++;
      continue;
    }
    if (rest_blank(p, &c)) {
      /* Lists always continue over a blank line. Once the line is used up and no block
       * quote is left below, the remaining lists match without consuming anything. */
      if (!cur_ws(p, &c) && !p->blank_lists && (p->last_quote == NONE || p->last_quote < i)) {
        matched = p->depth;
        break;
      }
      if (k->initial_blank && !k->further_blank) k->further_blank = 1;
      cur_skip_ws(p, &c, k->size);
      matched++;
      continue;
    }
    int further = k->further_blank;
    if (k->initial_blank) p->blank_lists--;
    k->further_blank = k->initial_blank = 0;
    if (!further && cur_ws(p, &c)) {
      bk_cur t = c;
      if (cur_skip_ws(p, &t, k->size) == k->size) {
        c = t;
        matched++;
        continue;
      }
    }
    bk_cur t = c;
    uint32_t indent = cur_skip_ws(p, &t, p->indent_max);
    if (item_at(p, t, indent, k, 0, &it)) {
      sibling = 1;
      matched++;
    }
    break;
  }

  /* 2. Decide what the line is. */
  if (p->flow == FLOW_MDX && (sibling || matched < p->depth)) mdx_unmatched(p, p->mf, sibling, c);
  if (sibling) {
    uint32_t i = matched - 1;
    bk_cont *k = &p->stack[i];
    close_leaf(p, CLOSE_EOF);
    exit_containers(p, matched, p->ls, p->li);
    feed_prefixes(p);
    /* from-markdown ends the previous item at the line ending before the new one, but
     * looking back for it stops at a footnote's indent: then at the new item's marker. */
    end_item(p, k, fn_seen ? 0 : p->li, it.prefix_end);
    open_item(p, k, &it);
    c = it.after;
    if (!it.blank) c = open_containers(p, c, 0);
    flow_line(p, c, 0);
    return;
  }
  int concrete = p->flow == FLOW_FENCED || p->flow == FLOW_HTML || p->flow == FLOW_MDX ||
                 p->flow == FLOW_ESM;
  if (!(matched == p->depth && concrete)) {
    /* After a table's row micromark's flow has no construct open: no interrupting. */
    int interrupt = matched == p->depth && p->flow != FLOW_NONE && p->flow != FLOW_TABLE;
    /* Lines a failed MDX probe read (every container continued) were given to the flow
     * whole by the reference, which then never looks for new containers on them. */
    if (p->li >= p->probe_read_to && container_at(p, c, interrupt)) {
      feed_prefixes(p);
      close_leaf(p, CLOSE_EOF);
      /* As for a sibling item: looking back for the line ending stops at a footnote's
       * indent, so what closes ends where the new container starts. */
      p->exit_at_point = fn_seen;
      exit_containers(p, matched, c.off, p->li);
      p->exit_at_point = 0;
      c = open_containers(p, c, interrupt);
      flow_line(p, c, 0);
      return;
    }
    if (matched < p->depth) {
      if (p->flow == FLOW_PARA && para_continues(p, c, 1)) {
        feed_prefixes(p);
        flow_line(p, c, 1);
        return;
      }
      if (p->flow == FLOW_PARA && (lazy_tag_interrupts(p, c) || lazy_group_stays(p, c))) {
        /* micromark cannot tell yet whether the paragraph is over (a complete tag looks
         * at the next line), so the containers stay open and the HTML joins them. */
        feed_prefixes(p);
        close_leaf(p, CLOSE_LAZY);
        start_leaf(p, c, 1);
        return;
      }
      close_leaf(p, CLOSE_LAZY);
      if (p->ln == p->le && c.off == p->le && !c.vs) {
        /* Nothing of the last line reaches the leaves: the containers close at the end
         * of input, after this line's prefixes. */
        feed_prefixes(p);
        return;
      }
      exit_containers(p, matched, p->ls, p->li);
      feed_prefixes(p);
      flow_line(p, c, 1);
      return;
    }
  }
  feed_prefixes(p);
  flow_line(p, c, 0);
}

void mdx_blocks_parse(mdx_doc *doc) {
  bk p;
  memset(&p, 0, sizeof p);
  p.doc = doc;
  p.last_quote = NONE;
  p.s = doc->src;
  p.len = doc->len;
  p.mdx = !!(doc->options & MDX_OPT_MDX);
  p.indent_max = p.mdx ? UINT32_MAX : 3;
  p.probe_cr = NONE;
  p.failed_li = p.group_ri = NONE;
  p.replay_budget = p.len < UINT32_MAX / 2 ? 2 * p.len : UINT32_MAX;
  if (p.mdx) p.mf = mdx_flow_new(doc);
  uint32_t pos = 0;
  uint32_t cr = NONE;
  /* Frontmatter takes the first lines whole (frontmatter.c); they still get their line
   * ends recorded below, but no block parsing. */
  uint32_t matter_end = 0;
  mdx_frontmatter fm;
  int matter = doc->options & MDX_OPT_FRONTMATTER ? mdx_frontmatter_scan(p.s, p.len, &fm) : 0;
  p.flat = matter == MDX_FRONTMATTER_UNCLOSED;
  if (matter == MDX_FRONTMATTER_FOUND) {
    mdx_node *m = mdx_node_new(&doc->arena, (mdx_node_type)fm.type, 0, fm.end);
    m->value.ptr = p.s + fm.value_start;
    m->value.len = fm.value_end - fm.value_start;
    mdx_node_append(doc->root, m);
    matter_end = fm.end;
  }
  while (pos < p.len) { /* bounded: each round moves past one line */
    uint32_t e = find_eol(p.s, pos, p.len, &cr);
    uint32_t next = e;
    if (next < p.len && p.s[next] == '\r') next++;
    if (next < p.len && p.s[next] == '\n' && (next == e || p.s[e] == '\r')) next++;
    if (p.li == p.eols_cap) {
      /* First guess: a line per 32 bytes; then doubling (realloc moves big arrays cheaply). */
      size_t cap = p.eols_cap ? (size_t)p.eols_cap * 2 : p.len / 32 + 64;
      if (cap > (size_t)p.len + 1) cap = (size_t)p.len + 1; /* a line takes at least a byte */
      uint32_t *grown = realloc(doc->block_eols, cap * sizeof *p.eols);
      if (!grown) mdx_arena_fail(&doc->arena); /* doc->block_eols is freed by mdx_doc_free */
      doc->block_eols = p.eols = grown;
      p.eols_cap = (uint32_t)cap;
    }
    p.eols[p.li] = e;
    p.ls = pos;
    p.le = e;
    p.ln = next;
    if (p.quote_cap < p.depth + 1) {
      uint32_t cap = (p.depth + 1) * 2;
      p.quote_ends = mdx_arena_grow(&doc->arena, p.quote_ends, p.quote_cap * sizeof(uint32_t),
                                    cap * sizeof(uint32_t));
      p.quote_cap = cap;
    }
    p.quote_count = 0;
    p.last_nonws = NONE;
    for (uint32_t i = e; i > pos; i--) /* bounded: the line's trailing whitespace */
      if (!is_ws_char(p.s[i - 1])) {
        p.last_nonws = i - 1;
        break;
      }
    if (pos < matter_end) {
      if (e >= matter_end) mark_both(&p, e, p.li); /* the closing fence */
    } else {
      process_line(&p);
    }
    pos = next;
    p.li++;
  }
  /* End of input: block quotes do not continue on it (so the leaf closes as before a lazy
   * line), lists do. */
  int ends_with_eol = p.len > 0 && (p.s[p.len - 1] == '\n' || p.s[p.len - 1] == '\r');
  uint32_t at_line = ends_with_eol || p.li == 0 ? p.li : p.li - 1;
  p.ls = p.le = p.ln = p.len;
  p.last_nonws = NONE;
  close_leaf(&p, ends_with_eol && p.last_quote != NONE ? CLOSE_LAZY : CLOSE_EOF);
  exit_containers(&p, 0, p.len, at_line);
  free(doc->block_eols);
  doc->block_eols = NULL;
}
