/* GFM autolink literals. Two halves:
 *
 * 1. What micromark-extension-gfm-autolink-literal tokenizes (mdx_autolink_at). micromark
 *    tries the constructs at every character; we look only where one can first be told
 *    apart ('@' of an address, '.' of `www.`, ':' of `http:`, and '_' because emphasis
 *    would otherwise take it out of an address) and work out the start from there: an
 *    address starts where its run of address characters starts, `www` three bytes before
 *    the dot, `http(s)` four or five before the colon.
 * 2. mdast-util-gfm-autolink-literal's find-and-replace over text nodes (four regular
 *    expressions, run one after the other), written out by hand (mdx_autolink_transform).
 *
 * Linear: the "trail" check (trailing punctuation) is memoised over the stretch it read,
 * failed addresses are remembered by their start, runs of address characters are found
 * once; the transform scans each text piece a bounded number of times per expression and
 * memoises the domain check that repeated `www.` inside one domain would redo. */
#include <string.h>

#include "chars.h"
#include "gfm_autolink.h"
#include "scan.h"

#define NONE UINT32_MAX

static int is_word(unsigned char c) { return mdx_ascii_alnum(c) || c == '_'; } /* \w */
/* micromark's gfmAtext: what an address's local part is made of. */
static int is_atext(unsigned char c) {
  return mdx_ascii_alnum(c) || c == '+' || c == '-' || c == '.' || c == '_';
}

/* micromark's class of the character at s[i] (end of input: whitespace). */
static int class_at(const char *s, uint32_t n, uint32_t i, uint32_t *len) {
  if (i >= n) {
    *len = 0;
    return MDX_CLASS_SPACE;
  }
  uint32_t cp;
  *len = mdx_utf8_next(s, n, i, &cp);
  return mdx_char_class(cp);
}

/* ---- micromark ---- */

/* Characters that may end a URL without belonging to it (micromark's `trail`). */
static int trail_simple(unsigned char c) {
  return c == '!' || c == '"' || c == '\'' || c == ')' || c == '*' || c == ',' || c == '.' ||
         c == ':' || c == ';' || c == '?' || c == '_' || c == '~';
}

/* Whether s[i...] is trailing punctuation (then the URL ends before i). Every position
 * the automaton passes in its main state gives the same answer, so one answer covers the
 * whole stretch it read. */
static int trail(mdx_autolink_memo *m, const char *s, uint32_t n, uint32_t i) {
  if (m->trail_set && i >= m->trail_lo && i <= m->trail_hi) return m->trail_ok;
  uint32_t k = i, last = i, len;
  int ok;
  for (;;) { /* bounded: k grows */
    last = k;
    if (k >= n) {
      ok = 1;
      break;
    }
    unsigned char c = (unsigned char)s[k];
    if (trail_simple(c)) {
      k++;
      continue;
    }
    if (c == '&') {
      k++;
      if (k < n && mdx_ascii_alpha((unsigned char)s[k])) {
        while (k < n && mdx_ascii_alpha((unsigned char)s[k])) k++; /* bounded: n */
        if (k < n && s[k] == ';') {
          k++;
          continue;
        }
      }
      ok = 0;
      break;
    }
    if (c == ']') {
      k++;
      if (k >= n || s[k] == '(' || s[k] == '[' || class_at(s, n, k, &len) == MDX_CLASS_SPACE) {
        ok = 1;
        break;
      }
      continue;
    }
    ok = c == '<' || class_at(s, n, k, &len) == MDX_CLASS_SPACE;
    break;
  }
  m->trail_set = 1;
  m->trail_lo = i;
  m->trail_hi = last;
  m->trail_ok = (unsigned char)ok;
  return ok;
}

/* micromark's domain: returns its end, or NONE. A scan from a later start in the same
 * run reads the same bytes to the same end; only its first two segments can change the
 * answer (underscores count in the last two), so a start at or before the last scan's
 * second-last dot gets the last answer (`www.a_www.a_...` would be quadratic). */
