/* GFM task list items (gfm_tasks.c): the check `[ ]` / `[x]` that starts the first
 * paragraph of a list item, as micromark-extension-gfm-task-list-item reads it and
 * mdast-util-gfm-task-list-item turns it into `listItem.checked`. */
#ifndef MDX_GFM_TASKS_H
#define MDX_GFM_TASKS_H

#include "scan.h"

/* Whether `leaf` is where micromark looks for a check: a paragraph that is a list item's
 * first child, or that follows only link reference definitions of its own content chunk
 * (no blank line between them). */
int mdx_task_paragraph(const mdx_doc *doc, const mdx_node *leaf);

/* The check at the start of the view, if any: returns the view offset just after its
 * `]` and sets *checked, or returns 0. */
uint32_t mdx_task_check(const mdx_view *v, int *checked);

/* After the inline phase of a paragraph whose check was taken (it ended at view offset
 * `after`): sets the list item's `checked`, and does what mdast-util-gfm-task-list-item
 * does on exit of the paragraph (drop the first character of a leading text node, the
 * paragraph then starting where that text now starts). Records in the paragraph's `num`
 * what the HTML renderer needs (see MDX_TASK_*). */
void mdx_task_finish(mdx_doc *doc, mdx_node *leaf, int checked);

/* paragraph->num of a task paragraph: bit 0 set, bit 1 checked, bits 8-15 the character
 * dropped from the leading text (0: none), which micromark's HTML still prints. */
enum { MDX_TASK_SET = 1, MDX_TASK_CHECKED = 2, MDX_TASK_CHAR_SHIFT = 8 };

#endif
