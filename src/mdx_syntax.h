/* MDX (format: 'mdx') inside the core: expressions `{…}`, JSX tags, ESM, and the syntax
 * errors the reference (micromark-extension-mdxjs + mdast-util-mdx) throws. The block
 * phase (blocks.c) hands flow lines to mdx_flow.c, the inline phase (inlines.c) hands
 * `{` and `<` to mdx_text_*; mdx_tree.c nests tags into elements afterwards. */
#ifndef MDX_SYNTAX_H
#define MDX_SYNTAX_H

#include <stdint.h>

#include "doc.h"
#include "jscheck.h"
#include "jsscan.h"

/* Internal node types (never encoded as nodes): attributes chained off an element by
 * `attrs` and `next`. num = MDX_ATTR_* kind; url = name; title = value. */
enum { MDX_NODE_MDX_ATTRIBUTE = 35, MDX_NODE_MDX_EXPRESSION_ATTRIBUTE = 36 };
enum { MDX_ATTR_BOOLEAN = 0, MDX_ATTR_STRING = 1, MDX_ATTR_EXPRESSION = 2, MDX_ATTR_SPREAD = 3 };

/* Element flags while tags are still flat (mdx_tree.c pairs them). */
enum {
  MDX_FLAG_JSX_CLOSE = 1 << 9, /* a closing tag `</a>` */
  MDX_FLAG_JSX_SELF = 1 << 10, /* self-closing `<a/>` */
  MDX_FLAG_JSX_DONE = 1 << 11, /* an element with its children (paired) */
  /* a closing tag with an attribute / a self-closing slash (line_count: where) */
  MDX_FLAG_JSX_BAD_ATTR = 1 << 12,
  MDX_FLAG_JSX_BAD_SELF = 1 << 13,
  /* paired: line_count = end of the opening tag, line_cap = start of the closing tag */
  MDX_FLAG_JSX_PAIRED = 1 << 14
};