static uint32_t scan_domain(mdx_autolink_memo *m, const char *s, uint32_t n, uint32_t j) {
  if (m->dom_end && j >= m->dom_start && j <= m->dom_safe) return m->dom_result;
  uint32_t from = j, dot1 = NONE, dot2 = NONE;
  int seen = 0, under_last = 0, under_before = 0;
  for (;;) { /* bounded: j grows */
    if (j >= n) break;
    unsigned char c = (unsigned char)s[j];
    if (c == '.' || c == '_') {
      if (trail(m, s, n, j)) break;
      if (c == '_') {
        under_last = 1;
      } else {
        under_before = under_last;
        under_last = 0;
        dot2 = dot1;
        dot1 = j;
      }
      j++;
      continue;
    }
    uint32_t len;
    int cls = class_at(s, n, j, &len);
    if (cls == MDX_CLASS_SPACE || (c != '-' && cls == MDX_CLASS_PUNCT)) break;
    seen = 1;
    j += len;
  }
  uint32_t result = under_last || under_before || !seen ? NONE : j;
  if (seen && dot2 != NONE && s[from] != '.' && s[from] != '_') { /* see above */
    m->dom_start = from;
    m->dom_end = j ? j : 1;
    m->dom_safe = dot2;
    m->dom_result = result;
  }
  return result;
}

static int path_punct(unsigned char c) {
  return trail_simple(c) || c == '&' || c == '<' || c == ']';
}

/* micromark's path: returns its end. */
static uint32_t scan_path(mdx_autolink_memo *m, const char *s, uint32_t n, uint32_t j) {
  uint32_t open = 0, close = 0;
  for (;;) { /* bounded: j grows */
    if (j >= n) return j;
    unsigned char c = (unsigned char)s[j];
    if (c == '(') {
      open++;
      j++;
      continue;
    }
    if (c == ')' && close < open) {
      close++;
      j++;
      continue;
    }
    if (path_punct(c)) {
      if (trail(m, s, n, j)) return j;
      if (c == ')') close++;
      j++;
      continue;
    }
    uint32_t len;
    if (class_at(s, n, j, &len) == MDX_CLASS_SPACE) return j;
    j += len;
  }
}

/* An address starting at r: returns its end, or 0. */
static uint32_t scan_email(const char *s, uint32_t n, uint32_t r) {
  uint32_t j = r;
  while (j < n && is_atext((unsigned char)s[j])) j++; /* bounded: n */
  if (j == r || j >= n || s[j] != '@') return 0;
  j++;
  int dot = 0, data = 0;
  while (j < n) { /* bounded: j grows */
    unsigned char c = (unsigned char)s[j];
    if (c == '.') {
      if (j + 1 < n && mdx_ascii_alnum((unsigned char)s[j + 1])) {
        dot = 1;
        j++;
        continue;
      }
      break;
    }
    if (c == '-' || c == '_' || mdx_ascii_alnum(c)) {
      data = 1;
      j++;
      continue;
    }
    break;
  }
  return data && dot && mdx_ascii_alpha((unsigned char)s[j - 1]) ? j : 0;
}

/* Start of the run of address characters that ends just before `pos` (or holds it). */
static uint32_t run_start(mdx_autolink_memo *m, const char *s, uint32_t lo, uint32_t pos) {
  uint32_t j = pos;
  while (j > lo && is_atext((unsigned char)s[j - 1])) { /* bounded: amortised by the memo */
    if (m->run_set && j == m->run_hi && m->run_lo >= lo && m->run_lo < j) {
      j = m->run_lo;
      break;
    }
    j--;
  }
  m->run_set = 1;
  m->run_lo = j;
  m->run_hi = pos;
  return j;
}

static int www_previous(const char *s, uint32_t at) {
  if (!at) return 1;
  unsigned char c = (unsigned char)s[at - 1];
  return c == '(' || c == '*' || c == '_' || c == '[' || c == ']' || c == '~' || c == ' ' ||
         c == '\t' || c == '\n' || c == '\r';
}

static int ci_eq(const char *s, const char *word, uint32_t len) {
  for (uint32_t i = 0; i < len; i++) /* bounded: len */
    if ((s[i] | 0x20) != word[i]) return 0;
  return 1;
}

