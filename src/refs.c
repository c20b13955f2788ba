/* Link reference definitions at the start of paragraphs, and the map of their labels.
 * A definition is scanned forward once by the shared link scanners (scan.c); a failed
 * attempt stops the loop, so each paragraph line is read a bounded number of times. The
 * map is an open-addressing hash table in the arena, keyed by the normalised label. */
#include <string.h>

#include "limits.h"
#include "refs.h"
#include "scan.h"
#include "text.h"
#include "unicode.h"

typedef struct ref_slot {
  mdx_str key;
  mdx_node *def;
  uint32_t hash;
} ref_slot;

struct mdx_refmap {
  ref_slot *slots;
  uint32_t cap; /* power of two */
  uint32_t count;
  char *scratch; /* lookups normalise here, so that they allocate nothing per call */
  uint32_t scratch_cap;
};

static uint32_t hash_bytes(const char *s, uint32_t len) {
  uint32_t h = 2166136261u;
  for (uint32_t i = 0; i < len; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
  return h;
}

/* Folding grows a character at most threefold in UTF-8 (e.g. U+0390, 2 bytes, becomes
 * three code points of 2 bytes each): `out` holds 3 * len bytes. */
static uint32_t normalize_into(const char *s, uint32_t len, char *out) {
  uint32_t n = 0, i = 0;
  int pending_space = 0;
  while (i < len) { /* bounded: i grows each turn */
    char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      pending_space = 1;
      i++;
      continue;
    }
    if (pending_space && n) out[n++] = ' ';
    pending_space = 0;
    if ((unsigned char)c < 0x80) {
      out[n++] = (c >= 'a' && c <= 'z') ? (char)(c - 32) : c;
      i++;
      continue;
    }
    uint32_t cp, clen = mdx_utf8_next(s, len, i, &cp);
    char buf[MDX_FOLD_MAX];
    uint32_t flen = mdx_unicode_fold(cp, buf);
    memcpy(out + n, buf, flen);
    n += flen;
    i += clen;
  }
  return n;
}

mdx_str mdx_label_normalize(mdx_doc *doc, const char *s, uint32_t len) {
  char *out = mdx_arena_alloc(&doc->arena, (size_t)len * 3 + 1);
  mdx_str r = {out, normalize_into(s, len, out)};
  return r;
}

int mdx_refs_any(const mdx_doc *doc) { return doc->refs && doc->refs->count; }

static ref_slot *find_slot(mdx_refmap *map, mdx_str key, uint32_t h) {
  uint32_t mask = map->cap - 1;
  /* bounded: the table is at most half full, so an empty slot is always reached */
  for (uint32_t i = h & mask;; i = (i + 1) & mask) {
    ref_slot *slot = &map->slots[i];
    if (!slot->def) return slot;
    if (slot->hash == h && slot->key.len == key.len && !memcmp(slot->key.ptr, key.ptr, key.len))
      return slot;
  }
}

mdx_node *mdx_refs_lookup(mdx_doc *doc, const char *raw, uint32_t len) {
  if (!mdx_refs_any(doc)) return NULL;
  mdx_refmap *map = doc->refs;
  if ((uint64_t)len * 3 + 1 > map->scratch_cap) {
    map->scratch_cap = len * 3 + 1;
    map->scratch = mdx_arena_alloc(&doc->arena, map->scratch_cap);
  }
  mdx_str key = {map->scratch, normalize_into(raw, len, map->scratch)};
  return find_slot(map, key, hash_bytes(key.ptr, key.len))->def;
}

