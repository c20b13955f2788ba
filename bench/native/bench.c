/* bench-native: times omni-mdx's C core against md4c and cmark on the same documents,
 * with no JavaScript involved.
 *
 *   bench-native [-t SECONDS] [-n RUNS] FILE...
 *
 * Each FILE is one document; a pass parses every document once, as separate calls.
 * A run repeats passes until at least SECONDS (default 0.3) have elapsed; the figure
 * kept is the best of RUNS (default 5) rounds, engines taking turns within each round,
 * after one untimed warm-up pass. MB/s is
 * input bytes (UTF-8, 1 MB = 10^6 bytes) per second. All engines get CommonMark only:
 * no GFM, math or frontmatter for us, MD_DIALECT_COMMONMARK for md4c, CMARK_OPT_DEFAULT
 * for cmark.
 *
 * Output (stdout): a JSON array, one object per engine:
 *   {"engine": ..., "mbps": ..., "bytes": input bytes per pass,
 *    "outBytes": output bytes per pass (OCP or HTML; 0 when there is none)}
 * or {"engine": ..., "error": ...} when the engine failed on a document. */
#define _POSIX_C_SOURCE 199309L

#include <cmark.h>
#include <md4c-html.h>
#include <md4c.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "mdx.h"

typedef struct {
  char *data;
  size_t len;
} bn_doc;

/* One engine: processes one document, adds its output size to *out_bytes, returns 0 on
 * success or writes a message into err. */
typedef int (*bn_fn)(const bn_doc *doc, size_t *out_bytes, char *err, size_t errlen);

static int bn_omni_ocp(const bn_doc *doc, size_t *out_bytes, char *err, size_t errlen) {
  mdx_doc *tree = NULL;
  mdx_error perr;
  int rc = mdx_parse(doc->data, doc->len, 0, &tree, &perr);
  if (rc != MDX_OK) {
    snprintf(err, errlen, "mdx_parse: %s", mdx_strerror(rc));
    return -1;
  }
  mdx_buf out;
  mdx_buf_init(&out);
  rc = mdx_ocp_encode(tree, &out);
  *out_bytes += out.len;
  mdx_buf_free(&out);
  mdx_doc_free(tree);
  if (rc != MDX_OK) snprintf(err, errlen, "mdx_ocp_encode: %s", mdx_strerror(rc));
  return rc;
}

static int bn_omni_html(const bn_doc *doc, size_t *out_bytes, char *err, size_t errlen) {
  mdx_doc *tree = NULL;
  mdx_error perr;
  int rc = mdx_parse(doc->data, doc->len, 0, &tree, &perr);
  if (rc != MDX_OK) {
    snprintf(err, errlen, "mdx_parse: %s", mdx_strerror(rc));
    return -1;
  }
  mdx_buf out;
  mdx_buf_init(&out);
  rc = mdx_html_render(tree, 0, &out);
  *out_bytes += out.len;
  mdx_buf_free(&out);
  mdx_doc_free(tree);
  if (rc != MDX_OK) snprintf(err, errlen, "mdx_html_render: %s", mdx_strerror(rc));
  return rc;
}

/* md4c has no tree: parse-only means its callbacks do nothing. */
static int bn_noop_block(MD_BLOCKTYPE type, void *detail, void *user) { return 0; }
static int bn_noop_span(MD_SPANTYPE type, void *detail, void *user) { return 0; }
static int bn_noop_text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *user) {
  return 0;
}

static int bn_md4c_parse(const bn_doc *doc, size_t *out_bytes, char *err, size_t errlen) {
  MD_PARSER parser = {.flags = MD_DIALECT_COMMONMARK,
                      .enter_block = bn_noop_block,
                      .leave_block = bn_noop_block,
                      .enter_span = bn_noop_span,
                      .leave_span = bn_noop_span,
                      .text = bn_noop_text};
  if (md_parse(doc->data, (MD_SIZE)doc->len, &parser, NULL) != 0) {
    snprintf(err, errlen, "md_parse failed");
    return -1;
  }
  return 0;
}

/* md4c-html streams its output; collect it in the same growable buffer our renderer
 * uses, so both pay for building the whole string. */
static void bn_collect(const MD_CHAR *text, MD_SIZE size, void *user) {
  mdx_buf_put((mdx_buf *)user, text, size);
}

static int bn_md4c_html(const bn_doc *doc, size_t *out_bytes, char *err, size_t errlen) {
  mdx_buf out;
  mdx_buf_init(&out);
  int rc = md_html(doc->data, (MD_SIZE)doc->len, bn_collect, &out, MD_DIALECT_COMMONMARK, 0);
  *out_bytes += out.len;
  if (rc != 0 || out.failed) {
    snprintf(err, errlen, "md_html failed");
    rc = -1;
  }
  mdx_buf_free(&out);
  return rc;
}

static int bn_cmark_parse(const bn_doc *doc, size_t *out_bytes, char *err, size_t errlen) {
  cmark_node *root = cmark_parse_document(doc->data, doc->len, CMARK_OPT_DEFAULT);
  if (root == NULL) {
    snprintf(err, errlen, "cmark_parse_document failed");
    return -1;
  }
  cmark_node_free(root);
  return 0;
}