int mdx_autolink_at(mdx_autolink_memo *m, const char *s, uint32_t n, uint32_t lo, uint32_t pos,
                    uint32_t *start, uint32_t *end) {
  unsigned char c = (unsigned char)s[pos];
  /* An address is tried first wherever its local part may start. */
  uint32_t r = run_start(m, s, lo, pos);
  if ((r < pos || is_atext(c)) && m->email_fail != r + 1 &&
      (r == 0 || (!is_atext((unsigned char)s[r - 1]) && s[r - 1] != '/'))) {
    uint32_t e = scan_email(s, n, r);
    if (e) {
      *start = r;
      *end = e;
      return MDX_AUTOLINK_EMAIL;
    }
    m->email_fail = r + 1;
  }
  if (c == '.' && pos >= lo + 3 && ci_eq(s + pos - 3, "www", 3)) {
    uint32_t w = pos - 3;
    if (!www_previous(s, w) || pos + 1 >= n) return MDX_AUTOLINK_NONE;
    uint32_t d = scan_domain(m, s, n, w);
    if (d == NONE) return MDX_AUTOLINK_NONE;
    *start = w;
    *end = scan_path(m, s, n, d);
    return MDX_AUTOLINK_WWW;
  }
  if (c == ':') {
    uint32_t h;
    if (pos >= lo + 5 && ci_eq(s + pos - 5, "https", 5))
      h = pos - 5;
    else if (pos >= lo + 4 && ci_eq(s + pos - 4, "http", 4))
      h = pos - 4;
    else
      return MDX_AUTOLINK_NONE;
    if (h > 0 && mdx_ascii_alpha((unsigned char)s[h - 1])) return MDX_AUTOLINK_NONE;
    if (pos + 3 >= n || s[pos + 1] != '/' || s[pos + 2] != '/') return MDX_AUTOLINK_NONE;
    unsigned char a = (unsigned char)s[pos + 3];
    uint32_t len;
    if (a < 0x20 || a == 0x7f || class_at(s, n, pos + 3, &len) != MDX_CLASS_OTHER)
      return MDX_AUTOLINK_NONE;
    uint32_t d = scan_domain(m, s, n, pos + 3);
    if (d == NONE) return MDX_AUTOLINK_NONE;
    *start = h;
    *end = scan_path(m, s, n, d);
    return MDX_AUTOLINK_HTTP;
  }
  return MDX_AUTOLINK_NONE;
}

/* ---- the mdast transform ---- */

/* Pieces of one text node being replaced: consecutive slices of its value. */
typedef struct piece_list {
  mdx_doc *doc;
  mdx_node *text;  /* the node replaced */
  mdx_node *after; /* insert the pieces before this (NULL: at the end of the parent) */
  mdx_node *last_text; /* the last piece if it is text (slices merge into it) */
  uint32_t pieces;
} piece_list;

static void put(piece_list *p, mdx_node *k) {
  k->flags |= MDX_FLAG_NOPOS;
  k->start = k->end = p->text->start;
  if (p->after)
    mdx_node_insert_before(p->after, k);
  else
    mdx_node_append(p->text->parent, k);
  p->pieces++;
}

static void put_text(piece_list *p, const char *from, uint32_t len) {
  if (!len) return;
  if (p->last_text && p->last_text->value.ptr + p->last_text->value.len == from) {
    p->last_text->value.len += len;
    return;
  }
  mdx_node *t = mdx_node_new(&p->doc->arena, MDX_NODE_TEXT, 0, 0);
  t->value.ptr = from;
  t->value.len = len;
  put(p, t);
  p->last_text = t;
}

