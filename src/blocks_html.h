/* HTML block (flow) start and end conditions, shared by blocks.c only. */
#ifndef MDX_BLOCKS_HTML_H
#define MDX_BLOCKS_HTML_H

#include <stdint.h>

/* Where the end-condition scan of a line starts (kinds 1-5 only). */
enum { MDX_HTML_SCAN_TEXT = 0, MDX_HTML_SCAN_DECLARATION = 1 };

/* Tries an HTML block start at s[p] (a '<') on a line ending at `end`. Returns the kind
 * (1 raw, 2 comment, 3 instruction, 4 declaration, 5 CDATA, 6 basic, 7 complete tag) or
 * 0. `interrupt`: it would interrupt a paragraph (kind 7 then only on a lazy line).
 * For kinds 1-5, *scan_from and *scan_state say where the end-condition scan resumes. */
int mdx_blocks_html_start(const char *s, uint32_t p, uint32_t end, int interrupt, int lazy,
                          uint32_t *scan_from, int *scan_state);

/* Scans s[p, end) for the end condition of `kind` (1-5), starting in `state`.
 * Returns 1 when the block ends on this line. */
int mdx_blocks_html_ends(const char *s, uint32_t p, uint32_t end, int kind, int state);

#endif
