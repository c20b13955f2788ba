#include "input.h"

#include <string.h>

#include "limits.h"

static const char REPLACEMENT[3] = {(char)0xEF, (char)0xBF, (char)0xBD};

int mdx_utf8_sequence(const unsigned char *s, size_t len, size_t *used) {
  unsigned char c = s[0], lo = 0x80, hi = 0xBF;
  size_t need;
  *used = 1;
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) need = 2;
  else if (c >= 0xE0 && c <= 0xEF) {
    need = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else
    return 0;
  size_t i = 1;
  if (i < len && s[i] >= lo && s[i] <= hi) {
    i++;
    while (i < len && i < need && s[i] >= 0x80 && s[i] <= 0xBF) i++; /* bounded by need */
  }
  *used = i;
  return i == need;
}

/* 32 bytes at once: none has its high bit set. Most Markdown is ASCII, so this is the
 * hot path (NUL bytes are found separately, by memchr). */
static int ascii32(const unsigned char *p) {
  uint64_t w[4];
  memcpy(w, p, 32);
  return ((w[0] | w[1] | w[2] | w[3]) & 0x8080808080808080ull) == 0;
}

const char *mdx_input_normalize(mdx_arena *arena, const char *input, size_t len,
                                uint32_t *out_len, int *ascii) {
  const unsigned char *s = (const unsigned char *)input;
  if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
    s += 3;
    len -= 3;
  }
  /* First pass: is it already clean? Most input is. */
  size_t i = 0, extra = 0;
  int only_ascii = 1, clean = 1;
  const unsigned char *nul = len ? memchr(s, 0, len) : NULL;
  size_t fast_end = nul ? (size_t)(nul - s) : len; /* no NUL before this */
  while (i < len) { /* bounded: i grows each step */
    if (fast_end > i && fast_end - i >= 32 && ascii32(s + i)) {
      i += 32;
      continue;
    }
    if (nul && i > fast_end) { /* past the NUL found: look for the next one */
      nul = memchr(s + i, 0, len - i);
      fast_end = nul ? (size_t)(nul - s) : len;
    }
    unsigned char c = s[i];
    if (c >= 0x80) {
      only_ascii = 0;
      size_t n;
      if (!mdx_utf8_sequence(s + i, len - i, &n)) {
        clean = 0;
        if (n < 3) extra += 3 - n; /* n bytes become the 3 of U+FFFD */
      }
      i += n;
      continue;
    }
    if (c == 0) {
      clean = 0;
      only_ascii = 0;
      extra += 2;
    }
    i++;
  }
  *ascii = only_ascii;
  size_t total = len + extra;
  if (total > MDX_MAX_SOURCE_BYTES) return NULL;
  char *out = mdx_arena_alloc_uninit(arena, total + 1); /* every byte is written below */
  if (clean) {
    if (len) memcpy(out, s, len);
    out[len] = 0;
    *out_len = (uint32_t)len;
    return out;
  }
  size_t o = 0;
  i = 0;
  while (i < len) { /* bounded: i grows each step */
    unsigned char c = s[i];
    if (c == 0) {
      memcpy(out + o, REPLACEMENT, 3);
      o += 3;
      i++;
    } else if (c < 0x80) {
      out[o++] = (char)c;
      i++;
    } else {
      size_t n;
      if (mdx_utf8_sequence(s + i, len - i, &n)) {
        memcpy(out + o, s + i, n);
        o += n;
      } else {
        memcpy(out + o, REPLACEMENT, 3);
        o += 3;
      }
      i += n;
    }
  }
  out[o] = 0;
  *out_len = (uint32_t)o;
  return out;
}
