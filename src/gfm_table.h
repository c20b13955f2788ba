/* GFM tables (gfm_table.c): rows and cells as micromark-extension-gfm-table reads them and
 * mdast-util-gfm-table builds them. blocks.c decides where a table starts (a paragraph's
 * last line followed by a matching delimiter row) and which lines are its rows; this
 * file reads the lines themselves. */
#ifndef MDX_GFM_TABLE_H
#define MDX_GFM_TABLE_H

#include <stdint.h>

#include "doc.h"

/* Column alignments, as stored in the table node and in OCP (docs/ocp.md). */
enum { MDX_ALIGN_NONE = 0, MDX_ALIGN_LEFT = 1, MDX_ALIGN_RIGHT = 2, MDX_ALIGN_CENTER = 3 };

/* Cells of a head row s[start, end) (start at its first non-whitespace byte, end at the
 * line ending), or 0 when the line cannot be a head row (a lone `|`). */
uint32_t mdx_table_head_cells(const char *s, uint32_t start, uint32_t end);

/* A delimiter row s[start, end) (its indentation already skipped; end at the line
 * ending): returns its cell count, 0 when it is not one (micromark also wants a `|` or a
 * `:` in it, so `---` stays a setext underline). When `align` is not NULL, it receives
 * one MDX_ALIGN_* per cell. */
uint32_t mdx_table_delimiter(const char *s, uint32_t start, uint32_t end, uint8_t *align);

/* Makes `node` (a new node, or the paragraph that held the head row) a table of `cells`
 * columns aligned as the delimiter row s[delim_start, delim_end) says (already checked
 * with mdx_table_delimiter). The alignments live in node->value (one byte a column). */
void mdx_table_init(mdx_doc *doc, mdx_node *node, uint32_t cells, const char *s,
                    uint32_t delim_start, uint32_t delim_end);

/* The alignment of column `i` of a table node. */
int mdx_table_align(const mdx_node *table, uint32_t i);

/* Appends the row s[start, end) to `table`, with its cells; each cell's content (the text
 * between its pipes, trimmed) becomes its one content line for the inline phase. */
void mdx_table_add_row(mdx_doc *doc, mdx_node *table, uint32_t start, uint32_t end);

/* What mdast-util-gfm-table does to code in table cells: `\|` in an inline code value
 * becomes `|` (`\\` stays). Called by the inline phase as it makes the code node, so
 * that an image's alt sees the new value too. */
void mdx_table_code_unescape(mdx_doc *doc, mdx_node *code);

#endif
