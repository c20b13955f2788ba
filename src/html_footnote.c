/* GFM footnote HTML. Footnotes are known by their normalised label (node->url, see
 * gfm_footnote.h). A hash table (malloc) maps each label to its entry: the number of its
 * first reference (0: none yet), how many references it has, and the HTML of its first
 * definition. Output is linear: a reference writes its label twice and one back
 * reference in the section; a definition's HTML is written once. */
#include <stdlib.h>
#include <string.h>

#include "html_footnote.h"
#include "unicode.h"

typedef struct fn_entry {
  mdx_str key;
  uint32_t hash;
  uint32_t order; /* 1-based number of its first reference; 0: not referenced */
  uint32_t count; /* references so far */
  int has_def;
  mdx_buf def; /* content of its first definition */
} fn_entry;

struct mdx_fn_html {
  fn_entry *entries;
  uint32_t count, cap;
  uint32_t *table; /* entry index + 1; 0: empty. Power of two, at most half full */
  uint32_t table_cap;
  uint32_t *calls; /* entries in order of first reference */
  uint32_t call_count, call_cap;
  mdx_buf **stack; /* outputs to go back to, one per open definition */
  mdx_buf **open;  /* the open definitions' content buffers */
  uint32_t depth, stack_cap;
  int failed;
};

mdx_fn_html *mdx_fn_html_new(void) { return calloc(1, sizeof(mdx_fn_html)); }

void mdx_fn_html_free(mdx_fn_html *f) {
  if (!f) return;
  for (uint32_t i = 0; i < f->count; i++) mdx_buf_free(&f->entries[i].def); /* bounded */
  for (uint32_t i = 0; i < f->depth; i++) { /* bounded: open definitions (after a failure) */
    mdx_buf_free(f->open[i]);
    free(f->open[i]);
  }
  free(f->entries);
  free(f->table);
  free(f->calls);
  free(f->stack);
  free(f->open);
  free(f);
}

static uint32_t hash_bytes(const char *s, uint32_t len) {
  uint32_t h = 2166136261u;
  for (uint32_t i = 0; i < len; i++) h = (h ^ (unsigned char)s[i]) * 16777619u; /* bounded */
  return h;
}

static int grow(void **p, uint32_t *cap, size_t size) {
  uint32_t n = *cap ? *cap * 2 : 16;
  void *q = realloc(*p, (size_t)n * size);
  if (!q) return 0;
  *p = q;
  *cap = n;
  return 1;
}

/* The entry of a label, made if missing; NULL when out of memory. */
static fn_entry *entry(mdx_fn_html *f, mdx_str key) {
  uint32_t h = hash_bytes(key.ptr, key.len);
  if (f->table_cap) {
    uint32_t mask = f->table_cap - 1;
    /* bounded: the table is at most half full, so an empty slot is always reached */
    for (uint32_t i = h & mask;; i = (i + 1) & mask) {
      uint32_t k = f->table[i];
      if (!k) break;
      fn_entry *e = &f->entries[k - 1];
      if (e->hash == h && e->key.len == key.len && !memcmp(e->key.ptr, key.ptr, key.len))
        return e;
    }
  }
  if (f->count == f->cap && !grow((void **)&f->entries, &f->cap, sizeof *f->entries)) return NULL;
  if ((f->count + 1) * 2 > f->table_cap) {
    uint32_t cap = f->table_cap ? f->table_cap * 2 : 32;
    uint32_t *t = calloc(cap, sizeof *t);
    if (!t) return NULL;
    for (uint32_t k = 0; k < f->count; k++) { /* bounded: the entries */
      uint32_t i = f->entries[k].hash & (cap - 1);
      while (t[i]) i = (i + 1) & (cap - 1); /* bounded: half empty */
      t[i] = k + 1;
    }
    free(f->table);
    f->table = t;
    f->table_cap = cap;
  }
  fn_entry *e = &f->entries[f->count++];
  memset(e, 0, sizeof *e);
  e->key = key;
  e->hash = h;
  mdx_buf_init(&e->def);
  uint32_t i = h & (f->table_cap - 1);
  while (f->table[i]) i = (i + 1) & (f->table_cap - 1); /* bounded: half empty */
  f->table[i] = f->count;
  return e;
}

