/* mdx-dump: prints the core's tree as mdast JSON (positions included), for comparing the
 * C phases with mdast-util-from-markdown without the addon. `identifier` is left to the
 * comparing script, as it is to lib/decode.js: it is derived in JS from `rawLabel`.
 * Usage: mdx-dump [--options N] < input.md */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../doc.h"
#include "../gfm_table.h"
#include "../position.h"

static void put_json_string(const char *s, uint32_t len) {
  putchar('"');
  for (uint32_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == '"' || c == '\\') {
      putchar('\\');
      putchar(c);
    } else if (c < 0x20) {
      printf("\\u%04x", c);
    } else {
      putchar(c);
    }
  }
  putchar('"');
}

static void put_str_field(const char *name, mdx_str s) {
  printf(",\"%s\":", name);
  if (!s.ptr)
    fputs("null", stdout);
  else
    put_json_string(s.ptr, s.len);
}

static void put_point(const mdx_posmap *map, uint32_t byte) {
  mdx_point p = mdx_posmap_point(map, byte);
  printf("{\"line\":%u,\"column\":%u,\"offset\":%u}", p.line, p.column, p.offset);
}

static const char *ref_kind(int num) {
  return num == MDX_REF_FULL ? "full" : num == MDX_REF_COLLAPSED ? "collapsed" : "shortcut";
}

static void put_fields(const mdx_node *n) {
  switch (n->type) {
  case MDX_NODE_HEADING: printf(",\"depth\":%d", n->num); break;
  case MDX_NODE_LIST:
    printf(",\"ordered\":%s", n->flags & MDX_FLAG_ORDERED ? "true" : "false");
    if (n->flags & MDX_FLAG_ORDERED)
      printf(",\"start\":%d", n->num);
    else
      fputs(",\"start\":null", stdout);
    printf(",\"spread\":%s", n->flags & MDX_FLAG_SPREAD ? "true" : "false");
    break;
  case MDX_NODE_TABLE: {
    static const char *const names[] = {"null", "\"left\"", "\"right\"", "\"center\""};
    printf(",\"align\":[");
    for (uint32_t i = 0; i < n->value.len; i++)
      printf("%s%s", i ? "," : "", names[mdx_table_align(n, i)]);
    printf("]");
    break;
  }
  case MDX_NODE_LIST_ITEM:
    printf(",\"spread\":%s", n->flags & MDX_FLAG_SPREAD ? "true" : "false");
    printf(",\"checked\":%s", !(n->flags & MDX_FLAG_CHECKED_SET) ? "null"
                              : n->flags & MDX_FLAG_CHECKED     ? "true"
                                                                : "false");
    break;
  case MDX_NODE_CODE:
    put_str_field("lang", n->url);
    put_str_field("meta", n->title);
    put_str_field("value", n->value);
    break;
  case MDX_NODE_MATH:
    put_str_field("meta", n->title);
    put_str_field("value", n->value);
    break;
  case MDX_NODE_TEXT: case MDX_NODE_INLINE_CODE: case MDX_NODE_HTML:
  case MDX_NODE_INLINE_MATH: case MDX_NODE_YAML: case MDX_NODE_TOML:
    put_str_field("value", n->value);
    break;
  case MDX_NODE_DEFINITION:
    put_str_field("label", n->label);
    put_str_field("rawLabel", n->raw_label);
    put_str_field("url", n->url);
    put_str_field("title", n->title);
    break;
  case MDX_NODE_LINK:
    put_str_field("url", n->url);
    put_str_field("title", n->title);
    break;
  case MDX_NODE_IMAGE:
    put_str_field("url", n->url);
    put_str_field("title", n->title);
    put_str_field("alt", n->value);
    break;
  case MDX_NODE_LINK_REFERENCE: case MDX_NODE_IMAGE_REFERENCE:
    put_str_field("label", n->label);
    put_str_field("rawLabel", n->raw_label);
    printf(",\"referenceType\":\"%s\"", ref_kind(n->num));
    if (n->type == MDX_NODE_IMAGE_REFERENCE) put_str_field("alt", n->value);
    break;
  case MDX_NODE_FOOTNOTE_DEFINITION: case MDX_NODE_FOOTNOTE_REFERENCE:
    put_str_field("label", n->label);
    put_str_field("rawLabel", n->raw_label);
    break;
  default: break;
  }
}

int main(int argc, char **argv) {
  unsigned options = 0;
  if (argc == 3 && strcmp(argv[1], "--options") == 0) options = (unsigned)atoi(argv[2]);
  size_t cap = 1 << 16, len = 0;
  char *input = malloc(cap);
  size_t got;
  while (input && (got = fread(input + len, 1, cap - len, stdin)) > 0) {
    len += got;
    if (len == cap) input = realloc(input, cap *= 2);
  }
  if (!input) return 2;
  mdx_doc *doc;
  mdx_error err;
  int rc = mdx_parse(input, len, options, &doc, &err);
  free(input);
  if (rc != MDX_OK) {
    fprintf(stderr, "mdx-dump: %s\n", mdx_strerror(rc));
    return 1;
  }
  mdx_posmap map;
  if (setjmp(doc->on_oom)) {
    fputs("mdx-dump: out of memory\n", stderr);
    mdx_doc_free(doc);
    return 1;
  }
  mdx_posmap_build(&map, &doc->arena, doc->src, doc->len, doc->ascii);
  mdx_walk walk;
  mdx_walk_init(&walk, doc->root);
  while (mdx_walk_next(&walk)) {
    const mdx_node *n = walk.node;
    if (walk.entering) {
      if (n->prev) putchar(',');
      printf("{\"type\":\"%s\"", mdx_node_type_name(n->type));
      put_fields(n);
      if (mdx_node_is_parent(n->type)) fputs(",\"children\":[", stdout);
    } else {
      if (mdx_node_is_parent(n->type)) putchar(']');
      if (n->flags & MDX_FLAG_NOPOS) { /* made by a transform: no position */
        putchar('}');
        continue;
      }
      fputs(",\"position\":{\"start\":", stdout);
      put_point(&map, n->start);
      fputs(",\"end\":", stdout);
      put_point(&map, n->end);
      fputs("}}", stdout);
    }
  }
  putchar('\n');
  mdx_doc_free(doc);
  return 0;
}
