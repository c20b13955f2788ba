/* GFM autolink literals (gfm_autolink.c): `www.`, `http(s)://` and e-mail addresses in
 * text, as micromark-extension-gfm-autolink-literal reads them, and the find-and-replace
 * transform mdast-util-gfm-autolink-literal runs over text nodes after parsing (its links
 * have no position and micromark's HTML does not show them). */
#ifndef MDX_GFM_AUTOLINK_H
#define MDX_GFM_AUTOLINK_H

#include <stdint.h>

#include "doc.h"

/* What earlier scans of the same leaf found, so that repeated attempts over one stretch
 * (long runs of dots, `www.` or address characters) cost O(1) each. Zero it per leaf. */
typedef struct mdx_autolink_memo {
  uint32_t trail_lo, trail_hi; /* trail checks from [lo, hi] give trail_ok */
  uint32_t run_lo, run_hi;     /* s[run_lo, run_hi) is one run of address characters */
  uint32_t email_fail;         /* an e-mail starting here (+1) is known to fail */
  uint32_t dom_start, dom_end, dom_safe; /* the last domain scan (dom_end 0: none) */
  uint32_t dom_result;         /* its result: end, or UINT32_MAX for none */
  unsigned char trail_ok, trail_set, run_set;
} mdx_autolink_memo;

enum { MDX_AUTOLINK_NONE, MDX_AUTOLINK_WWW, MDX_AUTOLINK_HTTP, MDX_AUTOLINK_EMAIL };

/* At s[pos], one of '@', '_', '.', ':' (the bytes where a literal autolink can first be
 * told apart), with no unbalanced link label open: the literal autolink micromark forms
 * that starts in [lo, pos], if any. Returns its kind and sets [*start, *end). `lo`: where
 * the pending text starts (nothing before it can take part). */
int mdx_autolink_at(mdx_autolink_memo *m, const char *s, uint32_t n, uint32_t lo, uint32_t pos,
                    uint32_t *start, uint32_t *end);

/* mdast-util-gfm-autolink-literal's transform over the text nodes of a leaf's inlines
 * (outside links and link references). Nodes it makes get MDX_FLAG_NOPOS. */
void mdx_autolink_transform(mdx_doc *doc, mdx_node *leaf);

#endif