/* ---- errors (mdx_err.c) ---- */
/* Fills doc->err for source byte offset `at` and jumps back to mdx_parse (MDX_ESYNTAX). */
void mdx_syntax_error(mdx_doc *doc, uint32_t at, const char *rule, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

/* The same for the checker's verdict on JavaScript: acorn's words go to the error's
 * cause. */
void mdx_js_error(mdx_doc *doc, uint32_t at, const char *reason, const mdx_js_check *check);

/* The JavaScript checker's work memory, emptied: what a check leaves there (messages,
 * imported names with escapes) lasts until the next call. */
mdx_arena *mdx_js_scratch(mdx_doc *doc);

/* "line:column" of source offset `at`, for messages. */
void mdx_err_point(mdx_doc *doc, uint32_t at, char out[32]);

/* Non-ASCII identifier characters as the reference tests them (mdx_ident.c, generated). */
int mdx_ident_start(uint32_t cp);
int mdx_ident_cont(uint32_t cp);
/* ID_Start / ID_Continue outside the BMP (code points 0x10000 and up), for jscheck.c. */
int mdx_ident_start_astral(uint32_t cp);
int mdx_ident_cont_astral(uint32_t cp);

/* ---- a growable byte buffer in the arena ---- */
typedef struct mdx_sbuf {
  char *p;
  uint32_t len, cap;
} mdx_sbuf;
void mdx_sbuf_put(mdx_arena *arena, mdx_sbuf *b, const char *s, uint32_t len);

/* ---- expressions (mdx_expr.c) ---- */
typedef struct mdx_expr {
  mdx_js_scan js;
  uint32_t brace;     /* source offset of `{` */
  mdx_sbuf val;       /* the value so far */
  uint32_t *map;      /* pairs (value offset, source offset) where each piece starts */
  uint32_t map_n, map_cap;
  uint8_t goal;       /* MDX_JS_GOAL_EXPRESSION, or _SPREAD for `{...a}` attributes */
  uint8_t allow_empty; /* flow and text expressions may be empty: `{}`, a comment alone */
  uint8_t empty;      /* the value last checked was empty (mdx_js_empty) */
  uint8_t closes;     /* a `}` was met where the reference asked acorn, and it failed */
  uint32_t last_close; /* the value's length at the last such `}` */
  uint32_t last_close_map; /* map_n then */
  mdx_js_check check; /* the checker's verdict on the value that closed it */
} mdx_expr;

/* Starts an expression at the `{` at source offset `brace`. */
void mdx_expr_begin(mdx_expr *e, uint32_t brace, mdx_js_goal goal, int allow_empty);
/* Feeds s[i, end) whose source offset is index + delta. Returns the index of the closing
 * `}` (not added to the value), or `end` if it is not in the piece. As in the reference,
 * the closing `}` is the first before which the value parses as JavaScript (the JS
 * scanner picks the candidates, the checker decides); e->check holds that verdict. */
uint32_t mdx_expr_feed(mdx_doc *doc, mdx_expr *e, const char *s, uint32_t i, uint32_t end,
                       int64_t delta);
/* Throws the reference's error for an expression that never closed, at `eof`. */
void mdx_expr_unclosed(mdx_doc *doc, mdx_expr *e, uint32_t eof);
/* A continuation line of the expression whose content (after container prefixes) starts
 * at s[i] (source offset i + delta), at column `col` of the line (only col % 4 matters),
 * `vs` virtual spaces of a tab a container prefix split still ahead: strips the prefix
 * the reference strips (up to 2 codes of whitespace, a tab one of them) and adds what is
 * left of split tabs to the value as spaces. Returns the index after the prefix. */
uint32_t mdx_expr_line(mdx_doc *doc, mdx_expr *e, const char *s, uint32_t i, uint32_t end,
                       uint32_t col, uint32_t vs, int64_t delta);
mdx_str mdx_expr_value(mdx_expr *e);
/* Whether a value counts as empty for the reference: only whitespace once block comments
 * and then line comments that end in a line ending are taken out. */
int mdx_js_empty(mdx_arena *arena, const char *s, uint32_t n);
/* Source offset of a value offset (linear in the lines: for error messages). */
uint32_t mdx_expr_src(const mdx_expr *e, uint32_t at);

/* ---- JSX tags (mdx_jsx.c) ---- */
typedef struct mdx_tag {
  int state;
  int text;          /* in text (lazy lines allowed) */
  mdx_node *node;    /* the element node being filled */
  mdx_node *attr, *last_attr;
  mdx_sbuf name, buf;
  mdx_expr expr;     /* an attribute expression being read */
  int in_expr;
  char quote;
  int value_eol;     /* a quoted value went over a line ending */
  uint32_t start;    /* source offset of `<` */
  uint32_t last_end; /* source end of the last token */
  uint32_t line_col, line_vs; /* where the next line's content starts (mdx_expr_line) */
} mdx_tag;

enum { MDX_TAG_MORE = 0, MDX_TAG_DONE = 1, MDX_TAG_NOT = 2 };
/* Starts a tag at `<` (source offset `at`). */
void mdx_tag_begin(mdx_doc *doc, mdx_tag *t, uint32_t at, int text);
/* Feeds line content s[i, end) (source offset = index + delta). Returns MDX_TAG_DONE with
 * *used = the index after `>`, MDX_TAG_NOT if this is no tag (`<` then whitespace),
 * MDX_TAG_MORE if the line ended inside the tag. Syntax errors throw. */
int mdx_tag_feed(mdx_doc *doc, mdx_tag *t, const char *s, uint32_t i, uint32_t end,
                 int64_t delta, uint32_t *used);
/* The line ending s[i, end) inside the tag; 0 if it ends the tag attempt (not a tag). */
int mdx_tag_eol(mdx_doc *doc, mdx_tag *t, const char *s, uint32_t i, uint32_t end,
                int64_t delta);
/* End of input inside the tag: throws. */
void mdx_tag_eof(mdx_doc *doc, mdx_tag *t, uint32_t at);

/* ---- flow (mdx_flow.c) ---- */
typedef struct mdx_flow mdx_flow;
enum { MDX_FLOW_MORE = 0, MDX_FLOW_DONE = 1, MDX_FLOW_NOT = 2 };
mdx_flow *mdx_flow_new(mdx_doc *doc);
/* A flow line group (tags and expressions alone on their lines) starting at s[i]
 * (`<` or `{`); `le`/`ln`: the line's content end and next line start. */
int mdx_flow_start(mdx_flow *f, uint32_t i, uint32_t le, uint32_t ln, uint32_t line);
/* The next line of a group: content from `from` (after container prefixes), at column
 * `col` of the line with `vs` virtual spaces of a split tab still ahead. */
int mdx_flow_line(mdx_flow *f, uint32_t from, uint32_t col, uint32_t vs, uint32_t le,
                  uint32_t ln, uint32_t line);
/* End of input inside a group: throws. */
void mdx_flow_eof(mdx_flow *f);
/* The group ended at `at` by new containers (the reference's flow sees its end there). */
void mdx_flow_eof_at(mdx_flow *f, uint32_t at);
/* The nodes of a finished group (linked by next, first first); the group is reset. */
mdx_node *mdx_flow_take(mdx_flow *f, uint32_t *end, uint32_t *end_line);
/* After MDX_FLOW_NOT: the lines the group read before this one (to become a paragraph). */
const mdx_line *mdx_flow_lines(mdx_flow *f, uint32_t *count);
/* A lazy line inside an open group: throws the reference's error. */
void mdx_flow_lazy(mdx_flow *f, uint32_t at);

/* ESM: whether the line at s[i] starts `import ` or `export `. */
int mdx_esm_start(const char *s, uint32_t i, uint32_t le);
/* An ESM block being read. The reference asks acorn at each blank line (and at the end
 * of input) and reads on past the blank line while acorn fails only for lack of input.
 * The JS scanner says where that is sure (something open, or an operand missing); the
 * checker (jscheck.c) decides the rest. */
typedef struct mdx_esm {
  mdx_js_scan js;
  uint32_t start; /* source offset of `import` / `export` */
  uint32_t fed;   /* source fed to the scanner so far */
  uint32_t checks; /* blank lines where the checker asked for more (MDX_MAX_ESM_CHECKS) */
} mdx_esm;
void mdx_esm_begin(mdx_esm *esm, uint32_t start);
/* Whether the block is complete with the source up to `to` (a blank line's start, or the
 * end of input when `eof`). Throws the reference's error where it throws: acorn's, or a
 * statement that is no import/export. A complete block's imported names are recorded
 * for the blocks after it. */
int mdx_esm_complete(mdx_doc *doc, mdx_esm *esm, uint32_t to, int eof);

/* ---- text (mdx_text.c) ---- */
typedef struct mdx_view mdx_view;
/* `{` at view offset `pos`: the mdxTextExpression node in *out; returns the view offset
 * after `}`. Unclosed expressions throw. */
uint32_t mdx_text_expression(mdx_doc *doc, mdx_view *v, uint32_t pos, mdx_node **out);
/* `<` at view offset `pos`: 0 if it is no tag (then it is text), else the offset after
 * `>` and the (flat) mdxJsxTextElement in *out. */
uint32_t mdx_text_tag(mdx_doc *doc, mdx_view *v, uint32_t pos, mdx_node **out);

/* ---- tree (mdx_tree.c) ---- */
/* Pairs flat tags under `parent`'s subtree (block level: flow elements) into elements. */
void mdx_tree_nest(mdx_doc *doc, mdx_node *root, int text);

#endif