/* A link whose url is `prefix` + the text. */
static void put_link(piece_list *p, const char *prefix, const char *from, uint32_t len) {
  mdx_node *link = mdx_node_new(&p->doc->arena, MDX_NODE_LINK, 0, 0);
  size_t plen = strlen(prefix);
  if (plen) {
    char *url = mdx_arena_alloc(&p->doc->arena, plen + len + 1);
    memcpy(url, prefix, plen);
    memcpy(url + plen, from, len);
    link->url.ptr = url;
  } else {
    link->url.ptr = from;
  }
  link->url.len = (uint32_t)plen + len;
  put(p, link);
  mdx_node *t = mdx_node_new(&p->doc->arena, MDX_NODE_TEXT, 0, 0);
  t->value.ptr = from;
  t->value.len = len;
  t->flags |= MDX_FLAG_NOPOS;
  t->start = t->end = link->start;
  mdx_node_append(link, t);
  link->line_cap = 1;
  p->last_text = NULL;
}

/* `[\w-]+(?:\.[\w-]+)+` at v[j]: returns its end (greedy), or NONE. */
static uint32_t scan_label(const char *v, uint32_t len, uint32_t j) {
  uint32_t k = j;
  while (k < len && (is_word((unsigned char)v[k]) || v[k] == '-')) k++; /* bounded */
  if (k == j) return NONE;
  int dots = 0;
  while (k + 1 < len && v[k] == '.' && (is_word((unsigned char)v[k + 1]) || v[k + 1] == '-')) {
    k++; /* bounded: k grows */
    while (k < len && (is_word((unsigned char)v[k]) || v[k] == '-')) k++; /* bounded */
    dots++;
  }
  return dots ? k : NONE;
}

/* /[\d\-_]$/ on a label ending at v[end - 1]. */
static int bad_label_end(const char *v, uint32_t end) {
  unsigned char c = (unsigned char)v[end - 1];
  return mdx_ascii_digit(c) || c == '-' || c == '_';
}

static int local_char(unsigned char c) { return is_word(c) || c == '+' || c == '-' || c == '.'; }

/* A domain's last two parts (split on '.') are fine: no '_', some [0-9A-Za-z] (empty
 * parts pass), for the domain v[ds, de). Memoised by `de` (see the header). */
typedef struct domain_memo {
  uint32_t de, d1, d2; /* last and second-last dot before de (d2 may be NONE) */
  int last_ok, mid_ok; /* the part after d1; the part between d2 and d1 */
  int set;
} domain_memo;

static int part_ok(const char *v, uint32_t from, uint32_t to) {
  if (from >= to) return 1;
  int alnum = 0;
  for (uint32_t i = from; i < to; i++) { /* bounded: the part */
    if (v[i] == '_') return 0;
    if (mdx_ascii_alnum((unsigned char)v[i])) alnum = 1;
  }
  return alnum;
}

static int domain_ok(domain_memo *dm, const char *v, uint32_t ds, uint32_t de) {
  if (!(dm->set && dm->de == de && dm->d2 != NONE && dm->d2 >= ds)) {
    uint32_t d1 = NONE, d2 = NONE;
    for (uint32_t i = de; i > ds; i--) { /* bounded: the last two parts */
      if (v[i - 1] != '.') continue;
      if (d1 == NONE) {
        d1 = i - 1;
      } else {
        d2 = i - 1;
        break;
      }
    }
    if (d1 == NONE) return 0; /* one part */
    dm->set = 1;
    dm->de = de;
    dm->d1 = d1;
    dm->d2 = d2;
    dm->last_ok = part_ok(v, d1 + 1, de);
    dm->mid_ok = part_ok(v, d2 == NONE ? ds : d2 + 1, d1);
    if (d2 == NONE) dm->set = 0; /* depends on ds */
  }
  return dm->last_ok && dm->mid_ok;
}

static int split_char(unsigned char c) {
  return c == '!' || c == '"' || c == '&' || c == '\'' || c == ')' || c == ',' || c == '.' ||
         c == ':' || c == ';' || c == '<' || c == '>' || c == '?' || c == ']' || c == '}';
}

