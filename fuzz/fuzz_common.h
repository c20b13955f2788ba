/* Shared by the libFuzzer targets: the input format, and invariant checks of the parse
 * tree that hold for every input. A violated invariant calls FUZZ_CHECK's
 * __builtin_trap(), which libFuzzer reports as a crash with the input saved; the core
 * itself never aborts. The checks read the tree through the core's private headers
 * (doc.h, node.h): they test the parser, not a consumer of the public API.
 *
 * Input format: byte 0 selects the options (its low six bits are the MDX_OPT_* bit set,
 * so every combination is reachable); the rest is the document. */
#ifndef FUZZ_COMMON_H
#define FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "limits.h"
#include "mdx.h"
#include "node.h"

#include "fuzz_check.h"

/* Tree checks carry a tag and name the nodes involved, so that findings can be sorted
 * by kind ("sibling-order: listItem [0,8) then listItem [6,9)"). FUZZ_SKIP=tag,tag
 * turns tagged checks off, so that a long campaign can look past a finding that is
 * already reported (docs/fuzzing.md); plain FUZZ_CHECKs are never skipped. */
static int fuzz_skipped(const char *tag) {
  const char *skip = getenv("FUZZ_SKIP");
  if (!skip) return 0;
  size_t n = strlen(tag);
  for (const char *p = strstr(skip, tag); p; p = strstr(p + 1, tag))
    if ((p == skip || p[-1] == ',') && (p[n] == ',' || p[n] == 0)) return 1;
  return 0;
}

static void fuzz_print_node(const char *what, const mdx_node *n) {
  if (!n) return;
  fprintf(stderr, " %s %s [%u,%u)", what, mdx_node_type_name(n->type), n->start, n->end);
}