static int bn_cmark_html(const bn_doc *doc, size_t *out_bytes, char *err, size_t errlen) {
  char *html = cmark_markdown_to_html(doc->data, doc->len, CMARK_OPT_DEFAULT);
  if (html == NULL) {
    snprintf(err, errlen, "cmark_markdown_to_html failed");
    return -1;
  }
  *out_bytes += strlen(html);
  free(html);
  return 0;
}

static const struct {
  const char *name;
  bn_fn fn;
} bn_engines[] = {
    {"omni mdx_parse+mdx_ocp_encode", bn_omni_ocp},
    {"omni mdx_parse+mdx_html_render", bn_omni_html},
    {"md4c md_parse (no-op callbacks)", bn_md4c_parse},
    {"md4c-html md_html", bn_md4c_html},
    {"cmark cmark_parse_document", bn_cmark_parse},
    {"cmark cmark_markdown_to_html", bn_cmark_html},
};

static double bn_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* One pass over every document; returns 0, or -1 with err set. */
static int bn_pass(bn_fn fn, const bn_doc *docs, int ndocs, size_t *out_bytes, char *err,
                   size_t errlen) {
  for (int i = 0; i < ndocs; i++) {
    if (fn(&docs[i], out_bytes, err, errlen) != 0) return -1;
  }
  return 0;
}

static int bn_read(const char *path, bn_doc *doc) {
  FILE *f = fopen(path, "rb");
  if (f == NULL) return -1;
  size_t cap = 1 << 16, len = 0;
  char *data = malloc(cap);
  size_t n;
  while (data != NULL && (n = fread(data + len, 1, cap - len, f)) > 0) {
    len += n;
    if (len == cap) {
      char *grown = realloc(data, cap *= 2);
      if (grown == NULL) free(data);
      data = grown;
    }
  }
  fclose(f);
  if (data == NULL) return -1;
  doc->data = data;
  doc->len = len;
  return 0;
}

/* Prints s as a JSON string (names and messages here are plain ASCII). */
static void bn_json_string(const char *s) {
  putchar('"');
  for (; *s; s++) {
    if (*s == '"' || *s == '\\') putchar('\\');
    putchar(*s);
  }
  putchar('"');
}

int main(int argc, char **argv) {
  double min_time = 0.3;
  int runs = 5, first = 1;
  while (first + 1 < argc && argv[first][0] == '-') {
    if (strcmp(argv[first], "-t") == 0) min_time = atof(argv[first + 1]);
    else if (strcmp(argv[first], "-n") == 0) runs = atoi(argv[first + 1]);
    else break;
    first += 2;
  }
  if (first >= argc || runs < 1 || min_time < 0) {
    fprintf(stderr, "usage: %s [-t SECONDS] [-n RUNS] FILE...\n", argv[0]);
    return 2;
  }

  int ndocs = argc - first;
  bn_doc *docs = calloc((size_t)ndocs, sizeof *docs);
  size_t total = 0;
  if (docs == NULL) return 1;
  for (int i = 0; i < ndocs; i++) {
    if (bn_read(argv[first + i], &docs[i]) != 0) {
      fprintf(stderr, "bench-native: cannot read %s\n", argv[first + i]);
      return 1;
    }
    total += docs[i].len;
  }

  /* Rounds go over all engines in turn, so that a slow spell of this shared machine hits
   * every engine alike and the ratios between them stay meaningful. */
  int count = (int)(sizeof bn_engines / sizeof bn_engines[0]);
  double best[sizeof bn_engines / sizeof bn_engines[0]] = {0};
  size_t out_bytes[sizeof bn_engines / sizeof bn_engines[0]] = {0};
  char errors[sizeof bn_engines / sizeof bn_engines[0]][256];
  int failed[sizeof bn_engines / sizeof bn_engines[0]] = {0};
  for (int e = 0; e < count; e++) {
    errors[e][0] = '\0';
    failed[e] = bn_pass(bn_engines[e].fn, docs, ndocs, &out_bytes[e], errors[e], sizeof errors[e]) != 0;
  }
  for (int r = 0; r < runs; r++) {
    for (int e = 0; e < count; e++) {
      if (failed[e]) continue;
      size_t ignored = 0;
      long passes = 0;
      double start = bn_now(), elapsed;
      do {
        failed[e] = bn_pass(bn_engines[e].fn, docs, ndocs, &ignored, errors[e], sizeof errors[e]) != 0;
        passes++;
        elapsed = bn_now() - start;
      } while (!failed[e] && elapsed < min_time);
      double mbps = (double)total * (double)passes / elapsed / 1e6;
      if (mbps > best[e]) best[e] = mbps;
    }
  }
  printf("[\n");
  for (int e = 0; e < count; e++) {
    printf("  {\"engine\": ");
    bn_json_string(bn_engines[e].name);
    if (failed[e]) {
      printf(", \"error\": ");
      bn_json_string(errors[e]);
    } else {
      printf(", \"mbps\": %.2f, \"bytes\": %zu, \"outBytes\": %zu", best[e], total, out_bytes[e]);
    }
    printf("}%s\n", e + 1 < count ? "," : "");
  }
  printf("]\n");

  for (int i = 0; i < ndocs; i++) free(docs[i].data);
  free(docs);
  return 0;
}