static void put_id_lower(mdx_buf *out, mdx_str key);

/* sanitizeUri(id.toLowerCase()): lowercased as JavaScript does (unicode.h), then
 * percent-encoded as micromark's normalizeUri does, `&` escaped. */
static void put_id(mdx_buf *out, mdx_str key) {
  mdx_buf low; /* the lowercased label (labels are at most 999 characters) */
  mdx_buf_init(&low);
  for (uint32_t i = 0, len = 0; i < key.len; i += len) { /* bounded: the label */
    char tmp[MDX_FOLD_MAX];
    mdx_buf_put(&low, tmp, mdx_unicode_lower(key.ptr, key.len, i, &len, tmp));
  }
  if (low.failed) out->failed = 1;
  put_id_lower(out, (mdx_str){low.data, (uint32_t)low.len});
  mdx_buf_free(&low);
}

/* put_id on a label already lowercased. */
static void put_id_lower(mdx_buf *out, mdx_str key) {
  static const char hex[] = "0123456789ABCDEF";
  const unsigned char *s = (const unsigned char *)key.ptr;
  for (uint32_t i = 0; s && i < key.len; i++) { /* bounded: the label */
    unsigned char c = s[i];
    int alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (c == '%' && i + 2 < key.len) {
      unsigned char a = s[i + 1], b = s[i + 2];
      int a_ok = (a >= '0' && a <= '9') || ((a | 0x20) >= 'a' && (a | 0x20) <= 'z');
      int b_ok = (b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z');
      if (a_ok && b_ok) {
        mdx_buf_putc(out, '%');
        mdx_buf_putc(out, (char)(a >= 'A' && a <= 'Z' ? a + 32 : a));
        mdx_buf_putc(out, (char)(b >= 'A' && b <= 'Z' ? b + 32 : b));
        i += 2;
        continue;
      }
    }
    if (c == '&') {
      mdx_buf_puts(out, "&amp;");
    } else if (alnum || c == '!' || c == '#' || c == '$' || (c >= '\'' && c <= ';') ||
               c == '=' || c == '?' || c == '@' || c == '_' || c == '~') {
      mdx_buf_putc(out, (char)c);
    } else {
      char esc[3] = {'%', hex[c >> 4], hex[c & 15]};
      mdx_buf_put(out, esc, 3);
    }
  }
}

static void put_uint(mdx_buf *out, uint32_t v) {
  char buf[12];
  int n = 0;
  do buf[n++] = (char)('0' + v % 10); while ((v /= 10) && n < 12); /* bounded: 10 digits */
  while (n) mdx_buf_putc(out, buf[--n]);
}

void mdx_fn_html_call(mdx_fn_html *f, const mdx_node *ref, mdx_buf *out) {
  fn_entry *e = entry(f, ref->url);
  if (!e) {
    out->failed = 1;
    return;
  }
  if (!e->order) {
    if (f->call_count == f->call_cap && !grow((void **)&f->calls, &f->call_cap, sizeof *f->calls)) {
      out->failed = 1;
      return;
    }
    f->calls[f->call_count++] = (uint32_t)(e - f->entries);
    e->order = f->call_count;
  }
  e->count++;
  mdx_buf_puts(out, "<sup><a href=\"#user-content-fn-");
  put_id(out, e->key);
  mdx_buf_puts(out, "\" id=\"user-content-fnref-");
  put_id(out, e->key);
  if (e->count > 1) {
    mdx_buf_putc(out, '-');
    put_uint(out, e->count);
  }
  mdx_buf_puts(out, "\" data-footnote-ref=\"\" aria-describedby=\"footnote-label\">");
  put_uint(out, e->order);
  mdx_buf_puts(out, "</a></sup>");
}

mdx_buf *mdx_fn_html_def_enter(mdx_fn_html *f, mdx_buf *out) {
  if (f->depth == f->stack_cap) {
    uint32_t cap = f->stack_cap;
    if (!grow((void **)&f->stack, &cap, sizeof *f->stack)) return NULL;
    if (!grow((void **)&f->open, &f->stack_cap, sizeof *f->open)) return NULL;
  }
  mdx_buf *b = malloc(sizeof *b);
  if (!b) return NULL;
  mdx_buf_init(b);
  f->stack[f->depth] = out;
  f->open[f->depth++] = b;
  return b;
}

mdx_buf *mdx_fn_html_def_exit(mdx_fn_html *f, const mdx_node *def) {
  mdx_buf *b = f->open[--f->depth], *back = f->stack[f->depth];
  fn_entry *e = def ? entry(f, def->url) : NULL;
  if (!def) {
    /* dropped: the render stopped early */
  } else if (!e || b->failed) {
    back->failed = 1;
  } else if (!e->has_def) { /* the first definition of a label is the one shown */
    e->def = *b;
    e->has_def = 1;
    mdx_buf_init(b);
  }
  mdx_buf_free(b);
  free(b);
  return back;
}

static void eol_if_needed(mdx_buf *out, size_t base, const char *eol, size_t eol_len) {
  if (out->len <= base || out->failed) return;
  char c = out->data[out->len - 1];
  if (c != '\n' && c != '\r') mdx_buf_put(out, eol, eol_len);
}

/* The back references of entry e (number n): "↩", then "↩<sup>k</sup>" for k > 1. */
static void put_backrefs(mdx_buf *out, const fn_entry *e) {
  for (uint32_t k = 1; k <= e->count; k++) { /* bounded: its references */
    if (k > 1) mdx_buf_putc(out, ' ');
    mdx_buf_puts(out, "<a href=\"#user-content-fnref-");
    put_id(out, e->key);
    if (k > 1) {
      mdx_buf_putc(out, '-');
      put_uint(out, k);
    }
    mdx_buf_puts(out, "\" data-footnote-backref=\"\" aria-label=\"Back to reference ");
    put_uint(out, e->order);
    if (k > 1) {
      mdx_buf_putc(out, '-');
      put_uint(out, k);
    }
    mdx_buf_puts(out, "\" class=\"data-footnote-backref\">\xe2\x86\xa9");
    if (k > 1) {
      mdx_buf_puts(out, "<sup>");
      put_uint(out, k);
      mdx_buf_puts(out, "</sup>");
    }
    mdx_buf_puts(out, "</a>");
  }
}

int mdx_fn_html_section(mdx_fn_html *f, mdx_buf *out, size_t base, const char *eol,
                        size_t eol_len) {
  if (!f->call_count) return !out->failed;
  eol_if_needed(out, base, eol, eol_len);
  mdx_buf_puts(out, "<section data-footnotes=\"\" class=\"footnotes\"><h2 id=\"footnote-label\" "
                    "class=\"sr-only\">Footnotes</h2>");
  eol_if_needed(out, base, eol, eol_len);
  mdx_buf_puts(out, "<ol>");
  for (uint32_t i = 0; i < f->call_count; i++) { /* bounded: the footnotes referenced */
    const fn_entry *e = &f->entries[f->calls[i]];
    eol_if_needed(out, base, eol, eol_len);
    mdx_buf_puts(out, "<li id=\"user-content-fn-");
    put_id(out, e->key);
    mdx_buf_puts(out, "\">");
    eol_if_needed(out, base, eol, eol_len);
    /* The back references go inside a closing </p> at the very end (a line ending may
     * follow it), else on a line of their own. */
    const char *d = e->def.data;
    size_t len = e->def.len, tail = len;
    if (tail && d[tail - 1] == '\n') tail--;
    if (tail && d[tail - 1] == '\r' && (tail == len || d[tail] == '\n')) tail--;
    if (tail >= 4 && !memcmp(d + tail - 4, "</p>", 4)) {
      mdx_buf_put(out, d, tail - 4);
      mdx_buf_putc(out, ' ');
      put_backrefs(out, e);
      mdx_buf_put(out, d + tail - 4, len - (tail - 4));
    } else {
      mdx_buf_put(out, d, len);
      eol_if_needed(out, base, eol, eol_len);
      put_backrefs(out, e);
    }
    eol_if_needed(out, base, eol, eol_len);
    mdx_buf_puts(out, "</li>");
  }
  eol_if_needed(out, base, eol, eol_len);
  mdx_buf_puts(out, "</ol>");
  eol_if_needed(out, base, eol, eol_len);
  mdx_buf_puts(out, "</section>");
  return !out->failed;
}
