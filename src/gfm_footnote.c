/* GFM footnote labels and the set of defined ones. Labels are read as
 * micromark-extension-gfm-footnote reads them: after `[^`, up to MDX_MAX_LINK_LABEL
 * characters, no `[`, no whitespace, `\` escaping `[`, `\` and `]`, at least one
 * character. The set is an open-addressing hash table in the arena keyed by the
 * normalised label (refs.c's normalisation), so lookups are O(label). */
#include <string.h>

#include "gfm_footnote.h"
#include "limits.h"
#include "refs.h"
#include "text.h"

typedef struct fn_slot {
  mdx_str key;
  const mdx_node *def; /* the first definition */
  uint32_t hash;
} fn_slot;

struct mdx_footnotes {
  fn_slot *slots;
  uint32_t cap; /* power of two */
  uint32_t count;
};

static uint32_t hash_bytes(const char *s, uint32_t len) {
  uint32_t h = 2166136261u;
  for (uint32_t i = 0; i < len; i++) h = (h ^ (unsigned char)s[i]) * 16777619u; /* bounded */
  return h;
}

/* The label after `[^` at s[i]: returns the offset of its closing ']', or 0. */
static uint32_t label_end(const char *s, uint32_t i, uint32_t n) {
  uint32_t size = 0;
  for (;;) { /* bounded: MDX_MAX_LINK_LABEL characters */
    if (size > MDX_MAX_LINK_LABEL || i >= n) return 0;
    char c = s[i];
    if (c == '[' || c == ' ' || c == '\t' || c == '\n' || c == '\r') return 0;
    if (c == ']') return size ? i : 0;
    size++;
    i++;
    if (c == '\\' && i < n && (s[i] == '[' || s[i] == '\\' || s[i] == ']')) {
      size++;
      i++;
    }
  }
}

uint32_t mdx_footnote_def_start(const char *s, uint32_t i, uint32_t le, uint32_t *ls,
                                uint32_t *lend) {
  if (i + 1 >= le || s[i + 1] != '^') return 0;
  uint32_t e = label_end(s, i + 2, le);
  if (!e || e + 1 >= le || s[e + 1] != ':') return 0;
  *ls = i + 2;
  *lend = e;
  return e + 2;
}

static fn_slot *find_slot(struct mdx_footnotes *set, mdx_str key, uint32_t h) {
  uint32_t mask = set->cap - 1;
  /* bounded: the table is at most half full, so an empty slot is always reached */
  for (uint32_t i = h & mask;; i = (i + 1) & mask) {
    fn_slot *slot = &set->slots[i];
    if (!slot->def) return slot;
    if (slot->hash == h && slot->key.len == key.len && !memcmp(slot->key.ptr, key.ptr, key.len))
      return slot;
  }
}

mdx_node *mdx_footnote_define(mdx_doc *doc, uint32_t start, uint32_t end, uint32_t ls,
                              uint32_t lend) {
  mdx_node *def = mdx_node_new(&doc->arena, MDX_NODE_FOOTNOTE_DEFINITION, start, end);
  def->raw_label.ptr = doc->src + ls;
  def->raw_label.len = lend - ls;
  def->label = mdx_decode_string(doc, def->raw_label.ptr, def->raw_label.len);
  struct mdx_footnotes *set = doc->footnotes;
  if (!set) {
    set = doc->footnotes = mdx_arena_alloc(&doc->arena, sizeof *set);
    set->cap = 16;
    set->slots = mdx_arena_alloc(&doc->arena, set->cap * sizeof *set->slots);
  }
  mdx_str key = mdx_label_normalize(doc, def->raw_label.ptr, def->raw_label.len);
  def->url = key; /* the normalised label: what HTML numbers footnotes by */
  uint32_t h = hash_bytes(key.ptr, key.len);
  fn_slot *slot = find_slot(set, key, h);
  if (slot->def) return def; /* the first definition of a label wins */
  slot->key = key;
  slot->def = def;
  slot->hash = h;
  if (++set->count * 2 <= set->cap) return def;
  fn_slot *old = set->slots;
  uint32_t old_cap = set->cap;
  set->cap *= 2;
  set->slots = mdx_arena_alloc(&doc->arena, set->cap * sizeof *set->slots);
  for (uint32_t i = 0; i < old_cap; i++) /* bounded: the old table */
    if (old[i].def) *find_slot(set, old[i].key, old[i].hash) = old[i];
  return def;
}

const mdx_node *mdx_footnote_first(const mdx_doc *doc, const char *key, uint32_t len) {
  struct mdx_footnotes *set = doc->footnotes;
  if (!set || !set->count) return NULL;
  mdx_str k = {key, len};
  return find_slot(set, k, hash_bytes(key, len))->def;
}

/* The first definition for a raw label, or NULL; `caret`: the label must start with a
 * caret after normalisation, which is then left out (the `![^label]` path). */
static const mdx_node *lookup(mdx_doc *doc, const char *raw, uint32_t len, int caret) {
  if (!doc->footnotes || !doc->footnotes->count) return NULL;
  mdx_str key = mdx_label_normalize(doc, raw, len);
  const mdx_node *def = NULL;
  if (!caret)
    def = mdx_footnote_first(doc, key.ptr, key.len);
  else if (key.len && key.ptr[0] == '^')
    def = mdx_footnote_first(doc, key.ptr + 1, key.len - 1);
  /* The key is the arena's latest allocation: give it back (a flood of references to
   * one label then takes no memory per reference). */
  mdx_arena_trim(&doc->arena, (void *)key.ptr, (size_t)len * 3 + 1, 0);
  return def;
}

const mdx_node *mdx_footnote_lookup(mdx_doc *doc, const char *raw, uint32_t len, int caret) {
  return lookup(doc, raw, len, caret);
}

uint32_t mdx_footnote_call(mdx_doc *doc, const char *s, uint32_t n, uint32_t pos,
                           const mdx_node **def) {
  if (!doc->footnotes || pos + 1 >= n || s[pos + 1] != '^') return 0;
  uint32_t e = label_end(s, pos + 2, n);
  *def = e ? lookup(doc, s + pos + 2, e - pos - 2, 0) : NULL;
  return *def ? e + 1 : 0;
}