/* findUrl's splitUrl over v[from, to): returns where the URL ends. */
static uint32_t split_url(const char *v, uint32_t from, uint32_t to) {
  uint32_t t = to;
  while (t > from && split_char((unsigned char)v[t - 1])) t--; /* bounded: the match */
  if (t == to) return to;
  uint32_t open = 0, close = 0;
  for (uint32_t i = from; i < t; i++) { /* bounded: the match (once per link made) */
    if (v[i] == '(') open++;
    if (v[i] == ')') close++;
  }
  for (uint32_t i = t; i < to && open > close; i++) /* bounded: the trail */
    if (v[i] == ')') {
      t = i + 1;
      close++;
    }
  return t;
}

/* The character before v[i] is whitespace or punctuation (findUrl's `previous`). */
static int url_previous(const char *v, uint32_t i) {
  if (!i) return 1;
  uint32_t cp;
  mdx_utf8_prev(v, i, &cp);
  return mdx_char_class(cp) != MDX_CLASS_OTHER;
}

enum { PASS_URL, PASS_XMPP, PASS_MAILTO, PASS_EMAIL };

/* One expression over one text node. Returns the number of nodes now standing where it
 * stood (1 when nothing matched: the node stays as it was). */
static uint32_t apply(mdx_doc *doc, mdx_node *text, int pass) {
  const char *v = text->value.ptr;
  uint32_t len = text->value.len, from = 0, i = 0;
  /* Every URL match holds a dot, every address an at sign: most text has no match. */
  if (!memchr(v, pass == PASS_URL ? '.' : '@', len)) return 1;
  piece_list p = {doc, text, text->next, NULL, 0};
  domain_memo dm;
  memset(&dm, 0, sizeof dm);
  uint32_t run_lo = NONE, run_de = 0, run_pe = 0; /* see PASS_URL */
  while (i < len) { /* bounded: i grows; each candidate's scans are amortised (header) */
    unsigned char c = (unsigned char)v[i];
    uint32_t mstart = i, mend = 0, link_end = 0;
    const char *prefix = "";
    if (pass == PASS_URL) {
      if ((c | 0x20) != 'h' && (c | 0x20) != 'w') {
        i++;
        continue;
      }
      if (i && mdx_ascii_alnum((unsigned char)v[i - 1])) {
        i++;
        continue;
      }
      uint32_t g2;
      int www = 0;
      if (i + 7 <= len && ci_eq(v + i, "http://", 7))
        g2 = i + 7;
      else if (i + 8 <= len && ci_eq(v + i, "https://", 8))
        g2 = i + 8;
      else if (i + 4 <= len && ci_eq(v + i, "www", 3) && v[i + 3] == '.')
        g2 = i + 3, www = 1;
      else {
        i++;
        continue;
      }
      uint32_t k = g2;
      while (k < len && (is_word((unsigned char)v[k]) || v[k] == '-')) k++; /* bounded */
      if (k >= len || v[k] != '.') {
        i++;
        continue;
      }
      k++;
      /* The domain and path runs end where the last candidate's did when this one starts
       * inside them (`www.` repeated): each byte is scanned once. */
      uint32_t de;
      if (run_lo != NONE && k >= run_lo && k <= run_de) {
        de = run_de;
        k = run_pe;
      } else {
        uint32_t from_k = k;
        while (k < len && (is_word((unsigned char)v[k]) || v[k] == '-' || v[k] == '.')) k++;
        de = k; /* bounded above: len */
        while (k < len && v[k] != '\t' && v[k] != '\n' && v[k] != '\r' && v[k] != ' ') k++;
        run_lo = from_k;
        run_de = de;
        run_pe = k;
      }
      uint32_t ds = www ? i : g2;
      unsigned char d0 = (unsigned char)v[ds];
      if (!url_previous(v, i) || d0 == '-' || d0 == '.' || d0 == '_' ||
          !domain_ok(&dm, v, ds, de)) {
        i++;
        continue;
      }
      mend = k;
      link_end = split_url(v, ds, k);
      prefix = www ? "http://" : "";
    } else if (pass == PASS_XMPP || pass == PASS_MAILTO) {
      const char *word = pass == PASS_XMPP ? "xmpp:" : "mailto:";
      uint32_t wl = pass == PASS_XMPP ? 5 : 7;
      if (c != (unsigned char)word[0] || i + wl > len || memcmp(v + i, word, wl) ||
          (i && (local_char((unsigned char)v[i - 1]) || v[i - 1] == '@'))) {
        i++;
        continue;
      }
      uint32_t k = i + wl;
      while (k < len && local_char((unsigned char)v[k])) k++; /* bounded */
      uint32_t le = k < len && k > i + wl && v[k] == '@' ? scan_label(v, len, k + 1) : NONE;
      if (le == NONE || bad_label_end(v, le)) {
        i++;
        continue;
      }
      mend = le;
      if (pass == PASS_XMPP && le < len && v[le] == '/') {
        uint32_t r = le + 1;
        for (;;) { /* bounded: r grows */
          if (r < len && (is_word((unsigned char)v[r]) || v[r] == '-' || v[r] == '/')) r++;
          else if (r + 1 < len && v[r] == '.' && mdx_ascii_alnum((unsigned char)v[r + 1])) r++;
          else break;
        }
        if (!mdx_ascii_alpha((unsigned char)v[r - 1]) || (r < len && v[r] == '@')) {
          i++;
          continue;
        }
        mend = r;
      }
      link_end = mend;
    } else {
      if (!local_char(c) || (i && local_char((unsigned char)v[i - 1]))) {
        i++;
        continue;
      }
      /* (?<!(?:^|[^\d@A-Za-z])(?:mailto|xmpp):) */
      int after_scheme = 0;
      if (i >= 7 && !memcmp(v + i - 7, "mailto:", 7) &&
          (i == 7 || !(mdx_ascii_alnum((unsigned char)v[i - 8]) || v[i - 8] == '@')))
        after_scheme = 1;
      if (i >= 5 && !memcmp(v + i - 5, "xmpp:", 5) &&
          (i == 5 || !(mdx_ascii_alnum((unsigned char)v[i - 6]) || v[i - 6] == '@')))
        after_scheme = 1;
      uint32_t k = i;
      while (k < len && local_char((unsigned char)v[k])) k++; /* bounded */
      uint32_t le = !after_scheme && k < len && v[k] == '@' ? scan_label(v, len, k + 1) : NONE;
      if (le == NONE || bad_label_end(v, le)) {
        i = after_scheme ? i + 1 : k; /* positions inside the run cannot start a match */
        continue;
      }
      mend = link_end = le;
      prefix = "mailto:";
    }
    put_text(&p, v + from, mstart - from);
    put_link(&p, prefix, v + mstart, link_end - mstart);
    put_text(&p, v + link_end, mend - link_end);
    from = i = mend;
  }
  if (!p.pieces) return 1;
  put_text(&p, v + from, len - from);
  mdx_node_unlink(text);
  return p.pieces;
}

