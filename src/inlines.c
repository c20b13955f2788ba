/* The inline phase: a leaf's content lines become mdast inline nodes (text, emphasis,
 * strong, inlineCode, break, link, image, references, autolinks, html), matching what
 * mdast-util-from-markdown builds from micromark's events.
 *
 * One left-to-right scan over the content (an mdx_view) appends nodes to the leaf:
 * text pieces, delimiter runs (`*`, `_`) and bracket openers (`[`, `![`) are text nodes
 * that the delimiter list and the bracket stack point at. At `]` a link or image may
 * form: its content is moved into it and its delimiters are resolved (emphasis inside
 * links never reaches outside). At the end the remaining delimiters are resolved and
 * adjacent text nodes are merged, as from-markdown merges data.
 *
 * Why it is linear: the scan never moves back; constructs that search ahead are memoised
 * where a failed search could be repeated (code span closers through a run-length index,
 * HTML comment/CDATA/instruction/declaration ends and quoted attributes, link titles in
 * scan.c); reference labels are looked up only when at most MDX_MAX_LINK_LABEL characters
 * long; emphasis uses openers-bottom marks per (marker, can-open, length mod 3), so each
 * delimiter is passed over a bounded number of times; moving nodes into a new parent
 * touches only that parent's direct children, and each node is a direct child of a
 * parent only once; an image's alt copies nested alts only within MDX_MAX_ALT_REPEAT.
 * No recursion: nesting is built bottom-up in the node list.
 *
 * Positions follow micromark even where it is quirky: a text line ending that micromark
 * reads again after a failed lookahead ran into the next line ends after that line's
 * container prefix (see eol_end and mdx_view.furthest). */
#include <string.h>

#include "chars.h"
#include "gfm_autolink.h"
#include "gfm_footnote.h"
#include "gfm_table.h"
#include "gfm_tasks.h"
#include "limits.h"
#include "mdx_syntax.h"
#include "refs.h"
#include "scan.h"
#include "text.h"

typedef mdx_delim delim;
struct mdx_delim {
  delim *prev, *next;
  mdx_node *node; /* text node holding what is left of the run */
  uint32_t seq;
  uint32_t len; /* characters left */
  char ch;
  unsigned char can_open, can_close;
};

typedef struct bracket {
  mdx_node *node;      /* the "[" or "![" text node */
  uint32_t delim_seq;  /* delimiters with seq >= this come after the bracket */
  uint32_t seq;        /* opening order, for deactivating outer link openers */
  uint32_t after;      /* view offset just after the opener */
  uint32_t events;     /* ictx.bracket_events just after it was pushed */
  int image;
} bracket;

/* Backtick runs (or, for inline math, dollar runs) of the leaf, grouped by length, each
 * group in offset order (in the doc's `ticks` or `dollars` scratch). */
typedef struct tick_index {
  uint32_t *pos;   /* run offsets, sorted by (length, offset) */
  uint32_t *first; /* first[len] .. first[len + 1]: runs of that length */
  uint32_t max_len;
  int built;
  char ch; /* '`' or '$' */
} tick_index;

/* Needles whose absence after an offset is remembered (see html_find). */
enum { NEEDLE_COMMENT, NEEDLE_CDATA, NEEDLE_PI, NEEDLE_GT, NEEDLE_DQUOTE, NEEDLE_SQUOTE, NEEDLES };

typedef struct ictx {
  mdx_doc *doc;
  mdx_node *leaf;
  mdx_view v;
  delim *dfirst, *dlast;
  uint32_t dseq, dcount;
  bracket *brackets; /* in the doc's `brackets` scratch */
  uint32_t bcount, bcap, bseq;
  uint32_t inactive_below; /* link openers with seq below this cannot form links */
  tick_index ticks;
  tick_index dollars; /* inline math (MDX_OPT_MATH) */
  uint32_t absent_from[NEEDLES];
  uint64_t alt_budget; /* bytes of nested images' alt that enclosing alts may still copy */
  int gfm;            /* MDX_OPT_GFM: `~` strikethrough, autolink literals */
  mdx_autolink_memo autolink; /* gfm_autolink.h */
  int mdx;            /* MDX_OPT_MDX: `{` and `<` are expressions and JSX (mdx_text.c) */
  char first_used;    /* '*' or '~': which of emphasis and strikethrough came first */
  uint32_t bracket_events; /* brackets pushed, links and footnote references formed */
} ictx;

static const char *const needle_text[NEEDLES] = {"-->", "]]>", "?>", ">", "\"", "'"};

/* ---- nodes ---- */

/* A node of `type` over source [start, end): short ones come from the doc's spare list
 * when it has some (text pieces merged away, used-up delimiter runs, brackets). */
static mdx_node *make_node(ictx *c, mdx_node_type type, uint32_t start, uint32_t end) {
  mdx_node *n = c->doc->spare_nodes;
  if (!n || mdx_node_has_tail(type))
    return mdx_node_new(&c->doc->arena, type, start, end);
  c->doc->spare_nodes = n->next;
  memset(n, 0, MDX_NODE_SHORT_SIZE);
  n->type = (uint16_t)type;
  n->start = start;
  n->end = end;
  return n;
}

/* Unlinks a node that nothing refers to any more; a short one without children is kept
 * for reuse. */
static void drop_node(ictx *c, mdx_node *n) {
  mdx_node_unlink(n);
  if (mdx_node_has_tail(n->type) || n->first_child) return;
  n->next = c->doc->spare_nodes;
  c->doc->spare_nodes = n;
}

static mdx_node *new_node(ictx *c, mdx_node_type type, uint32_t from, uint32_t to) {
  return make_node(c, type, mdx_view_src_start(&c->v, from), mdx_view_src_end(&c->v, to));
}

/* A text node for view[from, to) (one line). */
static mdx_node *add_text(ictx *c, uint32_t from, uint32_t to) {
  if (to <= from) return NULL;
  mdx_node *t = new_node(c, MDX_NODE_TEXT, from, to);
  t->value.ptr = c->doc->src + t->start;
  t->value.len = to - from;
  mdx_node_append(c->leaf, t);
  return t;
}

/* Height of an inline container's subtree, kept in the node's (otherwise unused for
 * inlines) line_cap, for MDX_MAX_INLINE_DEPTH. */
static uint32_t height_of(const mdx_node *n) { return n->first_child ? n->line_cap : 0; }

/* Moves the siblings strictly between `from` and `to` (to may be NULL: up to the end)
 * into `parent`; returns 0 (moving nothing) if that would nest too deep. */
static int adopt(mdx_node *parent, mdx_node *from, mdx_node *to) {
  uint32_t h = 0;
  for (mdx_node *k = from->next; k != to; k = k->next) /* bounded: siblings */
    if (height_of(k) > h) h = height_of(k);
  if (h + 1 > MDX_MAX_INLINE_DEPTH) return 0;
  mdx_node *k = from->next;
  while (k != to) { /* bounded: siblings */
    mdx_node *next = k->next;
    mdx_node_unlink(k);
    mdx_node_append(parent, k);
    k = next;
  }
  parent->line_cap = h + 1;
  return 1;
}

