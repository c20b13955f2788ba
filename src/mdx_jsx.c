/* JSX tags as micromark-extension-mdx-jsx's factory-tag reads them: a state machine fed a
 * line at a time (flow and text share it), building the element node and its attribute
 * nodes (mdx_syntax.h) as it goes. Every character is looked at once. Identifier
 * characters as JavaScript's (mdx_ident.c), `-` too inside JSX names. */
#include <stdio.h>
#include <string.h>

#include "entities.h"
#include "mdx_syntax.h"
#include "scan.h"
#include "unicode.h"

enum {
  T_START_AFTER, T_NAME_BEFORE, T_CLOSING_NAME_BEFORE, T_PRIMARY, T_PRIMARY_AFTER,
  T_MEMBER_BEFORE, T_MEMBER, T_MEMBER_AFTER, T_LOCAL_BEFORE, T_LOCAL, T_LOCAL_AFTER,
  T_ATTR_BEFORE, T_ATTR_NAME, T_ATTR_NAME_AFTER, T_ATTR_LOCAL_BEFORE, T_ATTR_LOCAL,
  T_ATTR_LOCAL_AFTER, T_VALUE_BEFORE, T_VALUE_QUOTED, T_SELF_CLOSING, T_EXPR
};

#define AFTER_NAME                                                                        \
  "a character that can start an attribute name, such as a letter, `$`, or `_`; "        \
  "whitespace before attributes; or the end of the tag"
#define IN_NAME                                                                            \
  "a name character such as letters, digits, `$`, or `_`; whitespace before attributes; " \
  "or the end of the tag"
#define START_NAME "a character that can start a name, such as a letter, `$`, or `_`"
#define AFTER_ATTR                                                                     \
  "a character that can start an attribute name, such as a letter, `$`, or `_`; `=` " \
  "to initialize a value; or the end of the tag"
#define IN_ATTR                                                                            \
  "an attribute name character such as letters, digits, `$`, or `_`; `=` to initialize " \
  "a value; whitespace before attributes; or the end of the tag"
#define NOTE_COMMENT " (note: JS comments in JSX tags are not supported in MDX)"
#define NOTE_LINK " (note: to create a link in MDX, use `[text](url)`)"

static int ws_state(int st) {
  return !(st == T_START_AFTER || st == T_PRIMARY || st == T_MEMBER || st == T_LOCAL ||
           st == T_ATTR_NAME || st == T_ATTR_LOCAL || st == T_VALUE_QUOTED || st == T_EXPR);
}

static int unicode_ws(uint32_t cp) {
  return cp == 0x85 || cp == 0xa0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200a) ||
         cp == 0x2028 || cp == 0x2029 || cp == 0x202f || cp == 0x205f || cp == 0x3000 ||
         cp == 0xfeff;
}
static int is_ws(uint32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
         unicode_ws(cp);
}
static int id_start(uint32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '$' || cp == '_';
  return mdx_ident_start(cp);
}
static int id_cont(uint32_t cp) {
  if (cp < 0x80) return id_start(cp) || (cp >= '0' && cp <= '9') || cp == '-';
  return mdx_ident_cont(cp);
}

/* Throws micromark-extension-mdx-jsx's "Unexpected …" for the state `st` meeting `cp`
 * (UINT32_MAX: end of file) at source offset `at`. */
