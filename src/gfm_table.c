/* GFM table rows and cells (see gfm_table.h). Each function reads its line once, left to
 * right: a row of any width costs time linear in its length, whatever the column count. */
#include "gfm_table.h"

#include <string.h>

#include "scan.h"

/* The next unescaped `|` in s[i, end), or end. micromark reads `\|` and `\\` as one unit
 * inside cell data, so an escaped pipe does not divide cells. */
static uint32_t next_pipe(const char *s, uint32_t i, uint32_t end) {
  while (i < end) { /* bounded: i grows */
    char c = s[i];
    if (c == '|') return i;
    if (c == '\\' && i + 1 < end && (s[i + 1] == '|' || s[i + 1] == '\\'))
      i += 2;
    else
      i++;
  }
  return end;
}

static int blank_between(const char *s, uint32_t i, uint32_t end) {
  while (i < end && mdx_is_space(s[i])) i++; /* bounded: end */
  return i == end;
}

/* The cells of a row, as micromark's table resolver groups them: a leading `|` belongs to
 * the first cell, every later `|` starts a new cell, except a last one with only
 * whitespace after it, which ends the last cell. Calls `cell` with each cell's range and
 * the range of its content (between its pipes), in order; returns the count. */
typedef void cell_fn(void *ctx, uint32_t start, uint32_t end, uint32_t cs, uint32_t ce);

static uint32_t split_row(const char *s, uint32_t start, uint32_t end, cell_fn *cell,
                          void *ctx) {
  uint32_t count = 0, cell_start = start, seg = start;
  if (seg < end && s[seg] == '|') seg++;
  for (;;) { /* bounded: each turn moves past a pipe */
    uint32_t bar = next_pipe(s, seg, end);
    if (bar == end) break;
    if (blank_between(s, bar + 1, end)) { /* the last pipe: it closes the last cell */
      if (cell) cell(ctx, cell_start, end, seg, bar);
      return count + 1;
    }
    if (cell) cell(ctx, cell_start, bar, seg, bar);
    count++;
    cell_start = bar;
    seg = bar + 1;
  }
  if (cell) cell(ctx, cell_start, end, seg, end);
  return count + 1;
}

uint32_t mdx_table_head_cells(const char *s, uint32_t start, uint32_t end) {
  if (start < end && s[start] == '|' && blank_between(s, start + 1, end)) return 0;
  return split_row(s, start, end, NULL, NULL);
}

uint32_t mdx_table_delimiter(const char *s, uint32_t start, uint32_t end, uint8_t *align) {
  uint32_t i = start, n = 0;
  int seen = 0; /* a `|` or a `:`: without one, `---` is a setext underline */
  if (i < end && s[i] == '|') {
    seen = 1;
    i++;
    while (i < end && mdx_is_space(s[i])) i++;
  }
  while (i < end) { /* bounded: each turn consumes a cell */
    int a = MDX_ALIGN_NONE;
    if (s[i] == ':') {
      seen = 1;
      a = MDX_ALIGN_LEFT;
      i++;
    }
    if (i >= end || s[i] != '-') return 0;
    while (i < end && s[i] == '-') i++;
    if (i < end && s[i] == ':') {
      seen = 1;
      a = a == MDX_ALIGN_LEFT ? MDX_ALIGN_CENTER : MDX_ALIGN_RIGHT;
      i++;
    }
    if (align) align[n] = (uint8_t)a;
    n++;
    while (i < end && mdx_is_space(s[i])) i++;
    if (i == end) break;
    if (s[i] != '|') return 0;
    seen = 1;
    i++;
    while (i < end && mdx_is_space(s[i])) i++;
  }
  return seen ? n : 0;
}

void mdx_table_init(mdx_doc *doc, mdx_node *node, uint32_t cells, const char *s,
                    uint32_t delim_start, uint32_t delim_end) {
  uint8_t *align = mdx_arena_alloc(&doc->arena, cells ? cells : 1);
  mdx_table_delimiter(s, delim_start, delim_end, align);
  node->type = MDX_NODE_TABLE;
  node->flags = 0;
  node->line_count = node->line_cap = 0;
  node->value.ptr = (const char *)align; /* table: one MDX_ALIGN_* per column */
  node->value.len = cells;
}

int mdx_table_align(const mdx_node *table, uint32_t i) {
  return i < table->value.len ? (unsigned char)table->value.ptr[i] : MDX_ALIGN_NONE;
}

typedef struct row_ctx {
  mdx_doc *doc;
  mdx_node *row;
} row_ctx;

static void add_cell(void *ctx, uint32_t start, uint32_t end, uint32_t cs, uint32_t ce) {
  row_ctx *r = ctx;
  const char *s = r->doc->src;
  mdx_node *cell = mdx_node_new(&r->doc->arena, MDX_NODE_TABLE_CELL, start, end);
  while (cs < ce && mdx_is_space(s[cs])) cs++;     /* bounded: the cell */
  while (ce > cs && mdx_is_space(s[ce - 1])) ce--; /* bounded: the cell */
  if (ce > cs) {
    cell->lines = mdx_arena_alloc(&r->doc->arena, sizeof *cell->lines);
    cell->lines[0] = (mdx_line){cs, ce, ce, 0, 0, 0};
    cell->line_count = cell->line_cap = 1;
  }
  mdx_node_append(r->row, cell);
}

void mdx_table_add_row(mdx_doc *doc, mdx_node *table, uint32_t start, uint32_t end) {
  mdx_node *row = mdx_node_new(&doc->arena, MDX_NODE_TABLE_ROW, start, end);
  mdx_node_append(table, row);
  row_ctx r = {doc, row};
  split_row(doc->src, start, end, add_cell, &r);
}

/* mdast-util-gfm-table's exitCodeText: value.replace(/\\([\\|])/g, ...) keeping `\\`
 * and turning `\|` into `|`. */
void mdx_table_code_unescape(mdx_doc *doc, mdx_node *code) {
  const char *v = code->value.ptr;
  uint32_t n = code->value.len, i = 0;
  while (i + 1 < n && !(v[i] == '\\' && v[i + 1] == '|')) /* bounded: n */
    i += v[i] == '\\' && v[i + 1] == '\\' ? 2 : 1;
  if (i + 1 >= n) return;
  char *out = mdx_arena_alloc(&doc->arena, n);
  memcpy(out, v, i);
  uint32_t o = i;
  while (i < n) { /* bounded: n */
    if (v[i] == '\\' && i + 1 < n && (v[i + 1] == '|' || v[i + 1] == '\\')) {
      if (v[i + 1] == '\\') out[o++] = '\\';
      out[o++] = v[i + 1];
      i += 2;
    } else {
      out[o++] = v[i++];
    }
  }
  code->value.ptr = out;
  code->value.len = o;
}