static void insert_after(mdx_node *sibling, mdx_node *node) {
  if (sibling->next)
    mdx_node_insert_before(sibling->next, node);
  else
    mdx_node_append(sibling->parent, node);
}

/* ---- delimiters and emphasis ---- */

static void delim_remove(ictx *c, delim *d) {
  if (d->prev)
    d->prev->next = d->next;
  else
    c->dfirst = d->next;
  if (d->next)
    d->next->prev = d->prev;
  else
    c->dlast = d->prev;
  c->dcount--;
  d->next = c->doc->spare_delims;
  c->doc->spare_delims = d;
}

/* The first delimiter with seq >= seq, or NULL. */
static delim *delim_from(ictx *c, uint32_t seq) {
  delim *d = c->dlast, *first = NULL;
  while (d && d->seq >= seq) { /* bounded: delimiters above seq */
    first = d;
    d = d->prev;
  }
  return first;
}

/* The two passes call each other only with inner = 0, so the nesting is at most two
 * calls deep (not recursion in the unbounded sense). */
static void strike_pass(ictx *c, delim *first, delim *stop, int inner);

/* Emphasis among the `*`/`_` delimiters from `first` up to `stop` (NULL: to the end).
 * micromark's rule: each closer, in order, takes the nearest earlier opener of its
 * marker that the rule of 3 allows. `inner`: GFM strikethrough has not been resolved yet
 * (emphasis came first in the leaf), so each emphasis formed resolves it in its content,
 * as micromark's attention resolver does through `insideSpan`. `~` delimiters are
 * neither openers nor closers here. */
static void attention_pass(ictx *c, delim *first, delim *stop, int inner) {
  if (!first) return;
  uint32_t lo = first->seq;
  /* min_seq[marker][can_open][len % 3]: openers below it are known not to match. */
  uint32_t min_seq[2][2][3];
  for (int a = 0; a < 2; a++)
    for (int b = 0; b < 2; b++)
      for (int m = 0; m < 3; m++) min_seq[a][b][m] = lo;
  delim *closer = first;
  while (closer && closer != stop) { /* bounded: each turn uses up a closer or some of its length */
    if (!closer->can_close || closer->ch == '~') {
      closer = closer->next;
      continue;
    }
    uint32_t *bot = &min_seq[closer->ch == '_'][closer->can_open][closer->len % 3];
    delim *o = closer->prev;
    for (; o && o->seq >= *bot; o = o->prev) { /* bounded: amortised by min_seq */
      if (o->ch != closer->ch || !o->can_open) continue;
      if ((o->can_close || closer->can_open) && closer->len % 3 && (o->len + closer->len) % 3 == 0)
        continue;
      break;
    }
    if (o && o->seq < *bot) o = NULL;
    mdx_node *em = NULL;
    uint32_t use = 0;
    if (o) {
      use = o->len > 1 && closer->len > 1 ? 2 : 1;
      mdx_node *on = o->node, *cn = closer->node;
      em = make_node(c, use == 2 ? MDX_NODE_STRONG : MDX_NODE_EMPHASIS, on->end - use,
                     cn->start + use);
      insert_after(on, em);
      if (!adopt(em, em, cn)) {
        drop_node(c, em);
        em = NULL;
      }
    }
    if (!em) {
      *bot = closer->seq;
      delim *next = closer->next;
      if (!closer->can_open) delim_remove(c, closer);
      closer = next;
      continue;
    }
    if (inner && o->next != closer) strike_pass(c, o->next, closer, 0);
    while (o->next != closer) delim_remove(c, o->next); /* bounded: delimiters between */
    mdx_node *on = o->node, *cn = closer->node;
    on->end -= use;
    on->value.len -= use;
    cn->start += use;
    cn->value.ptr += use;
    cn->value.len -= use;
    o->len -= use;
    closer->len -= use;
    /* The opener's length changed: let every search see it again. */
    for (int a = 0; a < 2; a++)
      for (int b = 0; b < 2; b++)
        for (int m = 0; m < 3; m++)
          if (min_seq[a][b][m] > o->seq) min_seq[a][b][m] = o->seq;
    if (!o->len) {
      drop_node(c, on);
      delim_remove(c, o);
    }
    if (!closer->len) {
      delim *next = closer->next;
      drop_node(c, cn);
      delim_remove(c, closer);
      closer = next;
    }
  }
}

/* GFM strikethrough among the `~` delimiters from `first` up to `stop`, as
 * micromark-extension-gfm-strikethrough resolves it: each closer, in order, takes the
 * nearest earlier opener of the same length (1 or 2), whatever lies between; the content
 * of each `delete` formed then has its emphasis resolved when `inner` (strikethrough
 * came first in the leaf). Linear: a failed search raises the bottom for its length, a
 * successful one removes every delimiter it passed over. */
static void strike_pass(ictx *c, delim *first, delim *stop, int inner) {
  if (!first) return;
  uint32_t bottom[3] = {first->seq, first->seq, first->seq}; /* by run length */
  delim *closer = first;
  while (closer && closer != stop) { /* bounded: each turn passes or uses up a closer */
    if (!closer->can_close || closer->ch != '~') {
      closer = closer->next;
      continue;
    }
    uint32_t *bot = &bottom[closer->len];
    delim *o = closer->prev;
    for (; o && o->seq >= *bot; o = o->prev) /* bounded: amortised by bottom */
      if (o->ch == '~' && o->can_open && o->len == closer->len) break;
    if (o && o->seq < *bot) o = NULL;
    mdx_node *del = NULL;
    if (o) {
      del = make_node(c, MDX_NODE_DELETE, o->node->start, closer->node->end);
      insert_after(o->node, del);
      if (!adopt(del, del, closer->node)) {
        drop_node(c, del);
        del = NULL;
      }
    }
    if (!del) {
      *bot = closer->seq;
      closer = closer->next;
      continue;
    }
    if (inner && o->next != closer) attention_pass(c, o->next, closer, 0);
    while (o->next != closer) delim_remove(c, o->next); /* bounded: delimiters between */
    delim *next = closer->next;
    drop_node(c, o->node);
    drop_node(c, closer->node);
    delim_remove(c, o);
    delim_remove(c, closer);
    closer = next;
  }
}

/* Resolves emphasis (and GFM strikethrough) among the delimiters with seq >= bottom,
 * then drops them all. micromark runs the two resolvers over a leaf in the order their
 * constructs were first used in it (`strike_first`); inside a link label (and inside each
 * span formed) strikethrough goes first (`insideSpan` order). */