static void crash(mdx_doc *doc, mdx_tag *t, int st, uint32_t cp, uint32_t at) {
  const char *where = "", *expect = "", *note = "";
  int eof = cp == UINT32_MAX;
  switch (st) {
  case T_START_AFTER: case T_NAME_BEFORE:
    where = "before name", expect = START_NAME;
    if (cp == '!') note = " (note: to create a comment in MDX, use `{/* text */}`)";
    break;
  case T_CLOSING_NAME_BEFORE:
    where = "before name", expect = START_NAME;
    if (cp == '*' || cp == '/') note = NOTE_COMMENT;
    break;
  case T_PRIMARY: where = "in name", expect = IN_NAME; if (cp == '@') note = NOTE_LINK; break;
  case T_PRIMARY_AFTER: where = "after name", expect = AFTER_NAME; break;
  case T_MEMBER_BEFORE: where = "before member name", expect = AFTER_NAME; break;
  case T_MEMBER: where = "in member name", expect = IN_NAME; if (cp == '@') note = NOTE_LINK; break;
  case T_MEMBER_AFTER: where = "after member name", expect = AFTER_NAME; break;
  case T_LOCAL_BEFORE:
    where = "before local name", expect = START_NAME;
    if (cp == '+' || (cp > '.' && cp < ':')) note = NOTE_LINK;
    break;
  case T_LOCAL: where = "in local name", expect = IN_NAME; break;
  case T_LOCAL_AFTER: where = "after local name", expect = AFTER_NAME; break;
  case T_ATTR_BEFORE: where = "before attribute name", expect = AFTER_NAME; break;
  case T_ATTR_NAME: where = "in attribute name", expect = IN_ATTR; break;
  case T_ATTR_NAME_AFTER: where = "after attribute name", expect = AFTER_ATTR; break;
  case T_ATTR_LOCAL_BEFORE: where = "before local attribute name", expect = AFTER_ATTR; break;
  case T_ATTR_LOCAL: where = "in local attribute name", expect = IN_ATTR; break;
  case T_ATTR_LOCAL_AFTER: where = "after local attribute name", expect = AFTER_ATTR; break;
  case T_VALUE_BEFORE:
    where = "before attribute value",
    expect = "a character that can start an attribute value, such as `\"`, `'`, or `{`";
    if (cp == '<') note = " (note: to use an element or fragment as a prop value in MDX, use `{<element />}`)";
    break;
  case T_VALUE_QUOTED:
    mdx_syntax_error(doc, at, "unexpected-eof",
                     "Unexpected end of file in attribute value, expected a corresponding "
                     "closing quote `%c`", t->quote);
    return;
  case T_SELF_CLOSING:
    where = "after self-closing slash", expect = "`>` to end the tag";
    if (cp == '*' || cp == '/') note = NOTE_COMMENT;
    break;
  default: break;
  }
  if (eof)
    mdx_syntax_error(doc, at, "unexpected-eof", "Unexpected end of file %s, expected %s%s",
                     where, expect, note);
  char ch[8];
  if (cp == '`') {
    snprintf(ch, sizeof ch, "` ` `");
  } else {
    uint32_t n = mdx_utf8_put(cp, ch);
    ch[n] = 0;
  }
  mdx_syntax_error(doc, at, "unexpected-character",
                   "Unexpected character `%s` (U+%04X) %s, expected %s%s", ch, (unsigned)cp,
                   where, expect, note);
}

void mdx_tag_begin(mdx_doc *doc, mdx_tag *t, uint32_t at, int text) {
  memset(t, 0, sizeof *t);
  t->state = T_START_AFTER;
  t->text = text;
  t->start = at;
  t->node = mdx_node_new(&doc->arena, text ? MDX_NODE_MDX_JSX_TEXT_ELEMENT
                                           : MDX_NODE_MDX_JSX_FLOW_ELEMENT, at, at + 1);
}

static mdx_node *new_attr(mdx_doc *doc, mdx_tag *t, int kind, uint32_t at) {
  mdx_node *a = mdx_node_new(&doc->arena, kind == MDX_ATTR_SPREAD
                                              ? (mdx_node_type)MDX_NODE_MDX_EXPRESSION_ATTRIBUTE
                                              : (mdx_node_type)MDX_NODE_MDX_ATTRIBUTE,
                             at, at);
  a->num = kind;
  if (t->last_attr) t->last_attr->next = a;
  else t->node->attrs = a;
  t->last_attr = a;
  t->node->num++;
  if ((t->node->flags & MDX_FLAG_JSX_CLOSE) && !t->node->line_count) {
    t->node->flags |= MDX_FLAG_JSX_BAD_ATTR; /* mdx_tree.c reports it in document order */
    t->node->line_count = at;
  }
  return a;
}