void mdx_autolink_transform(mdx_doc *doc, mdx_node *leaf) {
  mdx_node *k = leaf->first_child;
  while (k) { /* bounded: visits each node once, climbing back once per node */
    if (k->type == MDX_NODE_TEXT && !(k->flags & MDX_FLAG_NOPOS)) {
      /* The four expressions in turn over the node and what each makes of it. */
      mdx_node *first = k, *prev = k->prev, *parent = k->parent;
      uint32_t count = 1;
      for (int pass = PASS_URL; pass <= PASS_EMAIL; pass++) {
        mdx_node *at = first;
        uint32_t total = 0;
        for (uint32_t j = 0; j < count; j++) { /* bounded: the pieces */
          mdx_node *next = at->next;
          total += at->type == MDX_NODE_TEXT ? apply(doc, at, pass) : 1;
          at = next;
        }
        count = total;
        first = prev ? prev->next : parent->first_child;
      }
      k = first;
      for (uint32_t j = 1; j < count; j++) k = k->next; /* bounded: the pieces */
    } else if (k->first_child && k->type != MDX_NODE_LINK &&
               k->type != MDX_NODE_LINK_REFERENCE) {
      k = k->first_child;
      continue;
    }
    while (!k->next) { /* bounded: the depth */
      k = k->parent;
      if (k == leaf) return;
    }
    k = k->next;
  }
}