static void process_emphasis(ictx *c, uint32_t bottom, int strike_first) {
  if (!c->gfm) {
    attention_pass(c, delim_from(c, bottom), NULL, 0);
  } else if (strike_first) {
    strike_pass(c, delim_from(c, bottom), NULL, 1);
    attention_pass(c, delim_from(c, bottom), NULL, 0);
  } else {
    attention_pass(c, delim_from(c, bottom), NULL, 1);
    strike_pass(c, delim_from(c, bottom), NULL, 0);
  }
  while (c->dlast && c->dlast->seq >= bottom) delim_remove(c, c->dlast); /* bounded */
}

static void scan_delims(ictx *c, uint32_t pos, uint32_t *pend) {
  const char *s = c->v.s;
  uint32_t n = c->v.n, end = pos;
  char ch = s[pos];
  while (end < n && s[end] == ch) end++; /* bounded: n */
  uint32_t before_cp, after_cp = 0;
  int before = mdx_utf8_prev(s, pos, &before_cp) ? mdx_char_class(before_cp) : MDX_CLASS_SPACE;
  int after = MDX_CLASS_SPACE;
  if (end < n) {
    mdx_utf8_next(s, n, end, &after_cp);
    after = mdx_char_class(after_cp);
  }
  int open = !after || (after == MDX_CLASS_PUNCT && before);
  int close = !before || (before == MDX_CLASS_PUNCT && after);
  if (ch == '~') {
    /* GFM strikethrough: only runs of one or two; a run right after another `~` (only
     * possible after an escaped one, runs are maximal) is a sequence too. */
    if (end - pos > 2) return;
    if (!c->first_used) c->first_used = '~';
  } else {
    if (!c->first_used) c->first_used = '*';
    /* With GFM, `~` is an "attention marker": a `*`/`_` run next to one may open
     * (before it) or close (after it) whatever the flanking rules say. */
    if (c->gfm) {
      if (end < n && s[end] == '~') open = 1;
      if (pos > 0 && s[pos - 1] == '~') close = 1;
    }
  }
  int can_open = ch != '_' ? open : open && (before || !close);
  int can_close = ch != '_' ? close : close && (after || !open);
  if ((!can_open && !can_close) || c->dcount >= MDX_MAX_DELIMITERS) return; /* plain text */
  add_text(c, *pend, pos);
  delim *d = c->doc->spare_delims;
  if (d)
    c->doc->spare_delims = d->next;
  else
    d = mdx_arena_alloc_uninit(&c->doc->arena, sizeof *d);
  d->next = NULL; /* every other field is set below */
  d->node = add_text(c, pos, end);
  d->seq = c->dseq++;
  d->len = end - pos;
  d->ch = ch;
  d->can_open = (unsigned char)can_open;
  d->can_close = (unsigned char)can_close;
  d->prev = c->dlast;
  if (c->dlast)
    c->dlast->next = d;
  else
    c->dfirst = d;
  c->dlast = d;
  c->dcount++;
  *pend = end;
}

/* ---- code spans ---- */

static void build_ticks(ictx *c, tick_index *t) {
  const char *s = c->v.s;
  uint32_t n = c->v.n, runs = 0, max_len = 0;
  const char ch = t->ch;
  mdx_scratch *scratch = ch == '$' ? &c->doc->dollars : &c->doc->ticks;
  t->built = 1;
  /* One pass collects the runs as (offset, length) pairs at the scratch's end, then a
   * counting sort by length puts the offsets before them. A run takes at least one byte,
   * so n runs at most: 2n slots for the pairs, n for the sorted offsets, n + 2 counts. */
  const char *p = memchr(s, ch, n);
  if (!p) { /* no run at all: nothing to index (the caller found none either) */
    t->max_len = 0;
    return;
  }
  uint32_t from = (uint32_t)(p - s);
  uint32_t *pairs = NULL;
  uint64_t room = 0;
  for (uint32_t i = from; i < n;) { /* bounded: i grows */
    const char *q = memchr(s + i, ch, n - i);
    if (!q) break;
    i = (uint32_t)(q - s);
    uint32_t j = i + 1;
    while (j < n && s[j] == ch) j++; /* bounded: n */
    if (runs == room) { /* grow: first pass sizes for a few runs, most leaves have few */
      room = room ? room * 2 : 16;
      if (room > n) room = n;
      pairs = mdx_scratch_get(&c->doc->arena, scratch, (size_t)room * 2 * sizeof *pairs);
    }
    pairs[2 * runs] = i;
    pairs[2 * runs + 1] = j - i;
    if (j - i > max_len) max_len = j - i;
    runs++;
    i = j;
  }
  t->max_len = max_len;
  size_t need = (size_t)runs * 3 + (size_t)max_len + 2;
  pairs = mdx_scratch_get(&c->doc->arena, scratch, need * sizeof *pairs);
  t->pos = pairs + 2 * (size_t)runs;
  t->first = t->pos + runs;
  memset(t->first, 0, ((size_t)max_len + 2) * sizeof *t->first);
  for (uint32_t k = 0; k < runs; k++) t->first[pairs[2 * k + 1] + 1]++; /* counting pass */
  for (uint32_t k = 1; k <= max_len + 1; k++) t->first[k] += t->first[k - 1];
  /* placing pass: offsets stay sorted within a length; first[len] moves up to
   * first[len + 1] while placing and is restored by one step back afterwards */
  for (uint32_t k = 0; k < runs; k++) t->pos[t->first[pairs[2 * k + 1]]++] = pairs[2 * k];
  for (uint32_t k = max_len + 1; k > 0; k--) t->first[k] = t->first[k - 1];
  t->first[0] = 0;
}