static mdx_str copy(mdx_doc *doc, const mdx_sbuf *b) {
  mdx_str s = {mdx_arena_strdup(&doc->arena, b->p ? b->p : "", b->len), b->len};
  return s;
}

/* The value of a quoted attribute with character references decoded. */
static mdx_str decoded(mdx_doc *doc, const mdx_sbuf *b) {
  if (!b->len || !memchr(b->p, '&', b->len)) return copy(doc, b);
  mdx_sbuf out = {0};
  uint32_t i = 0;
  while (i < b->len) { /* bounded: b->len */
    if (b->p[i] == '&') {
      char tmp[8];
      mdx_str v;
      uint32_t used = mdx_char_ref(b->p, b->len, i, tmp, &v);
      if (used) {
        mdx_sbuf_put(&doc->arena, &out, v.ptr, v.len);
        i += used;
        continue;
      }
    }
    mdx_sbuf_put(&doc->arena, &out, b->p + i, 1);
    i++;
  }
  mdx_str s = {out.p ? out.p : "", out.len};
  return s;
}

/* The expression of an attribute closed at source offset `close` (the `}`). */
static void expr_done(mdx_doc *doc, mdx_tag *t, uint32_t close) {
  mdx_str v = mdx_expr_value(&t->expr);
  mdx_node *a = t->last_attr;
  a->end = close + 1;
  t->last_end = close + 1;
  if (t->expr.empty) /* as checked when the `}` closed it */
    mdx_syntax_error(doc, t->expr.brace + 1, "unexpected-empty-expression",
                     "Unexpected empty expression");
  if (t->in_expr == 1) { /* `{...spread}`: the reference parsed `({…})`; now its shape */
    const mdx_js_check *c = &t->expr.check;
    if (c->spread_count > 1)
      mdx_syntax_error(doc, mdx_expr_src(&t->expr, c->spread_second_at), "spread-extra",
                       "Unexpected extra content in spread: only a single spread is supported");
    if (c->spread_count == 1 && !c->spread_first_is_spread)
      mdx_syntax_error(doc, mdx_expr_src(&t->expr, c->spread_first_at), "non-spread",
                       "Unexpected `Property` in code: only spread elements are supported");
  }
  a->title = v;
  t->in_expr = 0;
  t->state = T_ATTR_BEFORE;
}

