/* Runs the whole pipeline (parse → OCP → HTML) over real documents, with every option
 * combination, and checks tree invariants. Run under ASan+UBSan and valgrind by
 * `make test`, it is the memory-safety check of the parser on realistic input.
 * Usage: test-documents SPEC.txt [FILE...]   (missing files are skipped with a note) */
#include <stdlib.h>

#include "../doc.h"
#include "check.h"

static char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 16, n = 0, got;
  char *data = malloc(cap);
  while (data && (got = fread(data + n, 1, cap - n - 1, f)) > 0) { /* keep room for NUL */
    n += got;
    if (n == cap - 1) {
      char *grown = realloc(data, cap *= 2);
      if (!grown) free(data);
      data = grown;
    }
  }
  fclose(f);
  if (data) data[n] = '\0'; /* the spec reader uses string functions */
  *len = n;
  return data;
}

/* Children lie inside their parent and start no earlier than their previous sibling.
 * (Siblings may overlap: the reference starts a setext heading at the definitions before
 * it, and lets a list item end after the next one starts, and we match it.) */
static int tree_is_well_formed(const mdx_doc *doc) {
  mdx_walk walk;
  mdx_walk_init(&walk, doc->root);
  while (mdx_walk_next(&walk)) {
    const mdx_node *n = walk.node;
    if (!walk.entering) continue;
    if (n->start > n->end || n->end > doc->len) return 0;
    if (n->parent && (n->start < n->parent->start || n->end > n->parent->end)) return 0;
    if (n->prev && n->prev->start > n->start) return 0;
    if (n->type == MDX_NODE_NONE || n->type >= MDX_NODE_TYPE_COUNT) return 0;
  }
  return 1;
}

static void run_document(const char *name, const char *data, size_t len) {
  static const unsigned option_sets[] = {0, MDX_OPT_DANGEROUS_HTML | MDX_OPT_DANGEROUS_PROTOCOL,
                                         MDX_OPT_GFM | MDX_OPT_MATH | MDX_OPT_FRONTMATTER,
                                         MDX_OPT_GFM | MDX_OPT_DANGEROUS_HTML /* tag filter */,
                                         MDX_OPT_MDX | MDX_OPT_GFM | MDX_OPT_MATH |
                                             MDX_OPT_FRONTMATTER};
  for (size_t k = 0; k < sizeof option_sets / sizeof option_sets[0]; k++) {
    mdx_doc *doc = NULL;
    mdx_error err;
    int rc = mdx_parse(data, len, option_sets[k], &doc, &err);
    if (rc == MDX_ESYNTAX && (option_sets[k] & MDX_OPT_MDX)) { /* Markdown may be bad MDX */
      CHECK(doc == NULL && err.reason[0] && err.rule_id[0]);
      continue;
    }
    if (rc != MDX_OK) {
      fprintf(stderr, "%s: parse failed: %s\n", name, mdx_strerror(rc));
      CHECK(rc == MDX_OK);
      continue;
    }
    int ok = tree_is_well_formed(doc);
    if (!ok) fprintf(stderr, "%s: tree not well formed (options %u)\n", name, option_sets[k]);
    CHECK(ok);
    mdx_buf ocp, html;
    mdx_buf_init(&ocp);
    mdx_buf_init(&html);
    CHECK_EQ_INT(mdx_ocp_encode(doc, &ocp), MDX_OK);
    CHECK(ocp.len >= 48 && memcmp(ocp.data, "OMNI", 4) == 0 && ocp.len % 4 == 0);
    CHECK_EQ_INT(mdx_html_render(doc, option_sets[k], &html), MDX_OK);
    mdx_buf_free(&ocp);
    mdx_buf_free(&html);
    mdx_doc_free(doc);
  }
}

/* Spec examples sit between a line of 32 backticks + " example" and a line of 32
 * backticks, markdown and HTML separated by a lone "."; "→" stands for a tab. */
static int run_spec(const char *path) {
  size_t len;
  char *spec = read_file(path, &len);
  if (!spec) return -1;
  static const char fence[] = "````````````````````````````````";
  int examples = 0;
  char *p = spec, *end = spec + len;
  while ((p = strstr(p, fence)) && p < end) { /* bounded: p moves forward each time */
    char *line_end = strchr(p, '\n');
    if (!line_end) break;
    if (strncmp(p + 32, " example", 8) != 0) {
      p = line_end + 1;
      continue;
    }
    char *md = line_end + 1;
    char *dot = strstr(md, "\n.\n");
    if (md[0] == '.' && md[1] == '\n') dot = md - 1;
    if (!dot) break;
    size_t md_len = (size_t)(dot + 1 - md);
    char *buf = malloc(md_len + 1), *o = buf;
    for (size_t i = 0; i < md_len; i++) {
      if ((unsigned char)md[i] == 0xE2 && i + 2 < md_len && (unsigned char)md[i + 1] == 0x86 &&
          (unsigned char)md[i + 2] == 0x92) {
        *o++ = '\t';
        i += 2;
      } else
        *o++ = md[i];
    }
    char name[64];
    snprintf(name, sizeof name, "spec example %d", examples + 1);
    run_document(name, buf, (size_t)(o - buf));
    free(buf);
    examples++;
    char *close = strstr(dot + 3, fence);
    if (!close) break;
    p = close + 32;
  }
  free(spec);
  return examples;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: test-documents SPEC.txt [FILE...]\n");
    return 2;
  }
  int examples = run_spec(argv[1]);
  if (examples < 0) {
    fprintf(stderr, "test-documents: cannot read %s\n", argv[1]);
    return 2;
  }
  printf("test-documents: %d spec examples\n", examples);
  CHECK(examples == 652);
  int files = 0;
  for (int i = 2; i < argc; i++) {
    size_t len;
    char *data = read_file(argv[i], &len);
    if (!data) continue; /* the corpus is optional */
    run_document(argv[i], data, len);
    free(data);
    files++;
  }
  printf("test-documents: %d files\n", files);
  return check_report("test-documents");
}