/* Offset of the first run of exactly `len` at or after `from`, or UINT32_MAX. */
static uint32_t find_ticks(ictx *c, tick_index *t, uint32_t len, uint32_t from) {
  if (!t->built) build_ticks(c, t);
  if (len > t->max_len) return UINT32_MAX;
  uint32_t lo = t->first[len], hi = t->first[len + 1];
  while (lo < hi) { /* bounded: binary search */
    uint32_t mid = lo + (hi - lo) / 2;
    if (t->pos[mid] < from)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo < t->first[len + 1] ? t->pos[lo] : UINT32_MAX;
}

static uint32_t eol_len(const char *s, uint32_t n, uint32_t i) {
  return s[i] == '\r' && i + 1 < n && s[i + 1] == '\n' ? 2 : 1;
}

/* A failed scan that examined offset `at` (see mdx_view.furthest); returns 0. */
static uint32_t fail_at(mdx_view *v, uint32_t at) {
  mdx_view_fail(v, at);
  return 0;
}

/* A code span opening at pos; returns the offset after it, or 0. Inline math (a `$` run
 * at pos) follows the very same rules in micromark-extension-math: a closing run of
 * exactly the opening's length, one space or line ending stripped from both ends. */
static uint32_t scan_code(ictx *c, uint32_t pos) {
  const char *s = c->v.s;
  const char ch = s[pos];
  tick_index *t = ch == '$' ? &c->dollars : &c->ticks;
  uint32_t n = c->v.n, k = pos;
  while (k < n && s[k] == ch) k++; /* bounded: n */
  uint32_t len = k - pos;
  uint32_t close = find_ticks(c, t, len, k);
  if (close == UINT32_MAX) return fail_at(&c->v, n); /* micromark read to the end */
  uint32_t from = k, to = close;
  /* Strip one space or line ending from both ends when both are there and something
   * else is inside. */
  if (to > from && (s[from] == ' ' || mdx_is_eol(s[from])) &&
      (s[to - 1] == ' ' || mdx_is_eol(s[to - 1]))) {
    int other = 0;
    for (uint32_t i = from; i < to; i++) { /* bounded: the span */
      if (s[i] != ' ' && !mdx_is_eol(s[i])) {
        other = 1;
        break;
      }
    }
    if (other) {
      from += s[from] == ' ' ? 1 : eol_len(s, n, from);
      to -= (s[to - 1] == '\n' && to - 2 >= from && s[to - 2] == '\r') ? 2 : 1;
    }
  }
  mdx_node *code = new_node(c, ch == '$' ? MDX_NODE_INLINE_MATH : MDX_NODE_INLINE_CODE, pos,
                            close + len);
  code->value = mdx_view_text(&c->v, from, to, 0);
  if (ch == '`' && c->leaf->type == MDX_NODE_TABLE_CELL) mdx_table_code_unescape(c->doc, code);
  mdx_node_append(c->leaf, code);
  return close + len;
}

/* ---- autolinks and raw HTML ---- */

static int is_atext(char ch) {
  return mdx_ascii_alnum(ch) || (ch >= '#' && ch <= '\'') || ch == '*' || ch == '+' ||
         (ch >= '-' && ch <= '/') || ch == '=' || ch == '?' || (ch >= '^' && ch <= '`') ||
         (ch >= '{' && ch <= '~');
}

/* An autolink at pos ('<'); returns the offset after it, or 0. *email is set for
 * e-mail autolinks. Every loop stops at '<', so this never reads past the next one. */
static uint32_t scan_autolink(ictx *c, uint32_t pos, int *email) {
  const char *s = c->v.s;
  uint32_t n = c->v.n, j = pos + 1;
  *email = 0;
  if (j < n && mdx_ascii_alpha(s[j])) {
    uint32_t k = j + 1, size = 1;
    /* bounded: 32 scheme characters */
    while (k < n && (mdx_ascii_alnum(s[k]) || s[k] == '+' || s[k] == '-' || s[k] == '.') && size < 32)
      k++, size++;
    if (k < n && s[k] == ':' && k > j + 1) {
      for (k++; k < n; k++) { /* bounded: n */
        unsigned char ch = (unsigned char)s[k];
        if (ch == '>') return k + 1;
        if (ch == ' ' || ch == '<' || ch < 0x20 || ch == 0x7f) return 0;
      }
      return 0;
    }
  } else if (j < n && s[j] == '@') {
    return 0;
  }
  while (j < n && is_atext(s[j])) j++; /* bounded: n */
  if (j >= n || s[j] != '@') return 0;
  j++;
  for (;;) { /* bounded: each label consumes characters */
    if (j >= n || !mdx_ascii_alnum(s[j])) return 0;
    uint32_t size = 0;
    for (;;) { /* bounded: 63 characters per label */
      if (j < n && (mdx_ascii_alnum(s[j]) || s[j] == '-') && size < 63) {
        int dash = s[j] == '-';
        j++;
        size++;
        if (dash) continue;
        if (j < n && s[j] == '.') break;
        if (j < n && s[j] == '>') {
          *email = 1;
          return j + 1;
        }
        continue;
      }
      return 0;
    }
    j++; /* the dot */
  }
}

/* Offset of the first `needle` at or after `from`, or UINT32_MAX; remembers failures so
 * that no stretch is searched twice for the same needle. */
static uint32_t html_find(ictx *c, int needle, uint32_t from) {
  if (from >= c->absent_from[needle]) return UINT32_MAX;
  const char *nd = needle_text[needle];
  size_t nlen = strlen(nd);
  const char *s = c->v.s;
  uint32_t n = c->v.n;
  for (uint32_t i = from; i + nlen <= n; i++) /* bounded: n */
    if (s[i] == nd[0] && !memcmp(s + i, nd, nlen)) return i;
  c->absent_from[needle] = from;
  return UINT32_MAX;
}

static uint32_t skip_ws_eol(const char *s, uint32_t n, uint32_t j) {
  while (j < n && (mdx_is_space(s[j]) || mdx_is_eol(s[j]))) j++; /* bounded: n */
  return j;
}

/* Raw inline HTML at pos ('<'); returns the offset after it, or 0. */
static uint32_t scan_html(ictx *c, uint32_t pos) {
  const char *s = c->v.s;
  uint32_t n = c->v.n, j = pos + 1, f;
  mdx_view *v = &c->v;
  if (j >= n) return fail_at(v, n);
  if (s[j] == '!') {
    j++;
    if (j < n && s[j] == '-') {
      if (j + 1 >= n || s[j + 1] != '-') return fail_at(v, j + 1);
      f = html_find(c, NEEDLE_COMMENT, pos + 2);
      return f == UINT32_MAX ? fail_at(v, n) : f + 3;
    }
    if (j < n && s[j] == '[') {
      for (uint32_t k = 0; k < 7; k++) /* bounded: 7 */
        if (j + k >= n || s[j + k] != "[CDATA["[k]) return fail_at(v, j + k);
      f = html_find(c, NEEDLE_CDATA, j + 7);
      return f == UINT32_MAX ? fail_at(v, n) : f + 3;
    }
    if (j < n && mdx_ascii_alpha(s[j])) {
      f = html_find(c, NEEDLE_GT, j);
      return f == UINT32_MAX ? fail_at(v, n) : f + 1;
    }
    return fail_at(v, j);
  }
  if (s[j] == '?') {
    f = html_find(c, NEEDLE_PI, j + 1);
    return f == UINT32_MAX ? fail_at(v, n) : f + 2;
  }
  if (s[j] == '/') {
    j++;
    if (j >= n || !mdx_ascii_alpha(s[j])) return fail_at(v, j);
    while (j < n && (mdx_ascii_alnum(s[j]) || s[j] == '-')) j++; /* bounded: n */
    j = skip_ws_eol(s, n, j);
    return j < n && s[j] == '>' ? j + 1 : fail_at(v, j);
  }
  if (!mdx_ascii_alpha(s[j])) return fail_at(v, j);
  while (j < n && (mdx_ascii_alnum(s[j]) || s[j] == '-')) j++; /* bounded: n */
  if (j >= n || !(s[j] == '/' || s[j] == '>' || mdx_is_space(s[j]) || mdx_is_eol(s[j])))
    return fail_at(v, j);
  for (;;) { /* between attributes; bounded: every turn consumes */
    j = skip_ws_eol(s, n, j);
    if (j >= n) return fail_at(v, n);
    if (s[j] == '/') return j + 1 < n && s[j + 1] == '>' ? j + 2 : fail_at(v, j + 1);
    if (s[j] == '>') return j + 1;
    if (!(s[j] == ':' || s[j] == '_' || mdx_ascii_alpha(s[j]))) return fail_at(v, j);
    while (j < n && (mdx_ascii_alnum(s[j]) || s[j] == '-' || s[j] == '.' || s[j] == ':' || s[j] == '_'))
      j++; /* bounded: n */
    uint32_t k = skip_ws_eol(s, n, j);
    if (k >= n || s[k] != '=') {
      j = k;
      continue;
    }
    j = skip_ws_eol(s, n, k + 1);
    if (j >= n) return fail_at(v, n);
    char q = s[j];
    if (q == '<' || q == '=' || q == '>' || q == '`') return fail_at(v, j);
    if (q != '"' && q != '\'') j++; /* an unquoted value's first character may be '/' */
    if (q == '"' || q == '\'') {
      f = html_find(c, q == '"' ? NEEDLE_DQUOTE : NEEDLE_SQUOTE, j + 1);
      if (f == UINT32_MAX) return fail_at(v, n);
      j = f + 1;
      if (j < n && !(s[j] == '/' || s[j] == '>' || mdx_is_space(s[j]) || mdx_is_eol(s[j])))
        return fail_at(v, j);
      continue;
    }
    while (j < n && !(s[j] == '/' || s[j] == '>' || mdx_is_space(s[j]) || mdx_is_eol(s[j]))) {
      char u = s[j]; /* bounded: n */
      if (u == '"' || u == '\'' || u == '<' || u == '=' || u == '`') return fail_at(v, j);
      j++;
    }
  }
}

/* The value of raw HTML: after each line ending micromark drops up to 3 columns of
 * indentation. */
static mdx_str html_value(ictx *c, uint32_t from, uint32_t to) {
  const char *s = c->v.s;
  int crosses = 0;
  for (uint32_t i = from; i < to; i++) /* bounded: the html */
    if (mdx_is_eol(s[i])) crosses = 1;
  if (!crosses) return mdx_view_text(&c->v, from, to, 0);
  char *buf = mdx_arena_alloc(&c->doc->arena, to - from + 1);
  uint32_t len = 0;
  for (uint32_t i = from; i < to;) { /* bounded: i grows */
    char ch = s[i++];
    buf[len++] = ch;
    if (ch == '\r' && i < to && s[i] == '\n') buf[len++] = s[i++];
    if (!mdx_is_eol(ch)) continue;
    uint32_t col = 0;
    while (i < to && mdx_is_space(s[i])) { /* bounded: 3 columns */
      uint32_t w = s[i] == '\t' ? 4 - col % 4 : 1;
      if (col + w > 3) break;
      col += w;
      i++;
    }
  }
  mdx_str out = {buf, len};
  return out;
}

/* ---- links ---- */

static void push_bracket(ictx *c, uint32_t pos, int image, uint32_t *pend) {
  add_text(c, *pend, pos);
  if (c->bcount == c->bcap) {
    uint32_t cap = c->bcap ? c->bcap * 2 : 8;
    c->brackets = mdx_scratch_get(&c->doc->arena, &c->doc->brackets, cap * sizeof *c->brackets);
    c->bcap = cap;
  }
  bracket *b = &c->brackets[c->bcount++];
  uint32_t len = image ? 2 : 1;
  b->node = add_text(c, pos, pos + len);
  b->delim_seq = c->dseq;
  b->seq = c->bseq++;
  b->after = pos + len;
  b->image = image;
  b->events = ++c->bracket_events;
  *pend = pos + len;
}

/* The definition for a raw label in view[from, to), if any. Labels longer than a
 * definition's can be are not looked up (CommonMark's limit; micromark normalises any
 * length, which could make `]` quadratic). */
static mdx_node *lookup(ictx *c, uint32_t from, uint32_t to) {
  if (!mdx_refs_any(c->doc) || to - from > 4 * MDX_MAX_LINK_LABEL) return NULL;
  /* The view holds the label exactly as micromark slices it (chunk whitespace kept). */
  return mdx_refs_lookup(c->doc, c->v.s + from, to - from);
}

typedef struct link_end {
  uint32_t end;      /* view offset after the whole construct */
  int kind;          /* -1 resource, else MDX_REF_* */
  uint32_t ls, le;   /* reference label (raw) */
  uint32_t ds, de;   /* destination */
  uint32_t ts, te;   /* title; ts == te: none */
  const mdx_node *def; /* references: the matched definition */
} link_end;

static int scan_resource(ictx *c, uint32_t pos, link_end *r) {
  const char *s = c->v.s;
  uint32_t n = c->v.n;
  uint32_t j = mdx_scan_whitespace(&c->v, pos + 1);
  r->ds = r->de = r->ts = r->te = j;
  if (j < n && s[j] == ')') {
    r->end = j + 1;
    return 1;
  }
  uint32_t after;
  if (!mdx_scan_destination(&c->v, j, MDX_MAX_DESTINATION_PARENS, &r->ds, &r->de, &after))
    return 0;
  j = after;
  if (j < n && (mdx_is_space(s[j]) || mdx_is_eol(s[j]))) {
    j = mdx_scan_whitespace(&c->v, j);
    if (j < n && (s[j] == '"' || s[j] == '\'' || s[j] == '(')) {
      if (!mdx_scan_title(&c->v, j, &r->ts, &r->te, &after)) return 0;
      j = mdx_scan_whitespace(&c->v, after);
    }
  }
  if (j < n && s[j] == ')') {
    r->end = j + 1;
    return 1;
  }
  return mdx_view_fail(&c->v, j);
}

/* What follows the `]` at pos of a label [b->after, pos): a resource, a full, collapsed
 * or shortcut reference, as micromark's label end tries them. */
static int scan_link_end(ictx *c, const bracket *b, uint32_t pos, link_end *r) {
  const char *s = c->v.s;
  uint32_t n = c->v.n, a = pos + 1;
  r->ls = b->after;
  r->le = pos;
  r->end = a;
  r->def = NULL;
  if (a < n && s[a] == '(') {
    if (scan_resource(c, a, r)) {
      r->kind = -1;
      return 1;
    }
    r->kind = MDX_REF_SHORTCUT;
    r->def = lookup(c, b->after, pos);
    return r->def != NULL;
  }
  /* Looked up only now: a resource needs no definition (labels are normalised to look
   * them up, which is not free). */
  const mdx_node *defined = lookup(c, b->after, pos);
  if (a < n && s[a] == '[') {
    uint32_t ls, le, after;
    int label = mdx_scan_label(&c->v, a, &ls, &le, &after);
    const mdx_node *full = label ? lookup(c, ls, le) : NULL;
    if (full) {
      r->kind = MDX_REF_FULL;
      r->ls = ls;
      r->le = le;
      r->end = after;
      r->def = full;
      return 1;
    }
    if (label) mdx_view_fail(&c->v, after); /* the label was read, then not found */
    if (defined && a + 1 < n && s[a + 1] == ']') {
      r->kind = MDX_REF_COLLAPSED;
      r->end = a + 2;
      r->def = defined;
      return 1;
    }
    return 0;
  }
  r->kind = MDX_REF_SHORTCUT;
  r->def = defined;
  return defined != NULL;
}

/* mdast-util-to-string of a node's children (an image's alt). */
static mdx_str plain_text(ictx *c, mdx_node *node) {
  uint64_t text_len = 0, image_len = 0;
  char *buf = NULL;
  int nested = 1; /* include the alt of images inside (see MDX_MAX_ALT_REPEAT) */
  uint32_t len = 0;
  for (int pass = 0; pass < 2; pass++) {
    mdx_walk w;
    mdx_walk_init(&w, node);
    while (mdx_walk_next(&w)) { /* bounded: visits each node twice */
      mdx_node *k = w.node;
      if (!w.entering || k == node) continue;
      int image = k->type == MDX_NODE_IMAGE || k->type == MDX_NODE_IMAGE_REFERENCE;
      if (!image && k->type != MDX_NODE_TEXT && k->type != MDX_NODE_INLINE_CODE &&
          k->type != MDX_NODE_HTML)
        continue;
      if (!pass) {
        *(image ? &image_len : &text_len) += k->value.len;
      } else if (!image || nested) {
        memcpy(buf + len, k->value.ptr, k->value.len);
        len += k->value.len;
      }
    }
    if (pass) break;
    if (image_len > c->alt_budget) nested = 0;
    else c->alt_budget -= image_len;
    buf = mdx_arena_alloc(&c->doc->arena, (size_t)(text_len + (nested ? image_len : 0)) + 1);
  }
  mdx_str out = {buf, len};
  return out;
}

/* At `]` (pos) after an image opener that formed nothing: micromark-extension-gfm-footnote
 * still makes `![^label]` a `!` and a footnote reference when no other bracket, link or
 * reference came after the opener and the label is defined. Returns the offset after the
 * `]`, or 0. */
static uint32_t image_footnote(ictx *c, const bracket *b, uint32_t pos, uint32_t *pend) {
  const mdx_node *def;
  if (b->events != c->bracket_events || pos == b->after || c->v.s[b->after] != '^' ||
      !(def = mdx_footnote_lookup(c->doc, c->v.s + b->after, pos - b->after, 1)))
    return 0;
  while (b->node->next) drop_node(c, b->node->next); /* bounded: the label's nodes */
  while (c->dlast && c->dlast->seq >= b->delim_seq) delim_remove(c, c->dlast); /* bounded */
  add_text(c, *pend, pos); /* then dropped: keeps spare-node accounting simple */
  if (b->node->next) drop_node(c, b->node->next);
  mdx_node *bang = b->node;
  bang->end = bang->start + 1;
  bang->value.len = 1;
  mdx_node *ref = new_node(c, MDX_NODE_FOOTNOTE_REFERENCE, b->after - 1, pos + 1);
  ref->raw_label = mdx_view_text(&c->v, b->after + 1, pos, 0);
  ref->label = mdx_decode_string(c->doc, ref->raw_label.ptr, ref->raw_label.len);
  ref->url = def->url;
  mdx_node_append(c->leaf, ref);
  c->bracket_events++;
  *pend = pos + 1;
  return pos + 1;
}

/* At `]` (pos): forms a link or image with the innermost open bracket if it can.
 * Returns the offset to continue at, or 0 when the `]` is text. */
static uint32_t close_bracket(ictx *c, uint32_t pos, uint32_t *pend) {
  if (!c->bcount) return 0;
  bracket *b = &c->brackets[c->bcount - 1];
  if (!b->image && b->seq < c->inactive_below) {
    c->bcount--; /* a link cannot contain a link */
    return 0;
  }
  link_end r;
  if (!scan_link_end(c, b, pos, &r)) {
    c->bcount--;
    return b->image && c->gfm ? image_footnote(c, b, pos, pend) : 0;
  }
  c->bracket_events++;
  mdx_node_type type = r.kind < 0 ? (b->image ? MDX_NODE_IMAGE : MDX_NODE_LINK)
                                  : (b->image ? MDX_NODE_IMAGE_REFERENCE : MDX_NODE_LINK_REFERENCE);
  add_text(c, *pend, pos);
  process_emphasis(c, b->delim_seq, 1);
  mdx_node *link = make_node(c, type, b->node->start, mdx_view_src_end(&c->v, r.end));
  *pend = pos;
  insert_after(b->node, link);
  if (!adopt(link, link, NULL)) {
    drop_node(c, link);
    c->bcount--;
    return 0;
  }
  drop_node(c, b->node);
  if (r.kind < 0) {
    mdx_str url = mdx_view_text(&c->v, r.ds, r.de, 0);
    link->url = mdx_decode_string(c->doc, url.ptr, url.len);
    if (r.te > r.ts) {
      mdx_str title = mdx_view_text(&c->v, r.ts, r.te, 1);
      link->title = mdx_decode_string(c->doc, title.ptr, title.len);
    }
  } else {
    link->num = r.kind;
    link->raw_label = mdx_view_text(&c->v, r.ls, r.le, 0);
    link->label = mdx_decode_string(c->doc, link->raw_label.ptr, link->raw_label.len);
    /* Resolved now, so renderers need no definition lookup of their own. */
    link->url = r.def->url;
    link->title = r.def->title;
  }
  if (b->image) {
    link->value = plain_text(c, link);
    link->first_child = link->last_child = NULL;
    link->line_cap = 0;
  } else if (c->inactive_below < b->seq) {
    c->inactive_below = b->seq;
  }
  c->bcount--;
  *pend = r.end;
  return r.end;
}

/* A GFM autolink literal found at pos ('@', ':', '.', '_'; gfm_autolink.c): appends it
 * and returns the offset after it, or returns 0. micromark forms none after a link label
 * start that is still open (previousUnbalanced): one is open while brackets are. */
static uint32_t autolink_literal(ictx *c, uint32_t pos, uint32_t *pend) {
  uint32_t start, end;
  int kind = c->bcount ? MDX_AUTOLINK_NONE
                       : mdx_autolink_at(&c->autolink, c->v.s, c->v.n, *pend, pos, &start, &end);
  if (kind == MDX_AUTOLINK_NONE) return 0;
  add_text(c, *pend, start);
  mdx_node *link = new_node(c, MDX_NODE_LINK, start, end);
  mdx_node *t = new_node(c, MDX_NODE_TEXT, start, end);
  t->value = mdx_view_text(&c->v, start, end, 0);
  link->url = t->value;
  if (kind != MDX_AUTOLINK_HTTP) {
    const char *prefix = kind == MDX_AUTOLINK_WWW ? "http://" : "mailto:";
    size_t plen = strlen(prefix);
    char *url = mdx_arena_alloc(&c->doc->arena, plen + t->value.len + 1);
    memcpy(url, prefix, plen);
    memcpy(url + plen, t->value.ptr, t->value.len);
    link->url.ptr = url;
    link->url.len = (uint32_t)plen + t->value.len;
  }
  mdx_node_append(link, t);
  link->line_cap = 1;
  mdx_node_append(c->leaf, link);
  *pend = end;
  return end;
}

/* A GFM footnote reference `[^label]` at pos (gfm_footnote.c), tried before a link
 * label start as micromark does: appends it and returns the offset after it, or 0. */
static uint32_t footnote_call(ictx *c, uint32_t pos, uint32_t *pend) {
  const mdx_node *def;
  uint32_t end = mdx_footnote_call(c->doc, c->v.s, c->v.n, pos, &def);
  if (!end) return 0;
  add_text(c, *pend, pos);
  mdx_node *ref = new_node(c, MDX_NODE_FOOTNOTE_REFERENCE, pos, end);
  ref->raw_label = mdx_view_text(&c->v, pos + 2, end - 1, 0);
  ref->label = mdx_decode_string(c->doc, ref->raw_label.ptr, ref->raw_label.len);
  ref->url = def->url;
  mdx_node_append(c->leaf, ref);
  c->bracket_events++;
  *pend = end;
  return end;
}

/* ---- text merging ---- */

/* Joins each run of adjacent text siblings under `leaf` into one node, as from-markdown
 * appends data to the previous text node. */
static void merge_texts(ictx *c) {
  /* Pre-order over the leaf's inlines by parent pointers (as mdx_walk, inline here: this
   * runs for every leaf). */
  mdx_node *t = c->leaf->first_child;
  while (t) { /* bounded: visits each node once, climbing back at most once per node */
    if (t->type != MDX_NODE_TEXT || !t->next || t->next->type != MDX_NODE_TEXT) {
      if (t->first_child) {
        t = t->first_child;
        continue;
      }
      while (!t->next) { /* bounded: the depth */
        t = t->parent;
        if (t == c->leaf) return;
      }
      t = t->next;
      continue;
    }
    const char *src = c->doc->src;
    uint32_t total = 0;
    int verbatim = 1;
    mdx_node *last = t;
    for (mdx_node *k = t;; k = k->next) { /* bounded: the run */
      total += k->value.len;
      if (k->value.ptr != src + k->start || k->value.len != k->end - k->start ||
          (k != t && k->prev->end != k->start))
        verbatim = 0;
      last = k;
      if (!k->next || k->next->type != MDX_NODE_TEXT) break;
    }
    if (verbatim) {
      t->value.len = last->end - t->start;
    } else {
      char *buf = mdx_arena_alloc(&c->doc->arena, (size_t)total + 1);
      uint32_t len = 0;
      for (mdx_node *k = t;; k = k->next) { /* bounded: the run */
        memcpy(buf + len, k->value.ptr, k->value.len);
        len += k->value.len;
        if (k == last) break;
      }
      t->value.ptr = buf;
      t->value.len = len;
    }
    t->end = last->end;
    mdx_node *stop = last->next;
    while (t->next != stop) drop_node(c, t->next); /* bounded: the run */
  }
}

/* ---- the scan ---- */

/* Source offset where the text line ending of line `li` ends: its end, or, when a failed
 * lookahead already read into the next line, that line's chunk start (micromark then
 * re-reads the ending with the next line's container prefix already skipped). */
static uint32_t eol_end(ictx *c, uint32_t li) {
  const mdx_vline *l = &c->v.lines[li];
  if (li + 1 < c->v.count && c->v.furthest >= l->eol)
    return mdx_view_src_start(&c->v, c->v.lines[li + 1].cstart);
  return mdx_view_src_end(&c->v, l->eol);
}

static const unsigned char special_plain[256] = {
    ['\n'] = 1, ['\r'] = 1, ['\\'] = 1, ['&'] = 1, ['`'] = 1, ['<'] = 1,
    ['*'] = 1,  ['_'] = 1,  ['['] = 1,  [']'] = 1, ['!'] = 1,
};
/* With MDX_OPT_MATH, `$` stops the plain-text run too. */
static const unsigned char special_math[256] = {
    ['\n'] = 1, ['\r'] = 1, ['\\'] = 1, ['&'] = 1, ['`'] = 1, ['<'] = 1,
    ['*'] = 1,  ['_'] = 1,  ['['] = 1,  [']'] = 1, ['!'] = 1, ['$'] = 1,
};

void mdx_inlines_parse(mdx_doc *doc, mdx_node *leaf) {
  if (!leaf->line_count) return;
  ictx ctx, *c = &ctx;
  memset(c, 0, sizeof *c);
  c->doc = doc;
  c->leaf = leaf;
  mdx_view_init(&c->v, doc, leaf->lines, leaf->line_count, !!(leaf->flags & MDX_FLAG_LEAD));
  for (int k = 0; k < NEEDLES; k++) c->absent_from[k] = UINT32_MAX;
  c->ticks.ch = '`';
  c->dollars.ch = '$';
  const unsigned char *special = doc->options & MDX_OPT_MATH ? special_math : special_plain;
  unsigned char special_gfm[256];
  if (doc->options & MDX_OPT_GFM) { /* `~` stops plain-text runs too */
    memcpy(special_gfm, special, sizeof special_gfm);
    special_gfm['~'] = 1;
    special_gfm['@'] = special_gfm[':'] = special_gfm['.'] = 1; /* autolink literals */
    special = special_gfm;
    c->gfm = 1;
  }
  unsigned char special_mdx[256];
  if (doc->options & MDX_OPT_MDX) { /* `{` stops plain-text runs too */
    memcpy(special_mdx, special, sizeof special_mdx);
    special_mdx['{'] = 1;
    special = special_mdx;
    c->mdx = 1;
  }
  c->alt_budget = (uint64_t)c->v.n * MDX_MAX_ALT_REPEAT;
  const char *s = c->v.s;
  uint32_t n = c->v.n, pos = 0, pend = 0;
  const unsigned char *u = (const unsigned char *)s;
  int task = 0, checked = 0;
  if (c->gfm && mdx_task_paragraph(doc, leaf)) { /* GFM task list item check */
    pos = pend = mdx_task_check(&c->v, &checked);
    task = pos != 0;
  }
  while (pos < n) { /* bounded: pos grows every turn */
    /* Plain text runs: four table lookups per round, then byte by byte. */
    while (n - pos >= 4 && !(special[u[pos]] | special[u[pos + 1]] | special[u[pos + 2]] |
                             special[u[pos + 3]]))
      pos += 4; /* bounded: n */
    while (pos < n && !special[u[pos]]) pos++; /* bounded: n */
    if (pos >= n) break;
    unsigned char ch = u[pos];
    if (ch == '\n' || ch == '\r') {
      /* Trailing spaces and tabs are not text; two or more spaces make a hard break. */
      uint32_t li = mdx_view_line(&c->v, pos);
      const mdx_vline *l = &c->v.lines[li];
      uint32_t ws = pos, tabs = 0;
      while (ws > pend && mdx_is_space(s[ws - 1])) tabs |= s[--ws] == '\t'; /* bounded */
      add_text(c, pend, ws);
      mdx_node *t = new_node(c, pos - ws >= 2 && !tabs ? MDX_NODE_BREAK : MDX_NODE_TEXT,
                             pos - ws >= 2 && !tabs ? ws : pos, l->eol);
      t->end = eol_end(c, li);
      if (t->type == MDX_NODE_TEXT) {
        t->value.ptr = doc->src + t->start;
        t->value.len = l->eol - pos;
      }
      mdx_node_append(leaf, t);
      pos = pend = li + 1 < c->v.count ? c->v.lines[li + 1].start : l->eol;
      continue;
    }
    uint32_t next = 0;
    switch (ch) {
    case '\\':
      if (pos + 1 < n && mdx_is_eol(s[pos + 1])) {
        uint32_t li = mdx_view_line(&c->v, pos);
        const mdx_vline *l = &c->v.lines[li];
        add_text(c, pend, pos);
        mdx_node *br = new_node(c, MDX_NODE_BREAK, pos, l->eol);
        br->end = eol_end(c, li);
        mdx_node_append(leaf, br);
        next = li + 1 < c->v.count ? c->v.lines[li + 1].start : l->eol;
      } else if (pos + 1 < n && mdx_is_ascii_punct((unsigned char)s[pos + 1])) {
        add_text(c, pend, pos);
        mdx_node *t = new_node(c, MDX_NODE_TEXT, pos, pos + 2);
        t->value.ptr = doc->src + t->start + 1;
        t->value.len = 1;
        mdx_node_append(leaf, t);
        next = pos + 2;
      }
      break;
    case '&': {
      char buf[8];
      mdx_str value;
      uint32_t used = mdx_char_ref(s, n, pos, buf, &value);
      if (used) {
        add_text(c, pend, pos);
        mdx_node *t = new_node(c, MDX_NODE_TEXT, pos, pos + used);
        t->value = value;
        if (value.ptr == buf) t->value.ptr = mdx_arena_strdup(&doc->arena, buf, value.len);
        mdx_node_append(leaf, t);
        next = pos + used;
      }
      break;
    }
    case '`':
    case '$': { /* '$' only comes here with MDX_OPT_MATH (see special_math) */
      add_text(c, pend, pos); /* harmless if no span forms: texts merge later */
      pend = pos;
      next = scan_code(c, pos);
      if (!next) { /* the whole run is text */
        while (pos < n && s[pos] == (char)ch) pos++; /* bounded: n */
        continue;
      }
      break;
    }
    case '{': { /* only comes here with MDX_OPT_MDX */
      mdx_node *e;
      next = mdx_text_expression(doc, &c->v, pos, &e);
      add_text(c, pend, pos);
      mdx_node_append(leaf, e);
      break;
    }
    case '<': {
      if (c->mdx) { /* no autolinks or HTML in MDX: JSX */
        mdx_node *el;
        next = mdx_text_tag(doc, &c->v, pos, &el);
        if (next) {
          add_text(c, pend, pos);
          mdx_node_append(leaf, el);
        }
        break;
      }
      int email;
      uint32_t end = scan_autolink(c, pos, &email);
      if (end) {
        add_text(c, pend, pos);
        mdx_node *link = new_node(c, MDX_NODE_LINK, pos, end);
        mdx_node *t = new_node(c, MDX_NODE_TEXT, pos + 1, end - 1);
        t->value.ptr = doc->src + t->start;
        t->value.len = end - 1 - (pos + 1);
        if (email) {
          char *url = mdx_arena_alloc(&doc->arena, (size_t)t->value.len + 8);
          memcpy(url, "mailto:", 7);
          memcpy(url + 7, t->value.ptr, t->value.len);
          link->url.ptr = url;
          link->url.len = t->value.len + 7;
        } else {
          link->url = t->value;
        }
        mdx_node_append(link, t);
        link->line_cap = 1;
        mdx_node_append(leaf, link);
        next = end;
        break;
      }
      end = scan_html(c, pos);
      if (end) {
        add_text(c, pend, pos);
        mdx_node *h = new_node(c, MDX_NODE_HTML, pos, end);
        h->value = html_value(c, pos, end);
        mdx_node_append(leaf, h);
        next = end;
      }
      break;
    }
    case '@': case ':': case '.': /* only come here with MDX_OPT_GFM */
      next = autolink_literal(c, pos, &pend);
      break;
    case '~': /* only comes here with MDX_OPT_GFM */
    case '*':
    case '_': {
      /* `_` may be inside an address, which micromark tries before emphasis. */
      if (ch == '_' && c->gfm && (next = autolink_literal(c, pos, &pend))) break;
      uint32_t end = pos;
      while (end < n && s[end] == (char)ch) end++; /* bounded: n */
      scan_delims(c, pos, &pend);
      pos = end;
      continue;
    }
    case '!':
      if (pos + 1 < n && s[pos + 1] == '[' && c->bcount < MDX_MAX_BRACKET_DEPTH) {
        push_bracket(c, pos, 1, &pend);
        pos += 2;
        continue;
      }
      break;
    case '[':
      if (c->gfm && (next = footnote_call(c, pos, &pend))) break;
      if (c->bcount < MDX_MAX_BRACKET_DEPTH) {
        push_bracket(c, pos, 0, &pend);
        pos++;
        continue;
      }
      break;
    case ']':
      next = close_bracket(c, pos, &pend);
      if (next) {
        pos = next;
        continue;
      }
      break;
    }
    if (next) {
      pos = pend = next;
    } else {
      pos++;
    }
  }
  /* Trailing whitespace at the very end is never text (nor a break). */
  uint32_t ws = n;
  while (ws > pend && mdx_is_space(s[ws - 1])) ws--; /* bounded: pend */
  add_text(c, pend, ws);
  process_emphasis(c, 0, c->first_used == '~');
  merge_texts(c);
  if (task) mdx_task_finish(doc, leaf, checked);
  if (c->gfm) mdx_autolink_transform(doc, leaf);
}