#define FUZZ_CHECK_NODE(tag, cond, n)                                                 \
  do {                                                                                \
    if (!(cond) && !fuzz_skipped(tag)) {                                              \
      fprintf(stderr, "fuzz invariant violated: " tag ":");                            \
      fuzz_print_node("node", (n));                                                   \
      fuzz_print_node("parent", (n)->parent);                                         \
      fuzz_print_node("prev", (n)->prev);                                             \
      fprintf(stderr, " (%s, %s:%d)\n", #cond, __FILE__, __LINE__);                   \
      __builtin_trap();                                                               \
    }                                                                                 \
  } while (0)

static unsigned fuzz_options(const uint8_t **data, size_t *size) {
  if (*size == 0) return 0;
  unsigned options = (*data)[0] & MDX_OPT_ALL;
  (*data)++;
  (*size)--;
  return options;
}

/* Strict UTF-8 (RFC 3629: no overlongs, surrogates or code points past U+10FFFF).
 * Returns the length of the sequence at s, or 0 if it is not valid. */
static size_t fuzz_utf8_seq(const unsigned char *s, size_t len) {
  unsigned char c = s[0];
  if (c < 0x80) return 1;
  size_t need;
  unsigned char lo = 0x80, hi = 0xBF;
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
  if (len < need || s[1] < lo || s[1] > hi) return 0;
  for (size_t i = 2; i < need; i++)
    if (s[i] < 0x80 || s[i] > 0xBF) return 0;
  return need;
}

static int fuzz_utf8_valid(const char *p, size_t len) {
  const unsigned char *s = (const unsigned char *)p;
  for (size_t i = 0; i < len;) {
    size_t n = fuzz_utf8_seq(s + i, len - i);
    if (!n) return 0;
    i += n;
  }
  return 1;
}

/* UTF-16 code units of valid UTF-8 (4-byte sequences are surrogate pairs). */
static uint32_t fuzz_utf16_units(const char *p, size_t len) {
  const unsigned char *s = (const unsigned char *)p;
  uint32_t units = 0;
  for (size_t i = 0; i < len; i++) {
    if ((s[i] & 0xC0) != 0x80) units++;
    if (s[i] >= 0xF0) units++;
  }
  return units;
}

static int fuzz_is_char_boundary(const mdx_doc *doc, uint32_t at) {
  return at >= doc->len || ((unsigned char)doc->src[at] & 0xC0) != 0x80;
}

/* Types that mdast defines without children (the JS decoder rejects them as parents). */
static int fuzz_is_leaf(int type) {
  switch (type) {
  case MDX_NODE_THEMATIC_BREAK: case MDX_NODE_HTML: case MDX_NODE_CODE:
  case MDX_NODE_DEFINITION: case MDX_NODE_TEXT: case MDX_NODE_INLINE_CODE:
  case MDX_NODE_BREAK: case MDX_NODE_IMAGE: case MDX_NODE_IMAGE_REFERENCE:
  case MDX_NODE_FOOTNOTE_REFERENCE: case MDX_NODE_MATH: case MDX_NODE_INLINE_MATH:
  case MDX_NODE_YAML: case MDX_NODE_TOML: case MDX_NODE_MDX_FLOW_EXPRESSION:
  case MDX_NODE_MDX_TEXT_EXPRESSION: case MDX_NODE_MDXJS_ESM:
    return 1;
  default:
    return 0;
  }
}

/* Types whose `value` is a string (literals, and image alt text). */
static int fuzz_has_value(int type) {
  switch (type) {
  case MDX_NODE_HTML: case MDX_NODE_CODE: case MDX_NODE_TEXT: case MDX_NODE_INLINE_CODE:
  case MDX_NODE_IMAGE: case MDX_NODE_IMAGE_REFERENCE: case MDX_NODE_MATH:
  case MDX_NODE_INLINE_MATH: case MDX_NODE_YAML: case MDX_NODE_TOML:
  case MDX_NODE_MDX_FLOW_EXPRESSION: case MDX_NODE_MDX_TEXT_EXPRESSION:
  case MDX_NODE_MDXJS_ESM:
    return 1;
  default:
    return 0;
  }
}

/* A string of a node: null (then empty), or a slice that lies wholly inside the source
 * and on character boundaries, or (elsewhere, in the arena) valid UTF-8. */
static void fuzz_check_str(const mdx_doc *doc, mdx_str s) {
  if (!s.ptr) {
    FUZZ_CHECK(s.len == 0);
    return;
  }
  const char *src = doc->src;
  /* A pointer just past the source may be the next arena allocation. */
  if (s.ptr >= src && (s.ptr < src + doc->len || (s.ptr == src + doc->len && !s.len))) {
    FUZZ_CHECK(s.len <= (uint32_t)(src + doc->len - s.ptr));
    uint32_t at = (uint32_t)(s.ptr - src);
    FUZZ_CHECK(fuzz_is_char_boundary(doc, at));
    FUZZ_CHECK(fuzz_is_char_boundary(doc, at + s.len));
  } else {
    FUZZ_CHECK(fuzz_utf8_valid(s.ptr, s.len));
  }
}

/* Sibling overlaps that mdast-util-from-markdown produces itself (it is the reference for
 * positions, DESIGN.md), so the parser is right to produce them too:
 *  - a setext heading whose paragraph began with link reference definitions keeps the
 *    paragraph's start: "[f]:/\nb\n=" gives definition [0,5), heading [0,9);
 *  - a list item ending in an unclosed fenced code block runs into the next item up to
 *    that item's content: "- ```\n-" gives items [0,7) and [6,7).
 * Only these shapes are let through; FUZZ_STRICT=1 reports them anyway. */
static int fuzz_reference_overlap(const mdx_node *prev, const mdx_node *n) {
  if (getenv("FUZZ_STRICT")) return 0;
  if (prev->type == MDX_NODE_DEFINITION && n->type == MDX_NODE_HEADING)
    return n->start <= prev->start && prev->end <= n->end;
  if (prev->type == MDX_NODE_LIST_ITEM && n->type == MDX_NODE_LIST_ITEM)
    return prev->start < n->start && prev->end <= n->end;
  return 0;
}

/* The normalised source is valid UTF-8 without NUL; the tree's links are consistent;
 * every node's [start, end) lies in the source, on character boundaries, inside its
 * parent's range and at or after its previous sibling's end (but for the reference's own
 * overlaps above); leaves have no children;
 * nesting stays within the named limits. Returns the number of nodes. */
static uint32_t fuzz_check_tree(const mdx_doc *doc) {
  FUZZ_CHECK(doc->src != NULL || doc->len == 0);
  FUZZ_CHECK(fuzz_utf8_valid(doc->src, doc->len));
  FUZZ_CHECK(memchr(doc->src, 0, doc->len) == NULL);

  const mdx_node *root = doc->root;
  FUZZ_CHECK(root != NULL);
  FUZZ_CHECK(root->type == MDX_NODE_ROOT);
  FUZZ_CHECK(!root->parent && !root->prev && !root->next);
  FUZZ_CHECK(root->start == 0 && root->end == doc->len);

  /* Containers count twice (list + listItem), inlines nest inside the innermost leaf. */
  const uint32_t max_depth = 2 * MDX_MAX_BLOCK_DEPTH + MDX_MAX_INLINE_DEPTH + 16;
  uint32_t count = 0, depth = 0;
  mdx_walk walk;
  mdx_walk_init(&walk, (mdx_node *)root);
  while (mdx_walk_next(&walk)) {
    const mdx_node *n = walk.node;
    if (!walk.entering) {
      if (n->first_child) depth--;
      continue;
    }
    count++;
    FUZZ_CHECK_NODE("type", n->type > MDX_NODE_NONE && n->type < MDX_NODE_TYPE_COUNT, n);
    FUZZ_CHECK_NODE("type", n == root || n->type != MDX_NODE_ROOT, n);
    FUZZ_CHECK_NODE("range", n->start <= n->end && n->end <= doc->len, n);
    FUZZ_CHECK_NODE("char-boundary", fuzz_is_char_boundary(doc, n->start), n);
    FUZZ_CHECK_NODE("char-boundary", fuzz_is_char_boundary(doc, n->end), n);
    if (n != root) {
      const mdx_node *p = n->parent;
      FUZZ_CHECK(p != NULL);
      FUZZ_CHECK_NODE("inside-parent", n->start >= p->start && n->end <= p->end, n);
      if (n->prev) {
        FUZZ_CHECK(n->prev->next == n && n->prev->parent == p);
        FUZZ_CHECK_NODE("sibling-order",
                        n->prev->end <= n->start || fuzz_reference_overlap(n->prev, n), n);
      } else {
        FUZZ_CHECK(p->first_child == n);
      }
      if (n->next) FUZZ_CHECK(n->next->prev == n);
      else FUZZ_CHECK(p->last_child == n);
    }
    FUZZ_CHECK(!n->first_child == !n->last_child);
    if (n->first_child) {
      FUZZ_CHECK_NODE("leaf-with-children", !fuzz_is_leaf(n->type), n);
      FUZZ_CHECK(n->first_child->parent == n && !n->first_child->prev);
      depth++;
      FUZZ_CHECK_NODE("depth", depth <= max_depth, n);
    }
    /* `value` shares its place with the block parser's `lines`, and short nodes have
     * no url/title/label fields at all (node.h): read only what the type has. */
    if (fuzz_has_value(n->type)) fuzz_check_str(doc, n->value);
    if (mdx_node_has_tail(n->type)) {
      fuzz_check_str(doc, n->url);
      fuzz_check_str(doc, n->title);
      fuzz_check_str(doc, n->label);
      fuzz_check_str(doc, n->raw_label);
    }
  }
  return count;
}

#endif
