/* GFM task list items. micromark tries the check only where the text of the first
 * content chunk of a list item starts; the check is `[`, one space, tab, line ending,
 * `x` or `X`, `]`, then a line ending, or spaces/tabs followed by anything but the end
 * of the paragraph. The check itself becomes no node: the list item gets `checked`, and
 * the mdast utility trims one character off the text that follows it. */
#include "gfm_tasks.h"

static int is_eol(char ch) { return ch == '\n' || ch == '\r'; }

/* Line endings in src[from, to): two or more mean a blank line lies between. */
static uint32_t eols_between(const char *s, uint32_t from, uint32_t to) {
  uint32_t count = 0;
  for (uint32_t i = from; i < to && count < 2; i++) { /* bounded: the gap */
    if (s[i] == '\n' || (s[i] == '\r' && !(i + 1 < to && s[i + 1] == '\n'))) count++;
  }
  return count;
}

int mdx_task_paragraph(const mdx_doc *doc, const mdx_node *leaf) {
  if (leaf->type != MDX_NODE_PARAGRAPH || !leaf->parent ||
      leaf->parent->type != MDX_NODE_LIST_ITEM)
    return 0;
  /* Walk back over definitions: only the list item's first paragraph gets here past its
   * first sibling, so the walks add up to the number of children (linear). */
  const mdx_node *k = leaf;
  while (k->prev) { /* bounded: siblings */
    if (k->prev->type != MDX_NODE_DEFINITION) return 0;
    if (eols_between(doc->src, k->prev->end, k->start) > 1) return 0;
    k = k->prev;
  }
  return 1;
}

uint32_t mdx_task_check(const mdx_view *v, int *checked) {
  const char *s = v->s;
  uint32_t n = v->n;
  if (n < 3 || s[0] != '[') return 0;
  uint32_t i = 1;
  char value = s[1];
  if (value == 'x' || value == 'X' || value == ' ' || value == '\t') {
    i = 2;
  } else if (is_eol(value)) {
    /* The line ending is the value: `]` must then open the next line's text, with no
     * whitespace before it (micromark would see that whitespace first). */
    if (v->count < 2 || v->lines[1].cstart != v->lines[1].start) return 0;
    i = v->lines[1].start;
  } else {
    return 0;
  }
  if (i >= n || s[i] != ']') return 0;
  i++;
  if (i < n && !is_eol(s[i])) {
    if (s[i] != ' ' && s[i] != '\t') return 0;
    uint32_t j = i;
    while (j < n && (s[j] == ' ' || s[j] == '\t')) j++; /* bounded: n */
    if (j >= n) return 0; /* only whitespace up to the end of the paragraph */
  } else if (i >= n) {
    return 0; /* nothing after the check */
  }
  *checked = value == 'x' || value == 'X';
  return i;
}

void mdx_task_finish(mdx_doc *doc, mdx_node *leaf, int checked) {
  mdx_node *item = leaf->parent;
  item->flags |= MDX_FLAG_CHECKED_SET;
  if (checked) item->flags |= MDX_FLAG_CHECKED;
  int32_t num = MDX_TASK_SET | (checked ? MDX_TASK_CHECKED : 0);
  mdx_node *head = leaf->first_child;
  if (head && head->type == MDX_NODE_TEXT && head->value.len) {
    /* The text after a check starts with a space, tab or line ending (ASCII). */
    char removed = head->value.ptr[0];
    num |= (int32_t)(unsigned char)removed << MDX_TASK_CHAR_SHIFT;
    head->value.ptr++;
    head->value.len--;
    if (!head->value.len) {
      mdx_node_unlink(head);
    } else {
      /* mdast-util-gfm-task-list-item moves the start one column on, even past a line
       * ending: then the point stays on the line ending's line, one column past it, while
       * its offset is the next line's start (after `\r\n` it is the `\n`, consistent). */
      head->start++;
      leaf->start = head->start;
      if (removed == '\n' || (removed == '\r' && head->value.ptr[0] != '\n')) {
        head->flags |= MDX_FLAG_AFTER_EOL;
        leaf->flags |= MDX_FLAG_AFTER_EOL;
      }
    }
  }
  (void)doc;
  leaf->num = num;
}