int mdx_tag_feed(mdx_doc *doc, mdx_tag *t, const char *s, uint32_t i, uint32_t end,
                 int64_t delta, uint32_t *used) {
  if (t->state == T_EXPR) /* a continuation line */
    i = mdx_expr_line(doc, &t->expr, s, i, end, t->line_col, t->line_vs, delta);
  if (t->state == T_VALUE_QUOTED && t->value_eol) { /* esWhitespace: not in the value */
    while (i < end && (s[i] == ' ' || s[i] == '\t')) i++;
    t->value_eol = 0;
  }
  while (i < end) { /* bounded: every round consumes a character or changes state once */
    if (t->state == T_EXPR) {
      uint32_t k = mdx_expr_feed(doc, &t->expr, s, i, end, delta);
      if (k == end) return MDX_TAG_MORE;
      expr_done(doc, t, (uint32_t)(k + delta));
      i = k + 1;
      continue;
    }
    uint32_t cp;
    uint32_t n = mdx_utf8_next(s, end, i, &cp);
    uint32_t at = (uint32_t)(i + delta);
    int st = t->state;
    if (ws_state(st) && is_ws(cp)) {
      i += n;
      continue;
    }
    mdx_node *el = t->node;
    switch (st) {
    case T_START_AFTER:
      if (cp == ' ' || cp == '\t') return MDX_TAG_NOT;
      t->state = T_NAME_BEFORE;
      continue;
    case T_NAME_BEFORE:
    case T_CLOSING_NAME_BEFORE:
      if (cp == '/' && st == T_NAME_BEFORE) {
        el->flags |= MDX_FLAG_JSX_CLOSE;
        el->line_cap = at; /* where the closing slash is (mdx_tree.c) */
        t->state = T_CLOSING_NAME_BEFORE;
        i += n;
        continue;
      }
      if (cp == '>') goto done;
      if (!id_start(cp)) crash(doc, t, st, cp, at);
      mdx_sbuf_put(&doc->arena, &t->name, s + i, n);
      t->state = T_PRIMARY;
      i += n;
      continue;
    case T_PRIMARY:
    case T_MEMBER:
    case T_LOCAL:
      if (id_cont(cp)) {
        mdx_sbuf_put(&doc->arena, &t->name, s + i, n);
        i += n;
        continue;
      }
      if (cp == '/' || cp == '>' || cp == '{' || is_ws(cp) || (cp == '.' && st != T_LOCAL) ||
          (cp == ':' && st == T_PRIMARY)) {
        t->state = st + 1;
        continue;
      }
      crash(doc, t, st, cp, at);
      break;
    case T_PRIMARY_AFTER:
    case T_MEMBER_AFTER:
    case T_LOCAL_AFTER:
      if (cp == '.' && st != T_LOCAL_AFTER) {
        mdx_sbuf_put(&doc->arena, &t->name, ".", 1);
        t->state = T_MEMBER_BEFORE;
        i += n;
        continue;
      }
      if (cp == ':' && st == T_PRIMARY_AFTER) {
        mdx_sbuf_put(&doc->arena, &t->name, ":", 1);
        t->state = T_LOCAL_BEFORE;
        i += n;
        continue;
      }
      if (cp == '/' || cp == '>' || cp == '{' || id_start(cp)) {
        el->url = copy(doc, &t->name);
        t->state = T_ATTR_BEFORE;
        continue;
      }
      crash(doc, t, st, cp, at);
      break;
    case T_MEMBER_BEFORE:
    case T_LOCAL_BEFORE:
      if (!id_start(cp)) crash(doc, t, st, cp, at);
      mdx_sbuf_put(&doc->arena, &t->name, s + i, n);
      t->state = st + 1;
      i += n;
      continue;
    case T_ATTR_BEFORE:
      if (cp == '/') {
        el->flags |= MDX_FLAG_JSX_SELF;
        if ((el->flags & MDX_FLAG_JSX_CLOSE) && !el->line_count) {
          el->flags |= MDX_FLAG_JSX_BAD_SELF;
          el->line_count = at;
        }
        t->state = T_SELF_CLOSING;
        i += n;
        continue;
      }
      if (cp == '>') goto done;
      if (cp == '{') {
        new_attr(doc, t, MDX_ATTR_SPREAD, at);
        mdx_expr_begin(&t->expr, at, MDX_JS_GOAL_SPREAD, 0);
        t->in_expr = 1;
        t->state = T_EXPR;
        i += n;
        continue;
      }
      if (!id_start(cp)) crash(doc, t, st, cp, at);
      new_attr(doc, t, MDX_ATTR_BOOLEAN, at)->end = at + n;
      t->buf.len = 0;
      mdx_sbuf_put(&doc->arena, &t->buf, s + i, n);
      t->state = T_ATTR_NAME;
      i += n;
      continue;
    case T_ATTR_NAME:
    case T_ATTR_LOCAL:
      if (id_cont(cp)) {
        mdx_sbuf_put(&doc->arena, &t->buf, s + i, n);
        t->last_attr->end = at + n;
        i += n;
        continue;
      }
      if (cp == '/' || cp == '=' || cp == '>' || cp == '{' || is_ws(cp) ||
          (cp == ':' && st == T_ATTR_NAME)) {
        t->last_attr->url = copy(doc, &t->buf);
        t->state = st + 1;
        continue;
      }
      crash(doc, t, st, cp, at);
      break;
    case T_ATTR_NAME_AFTER:
    case T_ATTR_LOCAL_AFTER:
      if (cp == ':' && st == T_ATTR_NAME_AFTER) {
        mdx_sbuf_put(&doc->arena, &t->buf, ":", 1);
        t->state = T_ATTR_LOCAL_BEFORE;
        i += n;
        continue;
      }
      if (cp == '=') {
        t->state = T_VALUE_BEFORE;
        i += n;
        continue;
      }
      if (cp == '/' || cp == '>' || cp == '{' || id_start(cp)) {
        t->state = T_ATTR_BEFORE;
        continue;
      }
      crash(doc, t, st, cp, at);
      break;
    case T_ATTR_LOCAL_BEFORE:
      if (!id_start(cp)) crash(doc, t, st, cp, at);
      mdx_sbuf_put(&doc->arena, &t->buf, s + i, n);
      t->last_attr->end = at + n;
      t->state = T_ATTR_LOCAL;
      i += n;
      continue;
    case T_VALUE_BEFORE:
      if (cp == '"' || cp == '\'') {
        t->quote = (char)cp;
        t->buf.len = 0;
        t->last_attr->num = MDX_ATTR_STRING;
        t->state = T_VALUE_QUOTED;
        i += n;
        continue;
      }
      if (cp == '{') {
        t->last_attr->num = MDX_ATTR_EXPRESSION;
        mdx_expr_begin(&t->expr, at, MDX_JS_GOAL_EXPRESSION, 0);
        t->in_expr = 2;
        t->state = T_EXPR;
        i += n;
        continue;
      }
      crash(doc, t, st, cp, at);
      break;
    case T_VALUE_QUOTED: {
      const char *q = memchr(s + i, t->quote, end - i);
      uint32_t stop = q ? (uint32_t)(q - s) : end;
      mdx_sbuf_put(&doc->arena, &t->buf, s + i, stop - i);
      i = stop;
      if (q) {
        t->last_attr->title = decoded(doc, &t->buf);
        t->last_attr->end = (uint32_t)(stop + 1 + delta);
        t->state = T_ATTR_BEFORE;
        i++;
      }
      continue;
    }
    case T_SELF_CLOSING:
      if (cp == '>') goto done;
      crash(doc, t, st, cp, at);
      break;
    default: break;
    }
    continue;
  done:
    if (st == T_NAME_BEFORE || st == T_CLOSING_NAME_BEFORE) el->url.ptr = NULL; /* fragment */
    el->end = at + 1;
    *used = i + 1;
    return MDX_TAG_DONE;
  }
  return MDX_TAG_MORE;
}

int mdx_tag_eol(mdx_doc *doc, mdx_tag *t, const char *s, uint32_t i, uint32_t end,
                int64_t delta) {
  switch (t->state) {
  case T_START_AFTER: return 0;
  case T_VALUE_QUOTED:
    mdx_sbuf_put(&doc->arena, &t->buf, s + i, end - i);
    t->value_eol = 1;
    return 1;
  case T_EXPR: mdx_expr_feed(doc, &t->expr, s, i, end, delta); return 1;
  case T_PRIMARY: case T_MEMBER: case T_LOCAL: t->state++; return 1;
  case T_ATTR_NAME: case T_ATTR_LOCAL:
    t->last_attr->url = copy(doc, &t->buf);
    t->state++;
    return 1;
  default: return 1;
  }
}

void mdx_tag_eof(mdx_doc *doc, mdx_tag *t, uint32_t at) {
  if (t->state == T_EXPR) mdx_expr_unclosed(doc, &t->expr, at);
  int st = t->state;
  if (st == T_START_AFTER) st = T_NAME_BEFORE;
  crash(doc, t, st, UINT32_MAX, at);
}
