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

/* Whether an expression's value holds only whitespace and comments. */
static int empty_js(const char *s, uint32_t n) {
  uint32_t i = 0;
  while (i < n) { /* bounded: n */
    if (mdx_is_space(s[i]) || mdx_is_eol(s[i])) {
      i++;
    } else if (i + 1 < n && s[i] == '/' && s[i + 1] == '*') {
      const char *e = NULL;
      for (uint32_t k = i + 2; k + 1 < n; k++)
        if (s[k] == '*' && s[k + 1] == '/') { e = s + k; break; }
      if (!e) return 0;
      i = (uint32_t)(e - s) + 2;
    } else if (i + 1 < n && s[i] == '/' && s[i + 1] == '/') {
      while (i < n && !mdx_is_eol(s[i])) i++;
    } else {
      return 0;
    }
  }
  return 1;
}

/* Where a second property starts in a spread `...a, b` (value offset), or UINT32_MAX: the
 * first comma outside brackets, strings and comments with more than whitespace after it.
 * A lexical approximation of what the reference asks acorn. */
static uint32_t spread_extra(const char *s, uint32_t n) {
  uint32_t depth = 0, i = 0;
  while (i < n) { /* bounded: n, every branch moves i on */
    char c = s[i];
    if (c == '"' || c == '\'' || c == '`') {
      i++;
      while (i < n && s[i] != c) i += s[i] == '\\' ? 2 : 1; /* bounded: n */
      i++;
    } else if (c == '/' && i + 1 < n && s[i + 1] == '*') {
      i += 2;
      while (i + 1 < n && !(s[i] == '*' && s[i + 1] == '/')) i++; /* bounded: n */
      i += 2;
    } else if (c == '/' && i + 1 < n && s[i + 1] == '/') {
      while (i < n && !mdx_is_eol(s[i])) i++; /* bounded: n */
    } else if (c == '(' || c == '[' || c == '{') {
      depth++, i++;
    } else if (c == ')' || c == ']' || c == '}') {
      if (depth) depth--;
      i++;
    } else if (c == ',' && !depth) {
      i++;
      while (i < n && (mdx_is_space(s[i]) || mdx_is_eol(s[i]))) i++; /* bounded: n */
      return i < n ? i : UINT32_MAX;
    } else {
      i++;
    }
  }
  return UINT32_MAX;
}

/* `{…}` in attribute position that is no spread: the reference parses `({…})` with acorn
 * and reports the first property, or where the object literal breaks. A lexical
 * approximation: a key (name, number or string) and what follows it. */
static uint32_t not_spread(mdx_doc *doc, mdx_tag *t, mdx_str v, uint32_t i) {
  uint32_t key = i, j = i;
  int name = 0;
  if (j < v.len && (v.ptr[j] == '"' || v.ptr[j] == '\'')) {
    char q = v.ptr[j++];
    while (j < v.len && v.ptr[j] != q) j += v.ptr[j] == '\\' ? 2 : 1; /* bounded: v.len */
    j++;
  } else {
    name = j < v.len && !(v.ptr[j] >= '0' && v.ptr[j] <= '9');
    while (j < v.len && !mdx_is_space(v.ptr[j]) && !mdx_is_eol(v.ptr[j]) &&
           !strchr(":(,}{[]+-*/=<>;\"'`", v.ptr[j]))
      j++; /* bounded: v.len */
  }
  while (j < v.len && (mdx_is_space(v.ptr[j]) || mdx_is_eol(v.ptr[j]))) j++; /* bounded */
  int property = j < v.len ? v.ptr[j] == ':' || v.ptr[j] == ',' : name;
  if (!property)
    mdx_syntax_error(doc, mdx_expr_src(&t->expr, j), "acorn", "Could not parse expression with acorn");
  return key;
}

/* The expression of an attribute closed at source offset `close` (the `}`). */
static void expr_done(mdx_doc *doc, mdx_tag *t, uint32_t close) {
  mdx_str v = mdx_expr_value(&t->expr);
  mdx_node *a = t->last_attr;
  a->end = close + 1;
  t->last_end = close + 1;
  if (empty_js(v.ptr, v.len))
    mdx_syntax_error(doc, t->expr.brace + 1, "unexpected-empty-expression",
                     "Unexpected empty expression");
  if (t->in_expr == 1) { /* `{...spread}` */
    uint32_t i = 0;
    while (i < v.len && (mdx_is_space(v.ptr[i]) || mdx_is_eol(v.ptr[i]))) i++;
    /* acorn's own errors, then a second property, then a first that is no spread */
    int spread = v.len - i >= 3 && memcmp(v.ptr + i, "...", 3) == 0;
    uint32_t key = spread ? 0 : not_spread(doc, t, v, i);
    uint32_t extra = spread_extra(v.ptr, v.len);
    /* acorn reads the whole object first: a later property that breaks it (`{a, b c}`) */
    for (uint32_t at = extra; at != UINT32_MAX;) { /* bounded: each round moves past a comma */
      if (!(v.len - at >= 3 && memcmp(v.ptr + at, "...", 3) == 0)) not_spread(doc, t, v, at);
      uint32_t next = spread_extra(v.ptr + at, v.len - at);
      at = next == UINT32_MAX ? next : at + next;
    }
    if (extra != UINT32_MAX)
      mdx_syntax_error(doc, mdx_expr_src(&t->expr, extra), "spread-extra",
                       "Unexpected extra content in spread: only a single spread is supported");
    if (!spread)
      mdx_syntax_error(doc, mdx_expr_src(&t->expr, key), "non-spread",
                       "Unexpected `Property` in code: only spread elements are supported");
  }
  a->title = v;
  t->in_expr = 0;
  t->state = T_ATTR_BEFORE;
}

int mdx_tag_feed(mdx_doc *doc, mdx_tag *t, const char *s, uint32_t i, uint32_t end,
                 int64_t delta, uint32_t *used) {
  if (t->state == T_EXPR && i < end) i = mdx_expr_strip(s, i, end);
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
        mdx_expr_begin(&t->expr, at);
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
        mdx_expr_begin(&t->expr, at);
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