static void refs_add(mdx_doc *doc, mdx_str key, mdx_node *def) {
  mdx_refmap *map = doc->refs;
  if (!map) {
    map = doc->refs = mdx_arena_alloc(&doc->arena, sizeof *map);
    map->cap = 16;
    map->slots = mdx_arena_alloc(&doc->arena, map->cap * sizeof *map->slots);
  }
  uint32_t h = hash_bytes(key.ptr, key.len);
  ref_slot *slot = find_slot(map, key, h);
  if (slot->def) return; /* the first definition of a label wins */
  slot->key = key;
  slot->def = def;
  slot->hash = h;
  if (++map->count * 2 <= map->cap) return;
  ref_slot *old = map->slots;
  uint32_t old_cap = map->cap;
  map->cap *= 2;
  map->slots = mdx_arena_alloc(&doc->arena, map->cap * sizeof *map->slots);
  for (uint32_t i = 0; i < old_cap; i++)
    if (old[i].def) *find_slot(map, old[i].key, old[i].hash) = old[i];
}

/* One definition at view offset `pos`; returns the offset just after it (before its line
 * ending), or 0 if there is none. */
static uint32_t take_one(mdx_doc *doc, mdx_view *v, uint32_t pos, mdx_node *para) {
  const char *s = v->s;
  uint32_t n = v->n, lcs, lce, after, dcs, dce, dafter, tcs = 0, tce = 0, end;
  if (pos >= n || s[pos] != '[') return 0;
  if (!mdx_scan_label(v, pos, &lcs, &lce, &after)) return 0;
  if (after >= n || s[after] != ':') return 0;
  uint32_t j = mdx_scan_whitespace(v, after + 1);
  if (!mdx_scan_destination(v, j, 0, &dcs, &dce, &dafter)) return 0;
  int titled = 0;
  if (dafter < n && (mdx_is_space(s[dafter]) || mdx_is_eol(s[dafter]))) {
    uint32_t t = mdx_scan_whitespace(v, dafter), tafter;
    if (mdx_scan_title(v, t, &tcs, &tce, &tafter)) {
      uint32_t k = tafter;
      while (k < n && mdx_is_space(s[k])) k++; /* bounded: n */
      if (k == n || mdx_is_eol(s[k])) {
        titled = 1;
        end = k;
      }
    }
  }
  if (!titled) {
    end = dafter;
    while (end < n && mdx_is_space(s[end])) end++; /* bounded: n */
    if (end < n && !mdx_is_eol(s[end])) return 0;
  }
  mdx_node *def = mdx_node_new(&doc->arena, MDX_NODE_DEFINITION, mdx_view_src_start(v, pos),
                               mdx_view_src_end(v, end));
  def->raw_label = mdx_view_text(v, lcs, lce, 0);
  def->label = mdx_decode_string(doc, def->raw_label.ptr, def->raw_label.len);
  mdx_str url = mdx_view_text(v, dcs, dce, 0);
  def->url = mdx_decode_string(doc, url.ptr, url.len);
  if (titled && tce > tcs) {
    mdx_str title = mdx_view_text(v, tcs, tce, 1);
    def->title = mdx_decode_string(doc, title.ptr, title.len);
  }
  mdx_node_insert_before(para, def);
  refs_add(doc, mdx_label_normalize(doc, def->raw_label.ptr, def->raw_label.len), def);
  return end;
}

uint32_t mdx_definitions_take(mdx_doc *doc, mdx_node *paragraph) {
  if (!paragraph->line_count || doc->src[paragraph->lines[0].start] != '[')
    return paragraph->line_count;
  mdx_view v;
  mdx_view_init(&v, doc, paragraph->lines, paragraph->line_count,
                !!(paragraph->flags & MDX_FLAG_LEAD));
  uint32_t line = 0, pos = 0;
  while (line < paragraph->line_count) { /* bounded: each definition takes >= 1 line */
    uint32_t end = take_one(doc, &v, pos, paragraph);
    if (!end) break;
    line = mdx_view_line(&v, end) + 1; /* the definition ends on this line */
    if (line < paragraph->line_count) pos = v.lines[line].start;
  }
  if (line) {
    paragraph->lines += line;
    paragraph->line_count -= line;
    paragraph->line_cap -= line;
    if (paragraph->line_count) paragraph->start = paragraph->lines[0].start;
  }
  return paragraph->line_count;
}
