/* JavaScript syntax checker with acorn's verdicts and error positions (jscheck.h).
 *
 * Design. A recursive-descent recogniser with one token of lookahead, reading tokens on
 * demand. Where acorn's tokenizer guesses from a context stack whether `/` starts a
 * regular expression, `<` a JSX tag or `}` the rest of a template, here the parser says
 * so: a `/` token where an operand is expected is read again as a regex, `}` ending a
 * template substitution is read again as template text, and JSX children and tags are
 * read in modes the parser picks. Expressions and patterns get small arena nodes (type,
 * span, children), enough for acorn's cover-grammar checks (an expression re-read as an
 * assignment target or as arrow parameters), for the object-literal checks and for the
 * MDX shape checks; statements get none. Scopes keep their declared names in one hash
 * table keyed by (scope serial, name), so redeclaration checks are O(1) per name.
 * Errors longjmp back to mdx_js_check_run; the first raised wins, as in acorn, so the
 * checks run in acorn's order.
 *
 * Positions: all byte offsets. acorn's `pos` (tokenizer position) matters for
 * `raisedAt`: it is the end of the current token, or where the tokenizer stopped.
 *
 * Meant to check all that acorn checks for these options (see the header for the
 * limits). Identifier characters come from Node's Unicode tables (mdx_ident.c); acorn's
 * own may differ for characters added in the newest Unicode versions. */
#include "jscheck.h"

#include <setjmp.h>
#include <stdio.h>
#include <string.h>

#include "limits.h"
#include "mdx.h"
#include "mdx_syntax.h"
#include "unicode.h"
#include "jscheck_props.h"

/* ---------------------------------------------------------------- tokens */

enum {
  T_EOF = 1, T_NAME, T_PRIVATE, T_NUM, T_STRING, T_TEMPLATE, T_INVALID_TEMPLATE, T_REGEX,
  T_JSX_NAME, T_JSX_TEXT, T_JSX_TAG_END, /* `>` inside a JSX tag */
  T_JSX_TAG_START, /* `<` in JSX children */
  T_BRACKET_L, T_BRACKET_R, T_BRACE_L, T_BRACE_R, T_PAREN_L, T_PAREN_R, T_COMMA, T_SEMI,
  T_COLON, T_DOT, T_QUESTION, T_QDOT, T_ARROW, T_ELLIPSIS, T_BACKQUOTE, T_DOLLAR_BRACE,
  T_EQ,      /* = */
  T_ASSIGN,  /* += -= … &&= ||= ??= */
  T_INCDEC,  /* ++ -- */
  T_PREFIX,  /* ! ~ */
  T_PLUSMIN, /* + - */
  T_STARSTAR,
  /* binary operators by precedence (op_prec) */
  T_COALESCE, T_OR, T_AND, T_BITOR, T_BITXOR, T_BITAND, T_EQUALITY, T_RELATIONAL,
  T_SHIFT, T_MODULO, T_STAR, T_SLASH
};

/* Keywords (acorn's keyword tokens); K_NONE for other names. */
enum {
  K_NONE = 0, K_BREAK, K_CASE, K_CATCH, K_CONTINUE, K_DEBUGGER, K_DEFAULT, K_DO, K_ELSE,
  K_FINALLY, K_FOR, K_FUNCTION, K_IF, K_RETURN, K_SWITCH, K_THROW, K_TRY, K_VAR, K_WHILE,
  K_WITH, K_NULL, K_TRUE, K_FALSE, K_INSTANCEOF, K_TYPEOF, K_VOID, K_DELETE, K_NEW, K_IN,
  K_THIS, K_CONST, K_CLASS, K_EXTENDS, K_EXPORT, K_IMPORT, K_SUPER, K_COUNT
};

static const char *const keyword_names[K_COUNT] = {
    "", "break", "case", "catch", "continue", "debugger", "default", "do", "else",
    "finally", "for", "function", "if", "return", "switch", "throw", "try", "var", "while",
    "with", "null", "true", "false", "instanceof", "typeof", "void", "delete", "new", "in",
    "this", "const", "class", "extends", "export", "import", "super"};

/* How the next token is read. */
enum { M_JS, M_TAG, M_CLOSE_TAG, M_CHILDREN, M_TMPL, M_TMPL_END };

/* ---------------------------------------------------------------- nodes */

enum {
  N_IDENT = 1, N_PRIVATE, N_MEMBER, N_CHAIN, N_PAREN, N_OBJECT, N_ARRAY, N_PROPERTY,
  N_SPREAD, N_ASSIGN, N_OBJECT_PATTERN, N_ARRAY_PATTERN, N_ASSIGN_PATTERN, N_REST,
  N_ARROW, N_LITERAL, N_HOLE, N_SUPER, N_CALL, N_FUNCTION, N_OTHER
};

/* Node flags. */
#define NF_COMPUTED 1u
#define NF_METHOD 2u
#define NF_SHORTHAND 4u
#define NF_GET 8u      /* property kind get */
#define NF_SET 16u     /* property kind set */
#define NF_OP_EQ 32u   /* assignment with `=` */
#define NF_PRIV_PROP 64u /* member with a private name */
#define NF_STRING 128u /* literal is a string */

typedef struct jn {
  uint8_t type;
  uint8_t flags;
  uint32_t start, end;
  const char *name; /* identifier / private name / property key name (decoded) */
  uint32_t name_len;
  struct jn *a, *b;   /* children: member object, inner of paren/chain/spread/rest,
                       * assignment left/right, property key/value */
  struct jn *list;    /* object properties, array elements, function params */
  struct jn *next;    /* sibling in a list */
  uint32_t count;     /* list length */
} jn;

/* Appends to a list kept as (head, tail). */
typedef struct jlist {
  jn *head, *tail;
  uint32_t count;
} jlist;

/* ---------------------------------------------------------------- scopes */

#define S_TOP 1u
#define S_FUNCTION 2u
#define S_ASYNC 4u
#define S_GENERATOR 8u
#define S_ARROW 16u
#define S_SIMPLE_CATCH 32u
#define S_SUPER 64u
#define S_DIRECT_SUPER 128u
#define S_STATIC_BLOCK 256u
#define S_FIELD_INIT 512u
#define S_SWITCH 1024u
#define S_VAR (S_TOP | S_FUNCTION | S_STATIC_BLOCK)

enum { B_NONE, B_VAR, B_LEXICAL, B_FUNCTION, B_SIMPLE_CATCH, B_OUTSIDE };

typedef struct jscope {
  uint32_t flags;
  uint32_t var_idx;  /* nearest enclosing scope (this one included) with S_VAR, S_FIELD_INIT
                      * or S_STATIC_BLOCK: acorn's currentVarScope */
  uint32_t this_idx; /* the same but not an arrow: acorn's currentThisScope */
  uint32_t serial;
  const char *catch_name; /* S_SIMPLE_CATCH: the parameter (acorn's lexical[0]) */
  uint32_t catch_len;
} jscope;

/* Entry of a hash table keyed by (owner serial, name). */
typedef struct jentry {
  const char *name;
  uint32_t len;
  uint32_t owner; /* 0: empty slot */
  uint32_t hash;
  uint32_t bits;  /* names: 1 lexical, 2 var, 4 function; private names: state */
  uint32_t pos;
} jentry;

typedef struct jtable {
  jentry *slots;
  uint32_t cap, used;
} jtable;

typedef struct jlabel {
  const char *name; /* NULL for the anonymous loop/switch labels */
  uint32_t len;
  uint8_t kind;     /* 0 none, 1 loop, 2 switch */
  uint32_t stmt_start;
} jlabel;

typedef struct jused { /* a private name used in a class body */
  const char *name;
  uint32_t len, start;
} jused;

typedef struct jclass {
  uint32_t serial;
  jused *used;
  uint32_t n_used, cap_used;
} jclass;

typedef struct jexport { /* acorn's undefinedExports, in insertion order */
  const char *name;
  uint32_t len, pos;
  int alive;
} jexport;

/* ---------------------------------------------------------------- parser state */

typedef struct jp {
  mdx_arena *arena;
  const char *src;
  uint32_t len;
  uint32_t pos; /* tokenizer position (acorn's `pos`) */
  /* current token */
  int type, kw;
  int tok_kw;       /* the keyword the token was read as (kw is cleared when it is retyped) */
  uint32_t start, end;
  int esc;          /* the name had escapes (acorn's containsEsc) */
  const char *val;  /* name / private name (decoded), string value for export names */
  uint32_t val_len;
  int nl_before;    /* a line break between the previous token and this one */
  uint32_t last_start, last_end;
  int prev_type, prev_kw; /* the previous token, for acorn's regex/JSX guess */
  const char *prev_val;
  uint32_t prev_len;
  int regex_ok;     /* the previous token surely leaves acorn expecting an operand: a `/`
                     * starts a regular expression (acorn's exprAllowed, where certain) */
  int brace_regex;  /* set by the parser before it consumes a `}` or `)` after which acorn's
                     * context says an operand comes (statement blocks, function
                     * declarations, `if (…)`): the next `/` starts a regex */
  uint32_t split;   /* 1 + start of an astral letter of which a JSX name took only the
                     * first UTF-16 unit (acorn-jsx): reading on fails there, or 0 */
  int tok_gen;      /* acorn's inGeneratorContext: the nearest `function` or `class` keyword
                     * around (not methods, not arrows) is a `function*` */
  int fn_stat;      /* parse_function: acorn's tokenizer sees this function as a statement
                     * (f_stat context), so a `/` after its body starts a regex */
  int in_template;  /* reading a template chunk: bad escapes make an invalid template */
  int template_bad;
  /* parse state */
  uint32_t depth;
  uint32_t potential_arrow_at;
  int potential_arrow_for_await;
  uint32_t yield_pos, await_pos, await_ident_pos; /* 0 = none (as in acorn) */
  jscope *scopes;
  uint32_t n_scopes, cap_scopes, serial;
  jtable names;     /* declared names per scope */
  const mdx_js_names *pre; /* MODULE: names declared with `var` before the value, or NULL */
  jtable privates;  /* declared private names per class */
  jtable exports;   /* exported names (owner 1) */
  jtable undef_index;
  jexport *undef;
  uint32_t n_undef, cap_undef;
  jlabel *labels;
  uint32_t n_labels, cap_labels;
  jclass *classes;
  uint32_t n_classes, cap_classes;
  /* results */
  jmp_buf fail;
  uint32_t err_pos, err_raised;
  const char *err_msg;
  char *msg_buf;
  mdx_js_check *out;
  int module_goal;
  jlist *export_ids; /* collects the names a declaration binds, for `export`, or NULL */
  uint32_t non_esm_at;
  const char *non_esm_type;
  mdx_str *imports;
  size_t n_imports, cap_imports;
} jp;

/* ---------------------------------------------------------------- errors */

_Noreturn static void raise_at(jp *p, uint32_t pos, const char *msg) {
  p->err_pos = pos;
  p->err_raised = p->pos;
  p->err_msg = msg;
  longjmp(p->fail, 1);
}

/* Messages with a name in them are written into the result's buffer, or the arena when
 * longer. */
_Noreturn static void raise_fmt(jp *p, uint32_t pos, const char *before, const char *name,
                                uint32_t len, const char *after) {
  size_t cap = sizeof p->out->message_buf;
  size_t need = strlen(before) + len + strlen(after) + 1;
  char *buf = p->msg_buf;
  if (need > cap) {
    buf = mdx_arena_alloc_uninit(p->arena, need);
    cap = need;
  }
  snprintf(buf, cap, "%s%.*s%s", before, (int)len, name, after);
  raise_at(p, pos, buf);
}

_Noreturn static void unexpected_at(jp *p, uint32_t pos) { raise_at(p, pos, "Unexpected token"); }
_Noreturn static void unexpected(jp *p) { unexpected_at(p, p->start); }

static void enter_depth(jp *p) {
  if (++p->depth > MDX_MAX_JS_DEPTH) raise_at(p, p->start, "Nesting too deep");
}
static void leave_depth(jp *p) { p->depth--; }

/* ---------------------------------------------------------------- characters */

/* Decodes the code point at s[i] (i < n); *w gets its byte length. Invalid UTF-8 is
 * U+FFFD over one byte. */
static uint32_t cp_at(const char *s, uint32_t n, uint32_t i, uint32_t *w) {
  const unsigned char *u = (const unsigned char *)s;
  uint32_t c = u[i];
  if (c < 0x80) { *w = 1; return c; }
  uint32_t need, cp;
  if (c >= 0xc2 && c <= 0xdf) { need = 1; cp = c & 0x1f; }
  else if (c >= 0xe0 && c <= 0xef) { need = 2; cp = c & 0x0f; }
  else if (c >= 0xf0 && c <= 0xf4) { need = 3; cp = c & 0x07; }
  else { *w = 1; return 0xfffd; }
  if (i + need >= n) { *w = 1; return 0xfffd; }
  for (uint32_t k = 1; k <= need; k++) {
    if ((u[i + k] & 0xc0) != 0x80) { *w = 1; return 0xfffd; }
    cp = (cp << 6) | (u[i + k] & 0x3f);
  }
  *w = need + 1;
  return cp;
}

static int id_start(uint32_t c) {
  if (c < 0x80)
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '$' || c == '_';
  if (c >= 0x10000) return mdx_ident_start_astral(c);
  return mdx_ident_start(c);
}

static int id_char(uint32_t c) {
  if (c < 0x80)
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '$' || c == '_';
  if (c == 0x200c || c == 0x200d) return 1;
  if (c >= 0x10000) return mdx_ident_cont_astral(c);
  return mdx_ident_cont(c);
}

static int is_newline(uint32_t c) { return c == 10 || c == 13 || c == 0x2028 || c == 0x2029; }

static int is_space_cp(uint32_t c) {
  return c == 32 || c == 160 || (c >= 9 && c <= 13) || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200a) || c == 0x202f || c == 0x205f || c == 0x3000 ||
         c == 0xfeff || c == 0x2028 || c == 0x2029;
}

static uint32_t cp(jp *p, uint32_t i, uint32_t *w) {
  if (i >= p->len) { *w = 0; return 0xffffffffu; }
  return cp_at(p->src, p->len, i, w);
}

static int byte(jp *p, uint32_t i) { return i < p->len ? (unsigned char)p->src[i] : -1; }

/* ---------------------------------------------------------------- hash tables */

static uint32_t hash_name(const char *s, uint32_t n) {
  uint32_t h = 2166136261u;
  for (uint32_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
  return h;
}

static jentry *table_find(jp *p, jtable *t, uint32_t owner, const char *s, uint32_t n,
                          int create) {
  if (t->cap == 0 || (create && (t->used + 1) * 2 > t->cap)) {
    if (!create && t->cap == 0) return NULL;
    uint32_t cap = t->cap ? t->cap * 2 : 64;
    jentry *slots = mdx_arena_alloc(p->arena, (size_t)cap * sizeof *slots);
    for (uint32_t i = 0; i < t->cap; i++) {
      jentry *e = &t->slots[i];
      if (!e->owner) continue;
      uint32_t j = (e->hash ^ e->owner * 0x9e3779b9u) & (cap - 1);
      while (slots[j].owner) j = (j + 1) & (cap - 1);
      slots[j] = *e;
    }
    t->slots = slots;
    t->cap = cap;
  }
  uint32_t h = hash_name(s, n);
  uint32_t j = (h ^ owner * 0x9e3779b9u) & (t->cap - 1);
  for (;;) { /* bounded: the table is at most half full */
    jentry *e = &t->slots[j];
    if (!e->owner) break;
    if (e->owner == owner && e->hash == h && e->len == n && memcmp(e->name, s, n) == 0)
      return e;
    j = (j + 1) & (t->cap - 1);
  }
  if (!create) return NULL;
  jentry *e = &t->slots[j];
  e->owner = owner;
  e->hash = h;
  e->name = s;
  e->len = n;
  e->bits = 0;
  e->pos = 0;
  t->used++;
  return e;
}

static void *grow(jp *p, void *arr, uint32_t *cap, uint32_t n, size_t size) {
  if (n < *cap) return arr;
  uint32_t nc = *cap ? *cap * 2 : 16;
  arr = mdx_arena_grow(p->arena, arr, (size_t)*cap * size, (size_t)nc * size);
  *cap = nc;
  return arr;
}

static int name_is(const char *s, uint32_t n, const char *word) {
  if (!n || s[0] != word[0]) return 0; /* most comparisons end here */
  size_t k = strlen(word);
  return n == k && memcmp(s, word, k) == 0;
}

/* ---------------------------------------------------------------- tokenizer */

/* Skips white space and comments from p->pos; notes line breaks in p->nl_before. */
static void skip_space(jp *p) {
  for (;;) {
    int c = byte(p, p->pos);
    if (c < 0) return;
    if (c == ' ' || c == '\t' || c == 11 || c == 12) { p->pos++; continue; }
    if (c == '\n' || c == '\r') { p->nl_before = 1; p->pos++; continue; }
    if (c == '/') {
      int d = byte(p, p->pos + 1);
      if (d == '*') {
        uint32_t start = p->pos;
        p->pos += 2;
        uint32_t i = p->pos;
        while (i + 1 < p->len && !(p->src[i] == '*' && p->src[i + 1] == '/')) i++;
        if (i + 1 >= p->len) raise_at(p, start, "Unterminated comment");
        for (uint32_t k = p->pos; k < i; k++) {
          unsigned char b = (unsigned char)p->src[k];
          if (b == '\n' || b == '\r' ||
              (b == 0xe2 && k + 2 < i + 2 && (unsigned char)p->src[k + 1] == 0x80 &&
               ((unsigned char)p->src[k + 2] == 0xa8 || (unsigned char)p->src[k + 2] == 0xa9)))
            p->nl_before = 1;
        }
        p->pos = i + 2;
        continue;
      }
      if (d == '/') {
        p->pos += 2;
        for (;;) {
          if (p->pos >= p->len) break;
          unsigned char b = (unsigned char)p->src[p->pos];
          if (b == '\n' || b == '\r') break;
          if (b == 0xe2 && p->pos + 2 < p->len && (unsigned char)p->src[p->pos + 1] == 0x80 &&
              ((unsigned char)p->src[p->pos + 2] == 0xa8 || (unsigned char)p->src[p->pos + 2] == 0xa9))
            break; /* U+2028, U+2029 */
          p->pos++;
        }
        continue;
      }
      return;
    }
    if (c < 0x80) return;
    uint32_t w;
    uint32_t ch = cp(p, p->pos, &w);
    if (ch == 0x2028 || ch == 0x2029) { p->nl_before = 1; p->pos += w; continue; }
    if (is_space_cp(ch)) { p->pos += w; continue; }
    return;
  }
}

/* acorn's readInt: digits of `radix` with `_` separators (when len == 0); returns the
 * number of digits read, or -1 for acorn's null. */
static int read_int(jp *p, int radix, uint32_t len, int maybe_legacy_octal) {
  int seps = len == 0;
  int legacy = maybe_legacy_octal && byte(p, p->pos) == '0';
  uint32_t start = p->pos, i = 0;
  int last = 0, digits = 0;
  for (;; i++, p->pos++) {
    if (len && i >= len) break;
    int c = byte(p, p->pos);
    if (seps && c == '_') {
      if (legacy)
        raise_at(p, p->pos, "Numeric separator is not allowed in legacy octal numeric literals");
      if (last == '_') raise_at(p, p->pos, "Numeric separator must be exactly one underscore");
      if (i == 0) raise_at(p, p->pos, "Numeric separator is not allowed at the first of digits");
      last = c;
      continue;
    }
    int v;
    if (c >= 'a') v = c - 'a' + 10;
    else if (c >= 'A') v = c - 'A' + 10;
    else if (c >= '0' && c <= '9') v = c - '0';
    else v = 99;
    if (c < 0 || v >= radix) break;
    last = c;
    digits++;
  }
  if (seps && last == '_') raise_at(p, p->pos - 1, "Numeric separator is not allowed at the last of digits");
  if (p->pos == start || (len && p->pos - start != len)) return -1;
  return digits;
}

static int ident_start_at(jp *p, uint32_t i) {
  uint32_t w;
  uint32_t c = cp(p, i, &w);
  return w && id_start(c);
}

static void read_number(jp *p, int starts_with_dot) {
  uint32_t start = p->pos;
  if (!starts_with_dot && read_int(p, 10, 0, 1) < 0) raise_at(p, start, "Invalid number");
  int octal = p->pos - start >= 2 && p->src[start] == '0';
  if (octal) raise_at(p, start, "Invalid number"); /* strict mode */
  int next = byte(p, p->pos);
  if (!starts_with_dot && next == 'n') {
    p->pos++;
    if (ident_start_at(p, p->pos)) raise_at(p, p->pos, "Identifier directly after number");
    p->type = T_NUM;
    return;
  }
  if (next == '.') {
    p->pos++;
    read_int(p, 10, 0, 0);
    next = byte(p, p->pos);
  }
  if (next == 'e' || next == 'E') {
    next = byte(p, ++p->pos);
    if (next == '+' || next == '-') p->pos++;
    if (read_int(p, 10, 0, 0) < 0) raise_at(p, start, "Invalid number");
  }
  if (ident_start_at(p, p->pos)) raise_at(p, p->pos, "Identifier directly after number");
  p->type = T_NUM;
}

static void read_radix(jp *p, int radix) {
  p->pos += 2;
  if (read_int(p, radix, 0, 0) < 0) {
    static const char *const msgs[] = {"", "", "Expected number in radix 2", "", "", "", "",
                                       "", "Expected number in radix 8"};
    raise_at(p, p->start + 2, radix == 16 ? "Expected number in radix 16" : msgs[radix]);
  }
  if (byte(p, p->pos) == 'n') p->pos++;
  else if (ident_start_at(p, p->pos)) raise_at(p, p->pos, "Identifier directly after number");
  p->type = T_NUM;
}

/* A bad escape: in a template it makes the chunk invalid (acorn throws and re-reads),
 * elsewhere it is an error. Returns only inside templates. */
static void invalid_string_token(jp *p, uint32_t pos, const char *msg) {
  if (p->in_template) {
    p->template_bad = 1;
    return;
  }
  raise_at(p, pos, msg);
}

/* acorn's readHexChar: returns the value, or -1 after invalid_string_token. */
static long read_hex_char(jp *p, uint32_t len) {
  uint32_t code_pos = p->pos;
  uint32_t s = p->pos;
  if (read_int(p, 16, len, 0) < 0) {
    invalid_string_token(p, code_pos, "Bad character escape sequence");
    return -1;
  }
  long v = 0;
  for (uint32_t i = s; i < p->pos && v <= 0x10ffff; i++) {
    int c = (unsigned char)p->src[i];
    v = v * 16 + (c <= '9' ? c - '0' : (c | 32) - 'a' + 10);
  }
  return v;
}

/* acorn's readCodePoint, p->pos after `\u`. Returns the code point or -1. */
static long read_code_point(jp *p) {
  if (byte(p, p->pos) == '{') {
    uint32_t code_pos = ++p->pos;
    const char *close = memchr(p->src + p->pos, '}', p->len - p->pos);
    long len = close ? (long)(close - (p->src + p->pos)) : -1 - (long)p->pos;
    long code;
    if (len <= 0) {
      /* acorn's readInt reads nothing for a count of 0 or less */
      invalid_string_token(p, p->pos, "Bad character escape sequence");
      code = -1;
    } else {
      code = read_hex_char(p, (uint32_t)len);
    }
    if (code < 0) return -1;
    ++p->pos;
    if (code > 0x10ffff) {
      invalid_string_token(p, code_pos, "Code point out of bounds");
      return -1;
    }
    return code;
  }
  return read_hex_char(p, 4);
}

/* acorn's readEscapedChar, p->pos at the backslash. Returns 0, or -1 when a template
 * chunk went bad (p->template_bad). */
static int read_escape(jp *p) {
  p->pos++;
  uint32_t w;
  uint32_t ch = cp(p, p->pos, &w);
  p->pos += w ? w : 1;
  switch (ch) {
  case 'x': return read_hex_char(p, 2) < 0 ? -1 : 0;
  case 'u': return read_code_point(p) < 0 ? -1 : 0;
  case '\r':
    if (byte(p, p->pos) == '\n') p->pos++;
    return 0;
  case '8': case '9':
    invalid_string_token(p, p->pos - 1, p->in_template ? "Invalid escape sequence in template string"
                                                       : "Invalid escape sequence");
    return -1;
  default:
    if (ch >= '0' && ch <= '7') {
      uint32_t s = p->pos - 1, n = 1;
      while (n < 3 && s + n < p->len && p->src[s + n] >= '0' && p->src[s + n] <= '7') n++;
      if (n == 3 && (p->src[s] - '0') * 64 + (p->src[s + 1] - '0') * 8 + (p->src[s + 2] - '0') > 255) n = 2;
      p->pos += n - 1;
      int next = byte(p, p->pos);
      if (!(n == 1 && p->src[s] == '0') || next == '8' || next == '9') {
        invalid_string_token(p, p->pos - 1 - n, p->in_template ? "Octal literal in template string"
                                                               : "Octal literal in strict mode");
        return -1;
      }
    }
    return 0;
  }
}

static void read_string(jp *p, int quote) {
  p->pos++;
  for (;;) {
    if (p->pos >= p->len) raise_at(p, p->start, "Unterminated string constant");
    int c = byte(p, p->pos);
    if (c == quote) break;
    if (c == '\\') { read_escape(p); continue; }
    if (c == '\n' || c == '\r') raise_at(p, p->start, "Unterminated string constant");
    p->pos++;
  }
  p->pos++;
  p->type = T_STRING;
}

/* acorn's readWord1: an identifier with \u escapes. Decoded into the arena when it has
 * escapes. */
static void read_word(jp *p) {
  uint32_t start = p->pos;
  int first = 1;
  p->esc = 0;
  char *buf = NULL;
  uint32_t blen = 0, bcap = 0;
  while (p->pos < p->len) {
    unsigned char b = (unsigned char)p->src[p->pos];
    if (!buf && b < 0x80 && b != '\\') { /* fast path: plain ASCII name characters */
      if (!id_char(b)) break;
      p->pos++;
      first = 0;
      continue;
    }
    uint32_t w;
    uint32_t c = cp(p, p->pos, &w);
    if (id_char(c)) {
      if (buf) {
        if (blen + w > bcap) { buf = grow(p, buf, &bcap, blen + w + 8, 1); }
        memcpy(buf + blen, p->src + p->pos, w);
        blen += w;
      }
      p->pos += w;
    } else if (c == '\\') {
      if (!buf) {
        bcap = (p->pos - start) + 16;
        buf = mdx_arena_alloc(p->arena, bcap);
        memcpy(buf, p->src + start, p->pos - start);
        blen = p->pos - start;
      }
      p->esc = 1;
      uint32_t esc_start = p->pos;
      if (byte(p, ++p->pos) != 'u')
        raise_at(p, p->pos, "Expecting Unicode escape sequence \\uXXXX");
      ++p->pos;
      long e = read_code_point(p);
      if (e < 0 || !(first ? id_start((uint32_t)e) : id_char((uint32_t)e)))
        raise_at(p, esc_start, "Invalid Unicode escape");
      char tmp[4];
      uint32_t n = mdx_utf8_put((uint32_t)e, tmp);
      while (blen + n > bcap) buf = grow(p, buf, &bcap, bcap, 1);
      memcpy(buf + blen, tmp, n);
      blen += n;
    } else {
      break;
    }
    first = 0;
  }
  if (buf) { p->val = buf; p->val_len = blen; }
  else { p->val = p->src + start; p->val_len = p->pos - start; }
}

static int keyword_of(const char *s, uint32_t n) {
  if (n < 2 || n > 10) return K_NONE;
  /* the keywords by first letter (a switch instead of trying all of them) */
  static const uint8_t by_b[] = {K_BREAK, 0}, by_c[] = {K_CASE, K_CATCH, K_CONTINUE, K_CONST, K_CLASS, 0},
                       by_d[] = {K_DEBUGGER, K_DEFAULT, K_DO, K_DELETE, 0},
                       by_e[] = {K_ELSE, K_EXPORT, K_EXTENDS, 0},
                       by_f[] = {K_FINALLY, K_FOR, K_FUNCTION, K_FALSE, 0},
                       by_i[] = {K_IF, K_INSTANCEOF, K_IN, K_IMPORT, 0}, by_n[] = {K_NEW, K_NULL, 0},
                       by_r[] = {K_RETURN, 0}, by_s[] = {K_SWITCH, K_SUPER, 0},
                       by_t[] = {K_THROW, K_TRY, K_TRUE, K_TYPEOF, K_THIS, 0},
                       by_v[] = {K_VAR, K_VOID, 0}, by_w[] = {K_WHILE, K_WITH, 0};
  const uint8_t *c;
  switch (s[0]) {
  case 'b': c = by_b; break;
  case 'c': c = by_c; break;
  case 'd': c = by_d; break;
  case 'e': c = by_e; break;
  case 'f': c = by_f; break;
  case 'i': c = by_i; break;
  case 'n': c = by_n; break;
  case 'r': c = by_r; break;
  case 's': c = by_s; break;
  case 't': c = by_t; break;
  case 'v': c = by_v; break;
  case 'w': c = by_w; break;
  default: return K_NONE;
  }
  for (; *c; c++)
    if (name_is(s, n, keyword_names[*c])) return *c;
  return K_NONE;
}

static void read_regex(jp *p);

/* Tokens after which acorn's tokenizer always reads `/` as a regular expression: its
 * `beforeExpr` tokens. (After `)`, `}`, `++` and names it depends on context; there the
 * parser reads the `/` again where it wants an operand.) */
static int before_expr(int type, int kw) {
  switch (type) {
  case T_BRACKET_L: case T_BRACE_L: case T_PAREN_L: case T_COMMA: case T_SEMI: case T_COLON:
  case T_QUESTION: case T_ARROW: case T_ELLIPSIS: case T_DOLLAR_BRACE: case T_EQ: case T_ASSIGN:
  case T_PREFIX: case T_PLUSMIN: case T_STARSTAR: case T_COALESCE: case T_OR: case T_AND:
  case T_BITOR: case T_BITXOR: case T_BITAND: case T_EQUALITY: case T_RELATIONAL: case T_SHIFT:
  case T_MODULO: case T_STAR: case T_SLASH:
    return 1;
  case T_NAME:
    switch (kw) {
    case K_CASE: case K_DEFAULT: case K_DO: case K_ELSE: case K_RETURN: case K_THROW: case K_NEW:
    case K_IN: case K_INSTANCEOF: case K_TYPEOF: case K_VOID: case K_DELETE: case K_EXTENDS:
      return 1;
    default:
      return 0;
    }
  default:
    return 0;
  }
}

/* Operators and punctuation (acorn's getTokenFromCode). */
static void read_punct(jp *p, int c) {
  int d = byte(p, p->pos + 1), e = byte(p, p->pos + 2);
  uint32_t n = 1;
  int t;
  switch (c) {
  case '.':
    if (d >= '0' && d <= '9') { read_number(p, 1); return; }
    if (d == '.' && e == '.') { n = 3; t = T_ELLIPSIS; }
    else t = T_DOT;
    break;
  case '(': t = T_PAREN_L; break;
  case ')': t = T_PAREN_R; break;
  case ';': t = T_SEMI; break;
  case ',': t = T_COMMA; break;
  case '[': t = T_BRACKET_L; break;
  case ']': t = T_BRACKET_R; break;
  case '{': t = T_BRACE_L; break;
  case '}': t = T_BRACE_R; break;
  case ':': t = T_COLON; break;
  case '`': t = T_BACKQUOTE; break;
  case '?':
    if (d == '.' && e >= 0 && !(e >= '0' && e <= '9')) { n = 2; t = T_QDOT; }
    else if (d == '?') {
      if (e == '=') { n = 3; t = T_ASSIGN; } else { n = 2; t = T_COALESCE; }
    } else t = T_QUESTION;
    break;
  case '0':
    if (d == 'x' || d == 'X') { read_radix(p, 16); return; }
    if (d == 'o' || d == 'O') { read_radix(p, 8); return; }
    if (d == 'b' || d == 'B') { read_radix(p, 2); return; }
    read_number(p, 0);
    return;
  case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9':
    read_number(p, 0);
    return;
  case '"': case '\'':
    read_string(p, c);
    return;
  case '/':
    if (p->regex_ok) { read_regex(p); return; }
    if (d == '=') { n = 2; t = T_ASSIGN; } else t = T_SLASH;
    break;
  case '%': case '*':
    if (c == '*' && d == '*') {
      if (e == '=') { n = 3; t = T_ASSIGN; } else { n = 2; t = T_STARSTAR; }
    } else if (d == '=') { n = 2; t = T_ASSIGN; }
    else t = c == '*' ? T_STAR : T_MODULO;
    break;
  case '|': case '&':
    if (d == c) {
      if (e == '=') { n = 3; t = T_ASSIGN; } else { n = 2; t = c == '|' ? T_OR : T_AND; }
    } else if (d == '=') { n = 2; t = T_ASSIGN; }
    else t = c == '|' ? T_BITOR : T_BITAND;
    break;
  case '^':
    if (d == '=') { n = 2; t = T_ASSIGN; } else t = T_BITXOR;
    break;
  case '+': case '-':
    if (d == c) { n = 2; t = T_INCDEC; }
    else if (d == '=') { n = 2; t = T_ASSIGN; }
    else t = T_PLUSMIN;
    break;
  case '<': case '>':
    if (c == '<' && p->regex_ok && d != '!') {
      /* acorn-jsx: where an operand surely comes, `<` starts a JSX tag */
      p->pos++;
      p->type = T_JSX_TAG_START;
      return;
    }
    if (d == c) {
      n = 2;
      if (c == '>' && e == '>') n = 3;
      if (byte(p, p->pos + n) == '=') { n++; t = T_ASSIGN; } else t = T_SHIFT;
    } else if (d == '=') { n = 2; t = T_RELATIONAL; }
    else t = T_RELATIONAL;
    break;
  case '=': case '!':
    if (d == '=') { n = e == '=' ? 3 : 2; t = T_EQUALITY; }
    else if (c == '=' && d == '>') { n = 2; t = T_ARROW; }
    else t = c == '=' ? T_EQ : T_PREFIX;
    break;
  case '~': t = T_PREFIX; break;
  case '#': {
    p->pos++;
    if (ident_start_at(p, p->pos) || d == '\\') {
      read_word(p);
      p->type = T_PRIVATE;
      return;
    }
    /* acorn reports the character after the `#` (at the end: its U+10000 for NaN) */
    uint32_t w;
    cp(p, p->pos, &w);
    if (!w) raise_at(p, p->pos, "Unexpected character '\xf0\x90\x80\x80'");
    raise_fmt(p, p->pos, "Unexpected character '", p->src + p->pos, w, "'");
  }
  default: {
    uint32_t w;
    cp(p, p->pos, &w);
    raise_fmt(p, p->pos, "Unexpected character '", p->src + p->pos, w, "'");
  }
  }
  p->pos += n;
  p->type = t;
}

/* A template chunk from p->pos (acorn's readTmplToken + readInvalidTemplateToken), or the
 * `${` / backquote after one. */
static void read_template(jp *p, int after_chunk) {
  if (after_chunk) {
    if (byte(p, p->pos) == '$') { p->pos += 2; p->type = T_DOLLAR_BRACE; }
    else { p->pos++; p->type = T_BACKQUOTE; }
    return;
  }
  p->in_template = 1;
  p->template_bad = 0;
  for (;;) {
    if (p->pos >= p->len) { p->in_template = 0; raise_at(p, p->start, "Unterminated template"); }
    int c = byte(p, p->pos);
    if (c == '`' || (c == '$' && byte(p, p->pos + 1) == '{')) break;
    if (c == '\\') {
      if (read_escape(p) < 0) break;
    } else {
      p->pos++;
    }
  }
  if (p->template_bad) {
    /* skip to the end of the chunk as acorn's readInvalidTemplateToken does */
    for (; p->pos < p->len; p->pos++) {
      int c = byte(p, p->pos);
      if (c == '\\') { p->pos++; continue; }
      if (c == '`' || (c == '$' && byte(p, p->pos + 1) == '{')) break;
    }
    if (p->pos >= p->len) { p->in_template = 0; raise_at(p, p->start, "Unterminated template"); }
  }
  p->in_template = 0;
  p->type = p->template_bad ? T_INVALID_TEMPLATE : T_TEMPLATE;
}

/* JSX children text (acorn-jsx's jsx_readToken). */
static void read_jsx_children(jp *p) {
  for (;;) {
    if (p->pos >= p->len) raise_at(p, p->start, "Unterminated JSX contents");
    int c = byte(p, p->pos);
    if (c == '<' || c == '{') {
      if (p->pos == p->start) {
        p->pos++;
        p->type = c == '<' ? T_JSX_TAG_START : T_BRACE_L;
        return;
      }
      p->type = T_JSX_TEXT;
      return;
    }
    if (c == '>') raise_at(p, p->pos, "Unexpected token `>`. Did you mean `&gt;` or `{\">\"}`?");
    if (c == '}') raise_at(p, p->pos, "Unexpected token `}`. Did you mean `&rbrace;` or `{\"}\"}`?");
    p->pos++;
  }
}

/* Reads the token after the current one, in `mode`. */
static void next_mode(jp *p, int mode) {
  if (p->split) { /* the other half of an astral letter (acorn: at its second unit) */
    uint32_t at = p->split - 1;
    raise_fmt(p, at, "Unexpected character '", p->src + at, 4, "'");
  }
  if (p->kw && p->esc)
    raise_fmt(p, p->start, "Escape sequence in keyword ", keyword_names[p->kw],
              (uint32_t)strlen(keyword_names[p->kw]), "");
  /* acorn: a keyword right after `.` is a property name, an operand; after the names
   * `of` (where no operand was expected before it) and `yield` (in a generator) an
   * operand comes */
  int was = p->regex_ok;
  int first = p->prev_type == 0 && p->type == T_EOF; /* acorn starts expecting an operand */
  int name_op = p->type == T_NAME && !p->tok_kw && p->prev_type != T_DOT &&
                ((name_is(p->val, p->val_len, "of") && !was) ||
                 (name_is(p->val, p->val_len, "yield") && p->tok_gen));
  p->regex_ok = first || name_op || (p->type == T_INCDEC && was) || /* `++` keeps it */
                (before_expr(p->type, p->tok_kw) && !(p->tok_kw && p->prev_type == T_DOT)) ||
                (p->brace_regex && (p->type == T_BRACE_R || p->type == T_PAREN_R));
  p->brace_regex = 0;
  p->prev_type = p->type;
  p->prev_kw = p->kw;
  p->prev_val = p->val;
  p->prev_len = p->val_len;
  p->last_start = p->start;
  p->last_end = p->end;
  p->nl_before = 0;
  p->kw = K_NONE;
  p->tok_kw = K_NONE;
  p->esc = 0;
  if (mode != M_CHILDREN && mode != M_TMPL && mode != M_TMPL_END) skip_space(p);
  p->start = p->pos;
  if (mode == M_TMPL || mode == M_TMPL_END) {
    if (p->pos >= p->len) { /* acorn checks for the end before reading a template part */
      p->type = T_EOF;
      p->end = p->pos;
      return;
    }
    read_template(p, mode == M_TMPL_END);
    p->end = p->pos;
    return;
  }
  if (p->pos >= p->len) {
    p->type = T_EOF;
    p->end = p->pos;
    return;
  }
  int c = byte(p, p->pos);
  if (mode == M_CHILDREN) {
    read_jsx_children(p);
  } else if (mode == M_TAG || mode == M_CLOSE_TAG) {
    uint32_t w;
    uint32_t ch = cp(p, p->pos, &w);
    if (c == '\\') {
      /* acorn-jsx leaves this to acorn: a JavaScript name with escapes */
      read_word(p);
      p->type = T_NAME;
      p->kw = keyword_of(p->val, p->val_len);
    } else if (id_start(ch)) {
      /* names with `-`, no escapes. acorn-jsx reads the rest of a name by UTF-16 units,
       * so a name stops before any astral character, and one starting with an astral
       * letter is cut in the middle of it: an error there (reported at its start) */
      if (w == 4) {
        /* a name of half a character: the next read fails on the other half */
        p->split = p->pos + 1;
        p->val = p->src + p->pos;
        p->val_len = 4;
        p->type = T_JSX_NAME;
        p->pos += 2;
        p->tok_kw = K_NONE;
        p->end = p->pos;
        return;
      }
      p->pos += w;
      for (;;) {
        uint32_t c2 = cp(p, p->pos, &w);
        if (!w || w == 4 || !(id_char(c2) || c2 == '-')) break;
        p->pos += w;
      }
      p->type = T_JSX_NAME;
      p->val = p->src + p->start;
      p->val_len = p->pos - p->start;
    } else if (c == '>') {
      p->pos++;
      p->type = T_JSX_TAG_END;
    } else if ((c == '"' || c == '\'') && mode == M_TAG) {
      p->pos++;
      for (;;) {
        if (p->pos >= p->len) raise_at(p, p->start, "Unterminated string constant");
        if (byte(p, p->pos) == c) break;
        p->pos++;
      }
      p->pos++;
      p->type = T_STRING;
    } else {
      read_punct(p, c);
    }
  } else {
    uint32_t w;
    uint32_t ch = cp(p, p->pos, &w);
    if (id_start(ch) || c == '\\') {
      read_word(p);
      p->type = T_NAME;
      p->kw = keyword_of(p->val, p->val_len);
    } else {
      read_punct(p, c);
    }
  }
  p->tok_kw = p->kw;
  p->end = p->pos;
}

static void next(jp *p) { next_mode(p, M_JS); }


/* ---------------------------------------------------------------- regex patterns */

/* The pattern of a regular expression literal, checked as acorn's RegExpValidator does
 * for ecmaVersion 2024 (Annex B grammar without `u`/`v`, the strict one with them). It
 * works on UTF-16 units, as acorn does, so that astral characters in non-unicode ranges
 * behave the same. `\p{…}` names and values come from acorn's own lists. */
typedef struct jre {
  jp *p;
  uint16_t *s;
  uint32_t n, pos;
  int u, v, named;       /* switchU, switchV, switchN */
  long last_int;
  int last_assert_quantifiable;
  uint32_t ncap;
  long max_backref;
  uint32_t groups;       /* table owner of the group names of this pass */
  mdx_str *refs;         /* \k<name> references */
  uint32_t n_refs, cap_refs;
  char *name;            /* the last group name (UTF-8) */
  uint32_t name_len, name_cap;
  uint32_t start, src_start, src_len;
} jre;

enum { CS_NONE, CS_OK, CS_STRING };

_Noreturn static void re_raise(jre *r, const char *msg) {
  jp *p = r->p;
  char tail[64];
  snprintf(tail, sizeof tail, "/: %s", msg);
  raise_fmt(p, r->start, "Invalid regular expression: /", p->src + r->src_start, r->src_len, tail);
}

static long re_at(jre *r, uint32_t i, int force_u) {
  if (i >= r->n) return -1;
  uint32_t c = r->s[i];
  if (!(force_u || r->u) || c <= 0xd7ff || c >= 0xe000 || i + 1 >= r->n) return c;
  uint32_t d = r->s[i + 1];
  return d >= 0xdc00 && d <= 0xdfff ? (long)((c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000) : (long)c;
}

static uint32_t re_next_index(jre *r, uint32_t i, int force_u) {
  if (i >= r->n) return r->n;
  uint32_t c = r->s[i];
  if (!(force_u || r->u) || c <= 0xd7ff || c >= 0xe000 || i + 1 >= r->n ||
      r->s[i + 1] < 0xdc00 || r->s[i + 1] > 0xdfff)
    return i + 1;
  return i + 2;
}

static long re_cur(jre *r) { return re_at(r, r->pos, 0); }
static long re_look(jre *r) { return re_at(r, re_next_index(r, r->pos, 0), 0); }
static void re_adv(jre *r) { r->pos = re_next_index(r, r->pos, 0); }
static int re_eat(jre *r, long c) {
  if (re_cur(r) != c) return 0;
  re_adv(r);
  return 1;
}
static int re_eat2(jre *r, long a, long b) {
  uint32_t save = r->pos;
  if (re_eat(r, a) && re_eat(r, b)) return 1;
  r->pos = save;
  return 0;
}

static int re_digit(long c) { return c >= '0' && c <= '9'; }
static int re_hex(long c) { return re_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
static int re_hexval(long c) { return c <= '9' ? (int)(c - '0') : (int)((c | 32) - 'a' + 10); }
static int re_syntax_char(long c) {
  return c == '$' || (c >= '(' && c <= '+') || c == '.' || c == '?' || (c >= '[' && c <= '^') ||
         (c >= '{' && c <= '}');
}
static int re_control_letter(long c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

static void re_disjunction(jre *r);

static int re_decimal_digits(jre *r) {
  uint32_t start = r->pos;
  r->last_int = 0;
  while (re_digit(re_cur(r))) {
    if (r->last_int < 100000000) r->last_int = r->last_int * 10 + (re_cur(r) - '0');
    re_adv(r);
  }
  return r->pos != start;
}

static int re_hex_digits(jre *r) {
  uint32_t start = r->pos;
  r->last_int = 0;
  while (re_hex(re_cur(r))) {
    if (r->last_int <= 0x10ffff) r->last_int = r->last_int * 16 + re_hexval(re_cur(r));
    re_adv(r);
  }
  return r->pos != start;
}

static int re_fixed_hex(jre *r, int count) {
  uint32_t start = r->pos;
  r->last_int = 0;
  for (int i = 0; i < count; i++) {
    long c = re_cur(r);
    if (!re_hex(c)) { r->pos = start; return 0; }
    r->last_int = r->last_int * 16 + re_hexval(c);
    re_adv(r);
  }
  return 1;
}

static int re_braced_quantifier(jre *r, int no_error) {
  uint32_t start = r->pos;
  if (re_eat(r, '{')) {
    if (re_decimal_digits(r)) {
      long min = r->last_int, max = -1;
      if (re_eat(r, ',') && re_decimal_digits(r)) max = r->last_int;
      if (re_eat(r, '}')) {
        if (max != -1 && max < min && !no_error) re_raise(r, "numbers out of order in {} quantifier");
        return 1;
      }
    }
    if (r->u && !no_error) re_raise(r, "Incomplete quantifier");
    r->pos = start;
  }
  return 0;
}

static int re_quantifier(jre *r, int no_error) {
  if (re_eat(r, '*') || re_eat(r, '+') || re_eat(r, '?') || re_braced_quantifier(r, no_error)) {
    re_eat(r, '?');
    return 1;
  }
  return 0;
}

static int re_unicode_escape(jre *r, int force_u) {
  uint32_t start = r->pos;
  int u = force_u || r->u;
  if (re_eat(r, 'u')) {
    if (re_fixed_hex(r, 4)) {
      long lead = r->last_int;
      if (u && lead >= 0xd800 && lead <= 0xdbff) {
        uint32_t lead_end = r->pos;
        if (re_eat(r, '\\') && re_eat(r, 'u') && re_fixed_hex(r, 4)) {
          long trail = r->last_int;
          if (trail >= 0xdc00 && trail <= 0xdfff) {
            r->last_int = (lead - 0xd800) * 0x400 + (trail - 0xdc00) + 0x10000;
            return 1;
          }
        }
        r->pos = lead_end;
        r->last_int = lead;
      }
      return 1;
    }
    if (u && re_eat(r, '{') && re_hex_digits(r) && re_eat(r, '}') && r->last_int <= 0x10ffff) return 1;
    if (u) re_raise(r, "Invalid unicode escape");
    r->pos = start;
  }
  return 0;
}

/* A group name character (with \u escapes), always read by code points. */
static int re_ident_char(jre *r, int first) {
  uint32_t start = r->pos;
  long c = re_at(r, r->pos, 1);
  r->pos = re_next_index(r, r->pos, 1);
  if (c == '\\' && re_unicode_escape(r, 1)) c = r->last_int;
  int ok = c >= 0 && (c == '$' || c == '_' ||
                      (first ? id_start((uint32_t)c) : (id_char((uint32_t)c) || c == 0x200c || c == 0x200d)));
  if (ok) {
    r->last_int = c;
    return 1;
  }
  r->pos = start;
  return 0;
}

static void re_name_add(jre *r, long c) {
  if (r->name_len + 4 > r->name_cap) r->name = grow(r->p, r->name, &r->name_cap, r->name_len + 8, 1);
  while (r->name_len + 4 > r->name_cap) r->name = grow(r->p, r->name, &r->name_cap, r->name_cap, 1);
  r->name_len += mdx_utf8_put((uint32_t)c, r->name + r->name_len);
}

static int re_group_name(jre *r) {
  r->name = NULL;
  r->name_len = r->name_cap = 0;
  if (re_eat(r, '<')) {
    if (re_ident_char(r, 1)) {
      re_name_add(r, r->last_int);
      while (re_ident_char(r, 0)) re_name_add(r, r->last_int);
      if (re_eat(r, '>')) {
        if (!r->name) r->name = "";
        return 1;
      }
    }
    re_raise(r, "Invalid capture group name");
  }
  return 0;
}

static int re_decimal_escape(jre *r) {
  r->last_int = 0;
  long c = re_cur(r);
  if (c >= '1' && c <= '9') {
    do {
      if (r->last_int < 100000000) r->last_int = r->last_int * 10 + (c - '0');
      re_adv(r);
    } while (re_digit(c = re_cur(r)));
    return 1;
  }
  return 0;
}

static int re_class_escape_letter(long c) {
  return c == 'd' || c == 'D' || c == 's' || c == 'S' || c == 'w' || c == 'W';
}

/* Whether the ASCII word s[from, to) of the pattern is in the sorted list. */
static int re_in_list(jre *r, uint32_t from, uint32_t to, const char *const *list, size_t n) {
  char word[64];
  if (to - from >= sizeof word) return 0;
  for (uint32_t i = from; i < to; i++) word[i - from] = (char)r->s[i];
  word[to - from] = 0;
  size_t lo = 0, hi = n;
  while (lo < hi) { /* bounded: binary search */
    size_t mid = (lo + hi) / 2;
    int c = strcmp(word, list[mid]);
    if (!c) return 1;
    if (c < 0) hi = mid;
    else lo = mid + 1;
  }
  return 0;
}

#define LIST(l) l, sizeof l / sizeof l[0]

static int re_word_is(jre *r, uint32_t from, uint32_t to, const char *w) {
  size_t n = strlen(w);
  if (to - from != n) return 0;
  for (size_t i = 0; i < n; i++)
    if (r->s[from + i] != (unsigned char)w[i]) return 0;
  return 1;
}

/* The inside of \p{…}: Name=Value or a lone name (acorn's lists, jscheck_props.h). */
static int re_property(jre *r) {
  uint32_t start = r->pos;
  while (re_control_letter(re_cur(r)) || re_cur(r) == '_') re_adv(r);
  uint32_t name_end = r->pos;
  if (name_end > start && re_eat(r, '=')) {
    uint32_t value_start = r->pos;
    while (re_control_letter(re_cur(r)) || re_cur(r) == '_' || re_digit(re_cur(r))) re_adv(r);
    if (r->pos > value_start) {
      int gc = re_word_is(r, start, name_end, "General_Category") || re_word_is(r, start, name_end, "gc");
      int sc = re_word_is(r, start, name_end, "Script") || re_word_is(r, start, name_end, "sc") ||
               re_word_is(r, start, name_end, "Script_Extensions") || re_word_is(r, start, name_end, "scx");
      if (!gc && !sc) re_raise(r, "Invalid property name");
      if (!(gc ? re_in_list(r, value_start, r->pos, LIST(prop_gc))
               : re_in_list(r, value_start, r->pos, LIST(prop_script))))
        re_raise(r, "Invalid property value");
      return CS_OK;
    }
  }
  r->pos = start;
  while (re_control_letter(re_cur(r)) || re_cur(r) == '_' || re_digit(re_cur(r))) re_adv(r);
  if (r->pos == start) return CS_NONE;
  if (re_in_list(r, start, r->pos, LIST(prop_binary))) return CS_OK;
  if (r->v && re_in_list(r, start, r->pos, LIST(prop_strings))) return CS_STRING;
  re_raise(r, "Invalid property name");
  return CS_NONE;
}

/* \d \s \w and \p{…}: returns CS_NONE, CS_OK or CS_STRING */
static int re_class_class_escape(jre *r) {
  long c = re_cur(r);
  if (re_class_escape_letter(c)) {
    r->last_int = -1;
    re_adv(r);
    return CS_OK;
  }
  if (r->u && (c == 'P' || c == 'p')) {
    int negate = c == 'P';
    r->last_int = -1;
    re_adv(r);
    int result;
    if (re_eat(r, '{') && (result = re_property(r)) && re_eat(r, '}')) {
      if (negate && result == CS_STRING) re_raise(r, "Invalid property name");
      return result;
    }
    re_raise(r, "Invalid property name");
  }
  return CS_NONE;
}

static int re_character_escape(jre *r) {
  long c = re_cur(r);
  /* control escapes */
  if (c == 't' || c == 'n' || c == 'v' || c == 'f' || c == 'r') {
    r->last_int = c == 't' ? 9 : c == 'n' ? 10 : c == 'v' ? 11 : c == 'f' ? 12 : 13;
    re_adv(r);
    return 1;
  }
  if (c == 'c') {
    uint32_t start = r->pos;
    re_adv(r);
    if (re_control_letter(re_cur(r))) {
      r->last_int = re_cur(r) % 32;
      re_adv(r);
      return 1;
    }
    r->pos = start;
  }
  if (c == '0' && !re_digit(re_look(r))) {
    r->last_int = 0;
    re_adv(r);
    return 1;
  }
  if (c == 'x') {
    uint32_t start = r->pos;
    re_adv(r);
    if (re_fixed_hex(r, 2)) return 1;
    if (r->u) re_raise(r, "Invalid escape");
    r->pos = start;
  }
  if (re_unicode_escape(r, 0)) return 1;
  if (!r->u && c >= '0' && c <= '7') {
    long n1 = c - '0';
    re_adv(r);
    long d = re_cur(r);
    if (d >= '0' && d <= '7') {
      long n2 = d - '0';
      re_adv(r);
      long e = re_cur(r);
      if (n1 <= 3 && e >= '0' && e <= '7') { re_adv(r); r->last_int = n1 * 64 + n2 * 8 + (e - '0'); }
      else r->last_int = n1 * 8 + n2;
    } else {
      r->last_int = n1;
    }
    return 1;
  }
  /* identity escape */
  if (r->u) {
    if (re_syntax_char(c)) { r->last_int = c; re_adv(r); return 1; }
    if (c == '/') { r->last_int = '/'; re_adv(r); return 1; }
    return 0;
  }
  if (c != 'c' && (!r->named || c != 'k')) {
    r->last_int = c;
    re_adv(r);
    return 1;
  }
  return 0;
}

static int re_atom_escape(jre *r) {
  uint32_t start = r->pos;
  if (re_decimal_escape(r)) {
    long n = r->last_int;
    if (r->u) {
      if (n > r->max_backref) r->max_backref = n;
      return 1;
    }
    if (n <= (long)r->ncap) return 1;
    r->pos = start;
  }
  if (re_class_class_escape(r) || re_character_escape(r)) return 1;
  if (r->named && re_eat(r, 'k')) {
    if (re_group_name(r)) {
      r->refs = grow(r->p, r->refs, &r->cap_refs, r->n_refs, sizeof *r->refs);
      r->refs[r->n_refs++] = (mdx_str){r->name, r->name_len};
      return 1;
    }
    re_raise(r, "Invalid named reference");
  }
  if (r->u) {
    if (re_cur(r) == 'c') re_raise(r, "Invalid unicode escape");
    re_raise(r, "Invalid escape");
  }
  return 0;
}

/* A class atom (non-v classes); last_int is the character or -1 for a class escape. */
static int re_class_atom(jre *r) {
  uint32_t start = r->pos;
  if (re_eat(r, '\\')) {
    /* class escape */
    if (re_eat(r, 'b')) { r->last_int = 8; return 1; }
    if (r->u && re_eat(r, '-')) { r->last_int = '-'; return 1; }
    if (!r->u && re_cur(r) == 'c') {
      uint32_t s2 = r->pos;
      re_adv(r);
      long c = re_cur(r);
      if (re_digit(c) || c == '_') { r->last_int = c % 32; re_adv(r); return 1; }
      r->pos = s2;
    }
    if (re_class_class_escape(r) || re_character_escape(r)) return 1;
    if (r->u) {
      long c = re_cur(r);
      if (c == 'c' || (c >= '0' && c <= '7')) re_raise(r, "Invalid class escape");
      re_raise(r, "Invalid escape");
    }
    r->pos = start;
  }
  long c = re_cur(r);
  if (c != ']') {
    r->last_int = c;
    re_adv(r);
    return 1;
  }
  return 0;
}

static int re_class_set_reserved_double(long c) {
  return c == '!' || (c >= '#' && c <= '&') || (c >= '*' && c <= ',') || c == '.' ||
         (c >= ':' && c <= '@') || c == '^' || c == '`' || c == '~';
}
static int re_class_set_syntax(long c) {
  return c == '(' || c == ')' || c == '-' || c == '/' || (c >= '[' && c <= ']') || (c >= '{' && c <= '}');
}
static int re_class_set_reserved_punct(long c) {
  return c == '!' || c == '#' || c == '%' || c == '&' || c == ',' || c == '-' || (c >= ':' && c <= '>') ||
         c == '@' || c == '`' || c == '~';
}

static int re_class_set_character(jre *r) {
  uint32_t start = r->pos;
  if (re_eat(r, '\\')) {
    if (re_character_escape(r)) return 1;
    long c = re_cur(r);
    if (re_class_set_reserved_punct(c)) { r->last_int = c; re_adv(r); return 1; }
    if (re_eat(r, 'b')) { r->last_int = 8; return 1; }
    r->pos = start;
    return 0;
  }
  long c = re_cur(r);
  if (c < 0 || (c == re_look(r) && re_class_set_reserved_double(c))) return 0;
  if (re_class_set_syntax(c)) return 0;
  re_adv(r);
  r->last_int = c;
  return 1;
}

static int re_class_contents(jre *r);

static int re_class_set_operand(jre *r) {
  if (re_class_set_character(r)) return CS_OK;
  uint32_t start = r->pos;
  if (re_eat2(r, '\\', 'q')) {
    if (re_eat(r, '{')) {
      int result = CS_OK, first = 1;
      do {
        int count = 0;
        while (re_class_set_character(r)) count++;
        int one = count == 1 ? CS_OK : CS_STRING;
        if (first) result = one;
        else if (one == CS_STRING) result = CS_STRING;
        first = 0;
      } while (re_eat(r, '|'));
      if (re_eat(r, '}')) return result;
    } else {
      re_raise(r, "Invalid escape");
    }
    r->pos = start;
    return CS_NONE;
  }
  if (re_eat(r, '[')) {
    enter_depth(r->p);
    int negate = re_eat(r, '^');
    int result = re_class_contents(r);
    leave_depth(r->p);
    if (re_eat(r, ']')) {
      if (negate && result == CS_STRING) re_raise(r, "Negated character class may contain strings");
      return result;
    }
    r->pos = start;
  }
  if (re_eat(r, '\\')) {
    int result = re_class_class_escape(r);
    if (result) return result;
    r->pos = start;
  }
  return CS_NONE;
}

static int re_class_set_range(jre *r) {
  uint32_t start = r->pos;
  if (re_class_set_character(r)) {
    long left = r->last_int;
    if (re_eat(r, '-') && re_class_set_character(r)) {
      long right = r->last_int;
      if (left != -1 && right != -1 && left > right) re_raise(r, "Range out of order in character class");
      return 1;
    }
    r->pos = start;
  }
  return 0;
}

static int re_class_set_expression(jre *r) {
  int result = CS_OK, sub;
  if (re_class_set_range(r)) {
  } else if ((sub = re_class_set_operand(r))) {
    if (sub == CS_STRING) result = CS_STRING;
    uint32_t start = r->pos;
    while (re_eat2(r, '&', '&')) {
      if (re_cur(r) != '&' && (sub = re_class_set_operand(r))) {
        if (sub != CS_STRING) result = CS_OK;
        continue;
      }
      re_raise(r, "Invalid character in character class");
    }
    if (start != r->pos) return result;
    while (re_eat2(r, '-', '-')) {
      if (re_class_set_operand(r)) continue;
      re_raise(r, "Invalid character in character class");
    }
    if (start != r->pos) return result;
  } else {
    re_raise(r, "Invalid character in character class");
  }
  for (;;) { /* each round consumes a range or an operand */
    if (re_class_set_range(r)) continue;
    sub = re_class_set_operand(r);
    if (!sub) return result;
    if (sub == CS_STRING) result = CS_STRING;
  }
}

static int re_class_contents(jre *r) {
  if (re_cur(r) == ']') return CS_OK;
  if (r->v) return re_class_set_expression(r);
  while (re_class_atom(r)) {
    long left = r->last_int;
    if (re_eat(r, '-') && re_class_atom(r)) {
      long right = r->last_int;
      if (r->u && (left == -1 || right == -1)) re_raise(r, "Invalid character class");
      if (left != -1 && right != -1 && left > right) re_raise(r, "Range out of order in character class");
    }
  }
  return CS_OK;
}

static int re_character_class(jre *r) {
  if (re_eat(r, '[')) {
    int negate = re_eat(r, '^');
    int result = re_class_contents(r);
    if (!re_eat(r, ']')) re_raise(r, "Unterminated character class");
    if (negate && result == CS_STRING) re_raise(r, "Negated character class may contain strings");
    return 1;
  }
  return 0;
}

static int re_group(jre *r) {
  uint32_t start = r->pos;
  if (!re_eat(r, '(')) return 0;
  if (re_eat(r, '?')) {
    if (re_eat(r, ':')) {
      enter_depth(r->p);
      re_disjunction(r);
      leave_depth(r->p);
      if (re_eat(r, ')')) return 1;
      re_raise(r, "Unterminated group");
    }
    r->pos = start + 1;
    /* a capturing group with a name */
    re_eat(r, '?');
    if (!re_group_name(r)) re_raise(r, "Invalid group");
    jentry *e = table_find(r->p, &r->p->names, r->groups, r->name, r->name_len, 1);
    if (e->bits) re_raise(r, "Duplicate capture group name");
    e->bits = 1;
  }
  enter_depth(r->p);
  re_disjunction(r);
  leave_depth(r->p);
  if (re_eat(r, ')')) {
    r->ncap++;
    return 1;
  }
  re_raise(r, "Unterminated group");
  return 0;
}

static int re_assertion(jre *r) {
  uint32_t start = r->pos;
  r->last_assert_quantifiable = 0;
  if (re_eat(r, '^') || re_eat(r, '$')) return 1;
  if (re_eat(r, '\\')) {
    if (re_eat(r, 'B') || re_eat(r, 'b')) return 1;
    r->pos = start;
  }
  if (re_eat(r, '(') && re_eat(r, '?')) {
    int lookbehind = re_eat(r, '<');
    if (re_eat(r, '=') || re_eat(r, '!')) {
      enter_depth(r->p);
      re_disjunction(r);
      leave_depth(r->p);
      if (!re_eat(r, ')')) re_raise(r, "Unterminated group");
      r->last_assert_quantifiable = !lookbehind;
      return 1;
    }
  }
  r->pos = start;
  return 0;
}

static int re_term(jre *r) {
  if (re_assertion(r)) {
    if (r->last_assert_quantifiable && re_quantifier(r, 0) && r->u) re_raise(r, "Invalid quantifier");
    return 1;
  }
  int atom;
  uint32_t start = r->pos;
  if (r->u) {
    long c;
    int chars = 0;
    while ((c = re_cur(r)) != -1 && !re_syntax_char(c)) { re_adv(r); chars = 1; }
    atom = chars || re_eat(r, '.');
    if (!atom && re_eat(r, '\\')) {
      if (re_atom_escape(r)) atom = 1;
      else r->pos = start;
    }
    if (!atom) atom = re_character_class(r) || re_group(r);
  } else {
    atom = re_eat(r, '.');
    if (!atom && re_eat(r, '\\')) {
      if (re_atom_escape(r)) atom = 1;
      else r->pos = start;
    }
    if (!atom) atom = re_character_class(r) || re_group(r);
    if (!atom && re_braced_quantifier(r, 1)) re_raise(r, "Nothing to repeat");
    if (!atom) {
      long c = re_cur(r);
      if (c != -1 && c != '$' && !(c >= '(' && c <= '+') && c != '.' && c != '?' && c != '[' && c != '^' && c != '|') {
        re_adv(r);
        atom = 1;
      }
    }
  }
  if (atom) {
    re_quantifier(r, 0);
    return 1;
  }
  return 0;
}

static void re_disjunction(jre *r) {
  do {
    while (r->pos < r->n && re_term(r)) {
    }
  } while (re_eat(r, '|'));
  if (re_quantifier(r, 1)) re_raise(r, "Nothing to repeat");
  if (re_eat(r, '{')) re_raise(r, "Lone quantifier brackets");
}

static void re_pattern(jre *r) {
  r->pos = 0;
  r->last_int = 0;
  r->last_assert_quantifiable = 0;
  r->ncap = 0;
  r->max_backref = 0;
  r->groups = ++r->p->serial;
  r->n_refs = 0;
  re_disjunction(r);
  if (r->pos != r->n) {
    if (re_eat(r, ')')) re_raise(r, "Unmatched ')'");
    if (re_eat(r, ']') || re_eat(r, '}')) re_raise(r, "Lone quantifier brackets");
  }
  if (r->max_backref > (long)r->ncap) re_raise(r, "Invalid escape");
  for (uint32_t i = 0; i < r->n_refs; i++) {
    jentry *e = table_find(r->p, &r->p->names, r->groups, r->refs[i].ptr, r->refs[i].len, 0);
    if (!e || !e->bits) re_raise(r, "Invalid named capture referenced");
  }
}

static void check_regex_pattern(jp *p, uint32_t start, uint32_t end, int u, int v) {
  jre r;
  memset(&r, 0, sizeof r);
  r.p = p;
  r.start = start;
  r.src_start = start;
  r.src_len = end - start;
  r.s = mdx_arena_alloc_uninit(p->arena, (size_t)(end - start) * 2 + 2);
  for (uint32_t i = start; i < end;) { /* UTF-8 to UTF-16 */
    uint32_t w;
    uint32_t c = cp_at(p->src, end, i, &w);
    if (c >= 0x10000) {
      r.s[r.n++] = (uint16_t)(0xd800 + ((c - 0x10000) >> 10));
      r.s[r.n++] = (uint16_t)(0xdc00 + ((c - 0x10000) & 0x3ff));
    } else {
      r.s[r.n++] = (uint16_t)c;
    }
    i += w;
  }
  r.u = u || v;
  r.v = v;
  r.named = r.u;
  re_pattern(&r);
  if (!r.named) {
    /* with any named group, the pattern is read again with `\k` strict */
    int any = 0;
    for (uint32_t i = 0; i + 2 < r.n; i++)
      if (r.s[i] == '(' && r.s[i + 1] == '?' && r.s[i + 2] == '<') any = 1;
    if (any) {
      r.named = 1;
      re_pattern(&r);
    }
  }
}

/* Reads the current `/` or `/=` token again as a regular expression. */
static void read_regex(jp *p) {
  p->pos = p->start + 1;
  uint32_t start = p->pos;
  int escaped = 0, in_class = 0;
  for (;;) {
    if (p->pos >= p->len) raise_at(p, start, "Unterminated regular expression");
    uint32_t w;
    uint32_t ch = cp(p, p->pos, &w);
    if (is_newline(ch)) raise_at(p, start, "Unterminated regular expression");
    if (!escaped) {
      if (ch == '[') in_class = 1;
      else if (ch == ']' && in_class) in_class = 0;
      else if (ch == '/' && !in_class) break;
      escaped = ch == '\\';
    } else {
      escaped = 0;
    }
    p->pos += w;
  }
  p->pos++;
  uint32_t flags_start = p->pos;
  read_word(p);
  if (p->esc) unexpected_at(p, flags_start);
  /* acorn's order: each flag must be known, then must not come again later */
  int seen[128] = {0}, last[128];
  for (uint32_t i = flags_start; i < p->pos; i++) {
    int f = (unsigned char)p->src[i];
    if (f < 128) last[f] = (int)i;
  }
  for (uint32_t i = flags_start; i < p->pos; i++) {
    int f = (unsigned char)p->src[i];
    if (f >= 128 || !strchr("dgimsuyv", f)) raise_at(p, start, "Invalid regular expression flag");
    if (last[f] != (int)i) raise_at(p, start, "Duplicate regular expression flag");
    seen[f] = 1;
  }
  if (seen['u'] && seen['v']) raise_at(p, start, "Invalid regular expression flag");
  check_regex_pattern(p, start, flags_start - 1, seen['u'], seen['v']);
  p->esc = 0;
  p->type = T_REGEX;
  p->end = p->pos;
}

/* ---------------------------------------------------------------- scopes */

#define NB_LEX 1u
#define NB_VAR 2u
#define NB_FUNC 4u

static void enter_scope(jp *p, uint32_t flags) {
  p->scopes = grow(p, p->scopes, &p->cap_scopes, p->n_scopes, sizeof *p->scopes);
  jscope *s = &p->scopes[p->n_scopes];
  s->flags = flags;
  s->serial = ++p->serial;
  s->catch_name = NULL;
  s->catch_len = 0;
  uint32_t i = p->n_scopes;
  if (flags & (S_VAR | S_FIELD_INIT | S_STATIC_BLOCK)) s->var_idx = i;
  else s->var_idx = p->scopes[i - 1].var_idx;
  if ((flags & (S_VAR | S_FIELD_INIT | S_STATIC_BLOCK)) && !(flags & S_ARROW)) s->this_idx = i;
  else s->this_idx = p->scopes[i - 1].this_idx;
  p->n_scopes++;
}

static void exit_scope(jp *p) { p->n_scopes--; }

static jscope *cur_scope(jp *p) { return &p->scopes[p->n_scopes - 1]; }
static uint32_t var_flags(jp *p) { return p->scopes[cur_scope(p)->var_idx].flags; }
static uint32_t this_flags(jp *p) { return p->scopes[cur_scope(p)->this_idx].flags; }
static int in_generator(jp *p) { return (var_flags(p) & S_GENERATOR) != 0; }
static int in_async(jp *p) { return (var_flags(p) & S_ASYNC) != 0; }
static int in_function(jp *p) { return (var_flags(p) & S_FUNCTION) != 0; }
static int in_static_block(jp *p) { return (var_flags(p) & S_STATIC_BLOCK) != 0; }

static int can_await(jp *p) {
  for (uint32_t i = p->n_scopes; i-- > 0;) { /* bounded by the scope depth */
    uint32_t f = p->scopes[i].flags;
    if (f & (S_STATIC_BLOCK | S_FIELD_INIT)) return 0;
    if (f & S_FUNCTION) return (f & S_ASYNC) != 0;
  }
  return 1; /* module code: top-level await */
}

static int allow_new_target(jp *p) {
  for (uint32_t i = p->n_scopes; i-- > 0;) {
    uint32_t f = p->scopes[i].flags;
    if ((f & (S_STATIC_BLOCK | S_FIELD_INIT)) || ((f & S_FUNCTION) && !(f & S_ARROW))) return 1;
  }
  return 0;
}

/* Module code: functions are var-like only directly in a function scope. */
static int functions_as_var(const jscope *s) { return (s->flags & S_FUNCTION) != 0; }

static void undef_delete(jp *p, const char *name, uint32_t len) {
  jentry *e = table_find(p, &p->undef_index, 1, name, len, 0);
  if (e && e->bits) {
    p->undef[e->pos].alive = 0;
    e->bits = 0;
  }
}

static void undef_set(jp *p, const char *name, uint32_t len, uint32_t pos) {
  jentry *e = table_find(p, &p->undef_index, 1, name, len, 1);
  if (e->bits) { p->undef[e->pos].pos = pos; return; }
  p->undef = grow(p, p->undef, &p->cap_undef, p->n_undef, sizeof *p->undef);
  p->undef[p->n_undef] = (jexport){name, len, pos, 1};
  e->pos = p->n_undef++;
  e->bits = 1;
}

static void redeclared(jp *p, const char *name, uint32_t len, uint32_t pos) {
  raise_fmt(p, pos, "Identifier '", name, len, "' has already been declared");
}

static void declare_name(jp *p, const char *name, uint32_t len, int btype, uint32_t pos) {
  if (btype == B_LEXICAL || btype == B_SIMPLE_CATCH || btype == B_FUNCTION) {
    jscope *s = cur_scope(p);
    jentry *e = table_find(p, &p->names, s->serial, name, len, 1);
    int again = 0;
    if (btype == B_LEXICAL) again = (e->bits & 7u) != 0;
    else if (btype == B_FUNCTION)
      again = (e->bits & (functions_as_var(s) ? NB_LEX : (NB_LEX | NB_VAR))) != 0;
    if (btype == B_FUNCTION) e->bits |= NB_FUNC;
    else {
      e->bits |= NB_LEX;
      if ((s->flags & S_SIMPLE_CATCH) && !s->catch_name) { s->catch_name = name; s->catch_len = len; }
    }
    if (btype == B_LEXICAL && (s->flags & S_TOP)) undef_delete(p, name, len);
    /* a lexical name at the top meets the predeclared `var`s (functions are lexical there) */
    if ((s->flags & S_TOP) && btype != B_SIMPLE_CATCH && mdx_js_names_has(p->pre, name, len))
      again = 1;
    if (again) redeclared(p, name, len, pos);
    return;
  }
  for (uint32_t i = p->n_scopes; i-- > 0;) { /* var: up to the nearest var scope */
    jscope *s = &p->scopes[i];
    jentry *e = table_find(p, &p->names, s->serial, name, len, 0);
    if (e) {
      int catch_param = (s->flags & S_SIMPLE_CATCH) && s->catch_name &&
                        s->catch_len == len && memcmp(s->catch_name, name, len) == 0;
      if (((e->bits & NB_LEX) && !catch_param) || (!functions_as_var(s) && (e->bits & NB_FUNC)))
        redeclared(p, name, len, pos);
    } else {
      e = table_find(p, &p->names, s->serial, name, len, 1);
    }
    e->bits |= NB_VAR;
    if (s->flags & S_TOP) undef_delete(p, name, len);
    if (s->flags & S_VAR) break;
  }
}

/* ---------------------------------------------------------------- nodes */

static jn *node(jp *p, int type, uint32_t start) {
  jn *n = mdx_arena_alloc_small(p->arena, sizeof *n);
  memset(n, 0, sizeof *n);
  n->type = (uint8_t)type;
  n->start = start;
  n->end = p->last_end;
  return n;
}



static void push(jlist *l, jn *n) {
  n->next = NULL;
  if (l->tail) l->tail->next = n; else l->head = n;
  l->tail = n;
  l->count++;
}

/* Identifier facts (acorn's reserved word lists for strict module code). */
static int is_strict_reserved(const char *s, uint32_t n) {
  static const char *const words[] = {"enum", "await", "implements", "interface", "let",
                                      "package", "private", "protected", "public", "static",
                                      "yield"};
  for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
    if (name_is(s, n, words[i])) return 1;
  return 0;
}

static int is_strict_bind_reserved(const char *s, uint32_t n) {
  return is_strict_reserved(s, n) || name_is(s, n, "eval") || name_is(s, n, "arguments");
}

/* ---------------------------------------------------------------- destructuring errors */

typedef struct jde { /* acorn's DestructuringErrors; -1 is "none" */
  long shorthand_assign, trailing_comma, paren_assign, paren_bind, double_proto;
} jde;

static void de_init(jde *d) {
  d->shorthand_assign = d->trailing_comma = d->paren_assign = d->paren_bind = d->double_proto = -1;
}

static void check_pattern_errors(jp *p, jde *d, int is_assign) {
  if (!d) return;
  if (d->trailing_comma > -1)
    raise_at(p, (uint32_t)d->trailing_comma, "Comma is not permitted after the rest element");
  long parens = is_assign ? d->paren_assign : d->paren_bind;
  if (parens > -1) raise_at(p, (uint32_t)parens, is_assign ? "Assigning to rvalue" : "Parenthesized pattern");
}

static int check_expression_errors(jp *p, jde *d, int and_throw) {
  if (!d) return 0;
  if (!and_throw) return d->shorthand_assign >= 0 || d->double_proto >= 0;
  if (d->shorthand_assign >= 0)
    raise_at(p, (uint32_t)d->shorthand_assign, "Shorthand property assignments are valid only in destructuring patterns");
  if (d->double_proto >= 0) raise_at(p, (uint32_t)d->double_proto, "Redefinition of __proto__ property");
  return 0;
}

static void check_yield_await_in_default_params(jp *p) {
  if (p->yield_pos && (!p->await_pos || p->yield_pos < p->await_pos))
    raise_at(p, p->yield_pos, "Yield expression cannot be a default value");
  if (p->await_pos) raise_at(p, p->await_pos, "Await expression cannot be a default value");
}

/* ---------------------------------------------------------------- patterns */

static void to_assignable(jp *p, jn *n, int is_binding, jde *d);

static void to_assignable_list(jp *p, jn *list, int is_binding) {
  for (jn *e = list; e; e = e->next)
    if (e->type != N_HOLE) to_assignable(p, e, is_binding, NULL);
}

static void to_assignable(jp *p, jn *n, int is_binding, jde *d) {
  if (!n) { if (d) check_pattern_errors(p, d, 1); return; }
  switch (n->type) {
  case N_IDENT:
    if (in_async(p) && name_is(n->name, n->name_len, "await"))
      raise_at(p, n->start, "Cannot use 'await' as identifier inside an async function");
    break;
  case N_OBJECT_PATTERN: case N_ARRAY_PATTERN: case N_ASSIGN_PATTERN: case N_REST:
    break;
  case N_OBJECT:
    n->type = N_OBJECT_PATTERN;
    if (d) check_pattern_errors(p, d, 1);
    for (jn *prop = n->list; prop; prop = prop->next) {
      to_assignable(p, prop, is_binding, NULL);
      if (prop->type == N_REST && prop->a &&
          (prop->a->type == N_ARRAY_PATTERN || prop->a->type == N_OBJECT_PATTERN))
        unexpected_at(p, prop->a->start);
    }
    break;
  case N_PROPERTY:
    if (n->flags & (NF_GET | NF_SET)) raise_at(p, n->a->start, "Object pattern can't contain getter or setter");
    to_assignable(p, n->b, is_binding, NULL);
    break;
  case N_ARRAY:
    n->type = N_ARRAY_PATTERN;
    if (d) check_pattern_errors(p, d, 1);
    to_assignable_list(p, n->list, is_binding);
    break;
  case N_SPREAD:
    n->type = N_REST;
    to_assignable(p, n->a, is_binding, NULL);
    if (n->a->type == N_ASSIGN_PATTERN) raise_at(p, n->a->start, "Rest elements cannot have a default value");
    break;
  case N_ASSIGN:
    if (!(n->flags & NF_OP_EQ)) raise_at(p, n->a->end, "Only '=' operator can be used for specifying default value.");
    n->type = N_ASSIGN_PATTERN;
    to_assignable(p, n->a, is_binding, NULL);
    break;
  case N_PAREN:
    to_assignable(p, n->a, is_binding, d);
    break;
  case N_CHAIN:
    raise_at(p, n->start, "Optional chaining cannot appear in left-hand side");
    break;
  case N_MEMBER:
    if (!is_binding) break;
    /* fall through */
  default:
    raise_at(p, n->start, "Assigning to rvalue");
  }
}

/* checkClashes: a table owner (0: none) for "Argument name clash". */
static void check_lval_simple(jp *p, jn *e, int btype, uint32_t clashes) {
  int is_bind = btype != B_NONE;
  switch (e->type) {
  case N_IDENT:
    if (is_strict_bind_reserved(e->name, e->name_len))
      raise_fmt(p, e->start, is_bind ? "Binding " : "Assigning to ", e->name, e->name_len,
                " in strict mode");
    if (is_bind) {
      if (btype == B_LEXICAL && name_is(e->name, e->name_len, "let"))
        raise_at(p, e->start, "let is disallowed as a lexically bound name");
      if (clashes) {
        jentry *c = table_find(p, &p->names, clashes, e->name, e->name_len, 1);
        if (c->bits & 8u) raise_at(p, e->start, "Argument name clash");
        c->bits |= 8u;
      }
      if (btype != B_OUTSIDE) declare_name(p, e->name, e->name_len, btype, e->start);
    }
    break;
  case N_CHAIN:
    raise_at(p, e->start, "Optional chaining cannot appear in left-hand side");
    break;
  case N_MEMBER:
    if (is_bind) raise_at(p, e->start, "Binding member expression");
    break;
  case N_PAREN:
    if (is_bind) raise_at(p, e->start, "Binding parenthesized expression");
    check_lval_simple(p, e->a, btype, clashes);
    break;
  default:
    raise_at(p, e->start, is_bind ? "Binding rvalue" : "Assigning to rvalue");
  }
}

static void check_lval_inner(jp *p, jn *e, int btype, uint32_t clashes);

static void check_lval_pattern(jp *p, jn *e, int btype, uint32_t clashes) {
  if (e->type == N_OBJECT_PATTERN || e->type == N_ARRAY_PATTERN) {
    for (jn *x = e->list; x; x = x->next)
      if (x->type != N_HOLE) check_lval_inner(p, x, btype, clashes);
  } else {
    check_lval_simple(p, e, btype, clashes);
  }
}

static void check_lval_inner(jp *p, jn *e, int btype, uint32_t clashes) {
  switch (e->type) {
  case N_PROPERTY: check_lval_inner(p, e->b, btype, clashes); break;
  case N_ASSIGN_PATTERN: check_lval_pattern(p, e->a, btype, clashes); break;
  case N_REST: check_lval_pattern(p, e->a, btype, clashes); break;
  default: check_lval_pattern(p, e, btype, clashes);
  }
}

/* ---------------------------------------------------------------- token helpers */

static int is_name(jp *p, const char *word) {
  return p->type == T_NAME && !p->kw && name_is(p->val, p->val_len, word);
}

/* acorn's isContextual: the name, without escapes. */
static int is_contextual(jp *p, const char *word) { return is_name(p, word) && !p->esc; }

static int eat(jp *p, int type) {
  if (p->type != type) return 0;
  next(p);
  return 1;
}

static int eat_kw(jp *p, int kw) {
  if (p->type != T_NAME || p->kw != kw) return 0;
  next(p);
  return 1;
}

static int eat_contextual(jp *p, const char *word) {
  if (!is_contextual(p, word)) return 0;
  next(p);
  return 1;
}

static void expect(jp *p, int type) {
  if (!eat(p, type)) unexpected(p);
}

static int can_insert_semicolon(jp *p) {
  return p->type == T_EOF || p->type == T_BRACE_R || p->nl_before;
}

static void semicolon(jp *p) {
  if (!eat(p, T_SEMI) && !can_insert_semicolon(p)) unexpected(p);
}

static int is_kw(jp *p, int kw) { return p->type == T_NAME && p->kw == kw; }

/* Skips white space and terminated comments from `i` like acorn's skipWhiteSpace regex;
 * *nl is set when a line break was crossed. */
static uint32_t skip_ws_regex(jp *p, uint32_t i, int *nl) {
  for (;;) {
    if (i >= p->len) return i;
    int c = (unsigned char)p->src[i];
    if (c == '/' && i + 1 < p->len && p->src[i + 1] == '/') {
      i += 2;
      for (;;) {
        uint32_t w;
        uint32_t ch = cp(p, i, &w);
        if (!w || is_newline(ch)) break;
        i += w;
      }
      continue;
    }
    if (c == '/' && i + 1 < p->len && p->src[i + 1] == '*') {
      uint32_t k = i + 2;
      while (k + 1 < p->len && !(p->src[k] == '*' && p->src[k + 1] == '/')) k++;
      if (k + 1 >= p->len) return i;
      for (uint32_t m = i + 2; m < k; m++) {
        uint32_t w;
        if (is_newline(cp(p, m, &w))) { if (nl) *nl = 1; }
      }
      i = k + 2;
      continue;
    }
    uint32_t w;
    uint32_t ch = cp(p, i, &w);
    if (!is_space_cp(ch)) return i;
    if (is_newline(ch) && nl) *nl = 1;
    i += w;
  }
}

/* Length of the identifier at `i` (no escapes), 0 if none; *bs set when it stops at `\`. */
static uint32_t ident_len_at(jp *p, uint32_t i, int *bs) {
  uint32_t k = i, w;
  *bs = 0;
  uint32_t c = cp(p, k, &w);
  if (!w || !id_start(c)) return 0;
  k += w;
  for (;;) {
    c = cp(p, k, &w);
    if (!w || !id_char(c)) break;
    k += w;
  }
  if (k < p->len && p->src[k] == '\\') *bs = 1;
  return k - i;
}

static int is_let(jp *p, int in_context) {
  if (!is_contextual(p, "let")) return 0;
  uint32_t i = skip_ws_regex(p, p->pos, NULL);
  int c = byte(p, i);
  if (c == '[' || c == '\\') return 1;
  if (in_context) return 0;
  if (c == '{') return 1;
  int bs;
  uint32_t n = ident_len_at(p, i, &bs);
  if (n) {
    if (bs) return 1;
    if (!name_is(p->src + i, n, "in") && !name_is(p->src + i, n, "instanceof")) return 1;
  }
  return 0;
}

static int is_async_function(jp *p) {
  if (!is_contextual(p, "async")) return 0;
  int nl = 0;
  uint32_t i = skip_ws_regex(p, p->pos, &nl);
  if (nl) return 0;
  if (i + 8 > p->len || memcmp(p->src + i, "function", 8) != 0) return 0;
  if (i + 8 == p->len) return 1;
  uint32_t w;
  uint32_t c = cp(p, i + 8, &w);
  return !(id_char(c) || c == '\\');
}

/* ---------------------------------------------------------------- strings */

/* The value of the string literal src[start, end) (quotes included), decoded into the
 * arena (lone surrogates as 3-byte sequences so that equal values compare equal). */
static void string_value(jp *p, uint32_t start, uint32_t end, const char **out, uint32_t *out_len) {
  const char *s = p->src + start + 1;
  uint32_t n = end - start - 2;
  if (!memchr(s, '\\', n)) { *out = s; *out_len = n; return; }
  char *buf = mdx_arena_alloc(p->arena, (size_t)n * 2 + 8);
  uint32_t o = 0;
  for (uint32_t i = 0; i < n;) {
    if (s[i] != '\\') { buf[o++] = s[i++]; continue; }
    i++;
    if (i >= n) break;
    char c = s[i++];
    uint32_t v = 0;
    int have = 1;
    switch (c) {
    case 'n': v = '\n'; break;
    case 'r': v = '\r'; break;
    case 't': v = '\t'; break;
    case 'b': v = '\b'; break;
    case 'v': v = 11; break;
    case 'f': v = 12; break;
    case '0': v = 0; break;
    case '\r': if (i < n && s[i] == '\n') i++; have = 0; break;
    case '\n': have = 0; break;
    case 'x': case 'u': {
      uint32_t k = 0, lim = c == 'x' ? 2 : 4;
      if (c == 'u' && i < n && s[i] == '{') { i++; lim = 8; }
      while (k < lim && i < n && ((s[i] >= '0' && s[i] <= '9') || ((s[i] | 32) >= 'a' && (s[i] | 32) <= 'f'))) {
        v = v * 16 + (uint32_t)(s[i] <= '9' ? s[i] - '0' : (s[i] | 32) - 'a' + 10);
        i++; k++;
      }
      if (lim == 8 && i < n && s[i] == '}') i++;
      break;
    }
    default:
      buf[o++] = c; /* the character itself (and the rest of a UTF-8 sequence follows) */
      have = 0;
    }
    if (have) {
      if (v >= 0xd800 && v <= 0xdfff) {
        buf[o++] = (char)(0xe0 | (v >> 12));
        buf[o++] = (char)(0x80 | ((v >> 6) & 0x3f));
        buf[o++] = (char)(0x80 | (v & 0x3f));
      } else {
        o += mdx_utf8_put(v, buf + o);
      }
    }
  }
  *out = buf;
  *out_len = o;
}

/* ---------------------------------------------------------------- expressions */

#define FUNC_STATEMENT 1
#define FUNC_HANGING 2
#define FUNC_NULLABLE_ID 4

static jn *parse_expression(jp *p, int for_init, jde *d);
static jn *parse_maybe_assign(jp *p, int for_init, jde *d);
static jn *parse_maybe_unary(jp *p, jde *d, int saw_unary, int inc_dec, int for_init);
static jn *parse_expr_subscripts(jp *p, jde *d, int for_init);
static jn *parse_subscripts(jp *p, jn *base, uint32_t start, int no_calls, int for_init);
static jn *parse_expr_atom(jp *p, jde *d, int for_init, int for_new);
static jn *parse_binding_atom(jp *p);
static jn *parse_function(jp *p, uint32_t start, int statement, int is_async, int for_init);
static jn *parse_class(jp *p, int is_statement);
static void parse_template(jp *p, int tagged);
static jn *parse_jsx_element(jp *p, int reset, int mode_after);
static const char *parse_statement(jp *p, int context, int top_level);
static void parse_block(jp *p, int new_scope, int regex_after);

static int is_plain_name(jp *p) { return p->type == T_NAME && !p->kw; }

static void check_unreserved(jp *p, uint32_t start, const char *name, uint32_t len) {
  if (in_generator(p) && name_is(name, len, "yield"))
    raise_at(p, start, "Cannot use 'yield' as identifier inside a generator");
  if (in_async(p) && name_is(name, len, "await"))
    raise_at(p, start, "Cannot use 'await' as identifier inside an async function");
  if (!(this_flags(p) & S_VAR) && name_is(name, len, "arguments"))
    raise_at(p, start, "Cannot use 'arguments' in class field initializer");
  if (in_static_block(p) && (name_is(name, len, "arguments") || name_is(name, len, "await")))
    raise_fmt(p, start, "Cannot use ", name, len, " in class static initialization block");
  if (keyword_of(name, len)) raise_fmt(p, start, "Unexpected keyword '", name, len, "'");
  if (is_strict_reserved(name, len)) {
    if (!in_async(p) && name_is(name, len, "await"))
      raise_at(p, start, "Cannot use keyword 'await' outside an async function");
    raise_fmt(p, start, "The keyword '", name, len, "' is reserved");
  }
}

static jn *parse_ident(jp *p, int liberal) {
  if (p->type != T_NAME) unexpected(p);
  uint32_t start = p->start;
  const char *name = p->val;
  uint32_t len = p->val_len;
  p->kw = K_NONE; /* acorn retypes a keyword as a name here: no escape check */
  next(p);
  jn *n = node(p, N_IDENT, start);
  n->name = name;
  n->name_len = len;
  if (!liberal) {
    check_unreserved(p, start, name, len);
    if (name_is(name, len, "await") && !p->await_ident_pos) p->await_ident_pos = start;
  }
  return n;
}

static jn *parse_private_ident(jp *p) {
  if (p->type != T_PRIVATE) unexpected(p);
  uint32_t start = p->start;
  const char *name = p->val;
  uint32_t len = p->val_len;
  next(p);
  jn *n = node(p, N_PRIVATE, start);
  n->name = name;
  n->name_len = len;
  if (!p->n_classes)
    raise_fmt(p, start, "Private field '#", name, len, "' must be declared in an enclosing class");
  jclass *c = &p->classes[p->n_classes - 1];
  c->used = grow(p, c->used, &c->cap_used, c->n_used, sizeof *c->used);
  c->used[c->n_used++] = (jused){name, len, start};
  return n;
}

static jn *parse_literal(jp *p) {
  jn *n = node(p, N_LITERAL, p->start);
  if (p->type == T_STRING) {
    n->flags = NF_STRING;
    string_value(p, p->start, p->end, &n->name, &n->name_len);
  }
  next(p);
  n->end = p->last_end;
  return n;
}

static jn *parse_expression(jp *p, int for_init, jde *d) {
  uint32_t start = p->start;
  jn *e = parse_maybe_assign(p, for_init, d);
  if (p->type == T_COMMA) {
    while (eat(p, T_COMMA)) parse_maybe_assign(p, for_init, d);
    return node(p, N_OTHER, start);
  }
  return e;
}

/* acorn's startsExpr, for what may follow `yield`. */
static int starts_expr(jp *p) {
  switch (p->type) {
  case T_NAME:
    switch (p->kw) {
    case K_NONE: case K_THIS: case K_SUPER: case K_NULL: case K_TRUE: case K_FALSE:
    case K_FUNCTION: case K_CLASS: case K_NEW: case K_IMPORT: case K_TYPEOF: case K_VOID:
    case K_DELETE:
      return 1;
    default:
      return 0;
    }
  case T_BRACE_L: case T_BRACKET_L: case T_PAREN_L: case T_BACKQUOTE: case T_NUM:
  case T_STRING: case T_REGEX: case T_PRIVATE: case T_INCDEC: case T_PREFIX: case T_PLUSMIN:
  case T_JSX_TAG_START:
    return 1;
  default:
    /* `/` and `<` were read as operators: acorn's tokenizer did not see a generator here
     * (in generator methods it never does), so `yield` takes no operand */
    return 0;
  }
}

static jn *parse_yield(jp *p, int for_init) {
  if (!p->yield_pos) p->yield_pos = p->start;
  uint32_t start = p->start;
  next(p);
  if (p->type == T_SEMI || can_insert_semicolon(p) || (p->type != T_STAR && !starts_expr(p))) {
  } else {
    eat(p, T_STAR);
    parse_maybe_assign(p, for_init, NULL);
  }
  return node(p, N_OTHER, start);
}

static jn *parse_maybe_conditional(jp *p, int for_init, jde *d);

static jn *parse_maybe_assign(jp *p, int for_init, jde *d) {
  enter_depth(p);
  if (is_contextual(p, "yield") && in_generator(p)) {
    jn *r = parse_yield(p, for_init);
    leave_depth(p);
    return r;
  }
  int own = 0;
  long old_pa = -1, old_tc = -1, old_dp = -1;
  jde own_d;
  if (d) {
    old_pa = d->paren_assign;
    old_tc = d->trailing_comma;
    old_dp = d->double_proto;
    d->paren_assign = d->trailing_comma = -1;
  } else {
    de_init(&own_d);
    d = &own_d;
    own = 1;
  }
  uint32_t start = p->start;
  if (p->type == T_PAREN_L || is_plain_name(p)) {
    p->potential_arrow_at = p->start;
    p->potential_arrow_for_await = for_init == 2;
  }
  jn *left = parse_maybe_conditional(p, for_init, d);
  if (p->type == T_EQ || p->type == T_ASSIGN) {
    int eq = p->type == T_EQ;
    if (eq) to_assignable(p, left, 0, d);
    if (!own) {
      d->paren_assign = d->trailing_comma = -1;
      if (d->shorthand_assign >= (long)left->start) d->shorthand_assign = -1;
      if (d->double_proto >= (long)left->start) d->double_proto = -1;
    }
    if (eq) check_lval_pattern(p, left, B_NONE, 0);
    else check_lval_simple(p, left, B_NONE, 0);
    next(p);
    jn *right = parse_maybe_assign(p, for_init, NULL);
    if (old_dp > -1) d->double_proto = old_dp;
    jn *n = node(p, N_ASSIGN, start);
    n->a = left;
    n->b = right;
    if (eq) n->flags |= NF_OP_EQ;
    leave_depth(p);
    return n;
  } else if (own) {
    check_expression_errors(p, d, 1);
  }
  if (old_pa > -1) d->paren_assign = old_pa;
  if (old_tc > -1) d->trailing_comma = old_tc;
  leave_depth(p);
  return left;
}

static int binop_prec(jp *p) {
  switch (p->type) {
  case T_COALESCE: case T_OR: return 1;
  case T_AND: return 2;
  case T_BITOR: return 3;
  case T_BITXOR: return 4;
  case T_BITAND: return 5;
  case T_EQUALITY: return 6;
  case T_RELATIONAL: return 7;
  case T_SHIFT: return 8;
  case T_PLUSMIN: return 9;
  case T_MODULO: case T_STAR: case T_SLASH: return 10;
  case T_STARSTAR: return 11;
  case T_NAME: return p->kw == K_IN || p->kw == K_INSTANCEOF ? 7 : -1;
  default: return -1;
  }
}

static jn *parse_expr_op(jp *p, jn *left, uint32_t left_start, int min_prec, int for_init) {
  for (;;) { /* each round consumes an operator */
    int prec = binop_prec(p);
    if (prec < 0 || (for_init && is_kw(p, K_IN)) || prec <= min_prec) return left;
    int logical = p->type == T_OR || p->type == T_AND;
    int coalesce = p->type == T_COALESCE;
    if (coalesce) prec = 2;
    next(p);
    uint32_t start = p->start;
    jn *right = parse_expr_op(p, parse_maybe_unary(p, NULL, 0, 0, for_init), start, prec, for_init);
    if (right->type == N_PRIVATE)
      raise_at(p, right->start, "Private identifier can only be left side of binary expression");
    jn *n = node(p, N_OTHER, left_start);
    if ((logical && p->type == T_COALESCE) || (coalesce && (p->type == T_OR || p->type == T_AND)))
      raise_at(p, p->start, "Logical expressions and coalesce expressions cannot be mixed. Wrap either by parentheses");
    left = n;
  }
}

static jn *parse_expr_ops(jp *p, int for_init, jde *d) {
  uint32_t start = p->start;
  jn *e = parse_maybe_unary(p, d, 0, 0, for_init);
  if (check_expression_errors(p, d, 0)) return e;
  if (e->start == start && e->type == N_ARROW) return e;
  return parse_expr_op(p, e, start, -1, for_init);
}

static jn *parse_maybe_conditional(jp *p, int for_init, jde *d) {
  uint32_t start = p->start;
  jn *e = parse_expr_ops(p, for_init, d);
  if (check_expression_errors(p, d, 0)) return e;
  if (!(e->type == N_ARROW && e->start == start) && eat(p, T_QUESTION)) {
    parse_maybe_assign(p, 0, NULL);
    expect(p, T_COLON);
    parse_maybe_assign(p, for_init, NULL);
    return node(p, N_OTHER, start);
  }
  return e;
}

static int is_local_variable_access(jn *n) {
  return n->type == N_IDENT || (n->type == N_PAREN && is_local_variable_access(n->a));
}

static int is_private_field_access(jn *n) {
  return (n->type == N_MEMBER && (n->flags & NF_PRIV_PROP)) ||
         ((n->type == N_CHAIN || n->type == N_PAREN) && is_private_field_access(n->a));
}

static jn *parse_maybe_unary(jp *p, jde *d, int saw_unary, int inc_dec, int for_init) {
  enter_depth(p);
  uint32_t start = p->start;
  jn *e;
  if (is_contextual(p, "await") && can_await(p)) {
    if (!p->await_pos) p->await_pos = p->start;
    next(p);
    parse_maybe_unary(p, NULL, 1, 0, for_init);
    e = node(p, N_OTHER, start);
    saw_unary = 1;
  } else if (p->type == T_PREFIX || p->type == T_PLUSMIN || p->type == T_INCDEC ||
             is_kw(p, K_TYPEOF) || is_kw(p, K_VOID) || is_kw(p, K_DELETE)) {
    int update = p->type == T_INCDEC, is_delete = is_kw(p, K_DELETE);
    next(p);
    jn *arg = parse_maybe_unary(p, NULL, 1, update, for_init);
    check_expression_errors(p, d, 1);
    if (update) check_lval_simple(p, arg, B_NONE, 0);
    else if (is_delete && is_local_variable_access(arg))
      raise_at(p, start, "Deleting local variable in strict mode");
    else if (is_delete && is_private_field_access(arg))
      raise_at(p, start, "Private fields can not be deleted");
    else saw_unary = 1;
    e = node(p, N_OTHER, start);
  } else if (!saw_unary && p->type == T_PRIVATE) {
    if (for_init || !p->n_classes) unexpected(p);
    e = parse_private_ident(p);
    if (!is_kw(p, K_IN)) unexpected(p);
  } else {
    e = parse_expr_subscripts(p, d, for_init);
    if (check_expression_errors(p, d, 0)) { leave_depth(p); return e; }
    while (p->type == T_INCDEC && !can_insert_semicolon(p)) {
      check_lval_simple(p, e, B_NONE, 0);
      next(p);
      e = node(p, N_OTHER, start);
    }
  }
  if (!inc_dec && !(e->type == N_ARROW && e->start == start) && p->type == T_STARSTAR) {
    next(p);
    if (saw_unary) unexpected_at(p, p->last_start);
    jn *right = parse_maybe_unary(p, NULL, 0, 0, for_init);
    if (right->type == N_PRIVATE)
      raise_at(p, right->start, "Private identifier can only be left side of binary expression");
    e = node(p, N_OTHER, start);
  }
  leave_depth(p);
  return e;
}

static jn *parse_expr_subscripts(jp *p, jde *d, int for_init) {
  uint32_t start = p->start;
  long old_dp = -1, old_sa = -1;
  if (d) {
    old_dp = d->double_proto;
    old_sa = d->shorthand_assign;
    d->double_proto = d->shorthand_assign = -1;
  }
  jn *e = parse_expr_atom(p, d, for_init, 0);
  if (e->type == N_ARROW && !(p->last_end - p->last_start == 1 && p->src[p->last_start] == ')'))
    return e;
  jn *r = parse_subscripts(p, e, start, 0, for_init);
  if (d) {
    if (r->end > e->end) {
      check_expression_errors(p, d, 1);
      if (d->paren_assign >= (long)r->start) d->paren_assign = -1;
      if (d->paren_bind >= (long)r->start) d->paren_bind = -1;
      if (d->trailing_comma >= (long)r->start) d->trailing_comma = -1;
    }
    if (old_dp > -1) d->double_proto = old_dp;
    if (old_sa > -1) d->shorthand_assign = old_sa;
  }
  return r;
}

static jlist parse_expr_list(jp *p, int close, int allow_trailing_comma, int allow_empty, jde *d) {
  jlist l = {0};
  int first = 1;
  while (!eat(p, close)) {
    if (!first) {
      expect(p, T_COMMA);
      if (allow_trailing_comma && p->type == close) { next(p); break; }
    } else {
      first = 0;
    }
    if (allow_empty && p->type == T_COMMA) {
      push(&l, node(p, N_HOLE, p->start));
    } else if (p->type == T_ELLIPSIS) {
      uint32_t s = p->start;
      next(p);
      jn *arg = parse_maybe_assign(p, 0, d);
      jn *n = node(p, N_SPREAD, s);
      n->a = arg;
      push(&l, n);
      if (d && p->type == T_COMMA && d->trailing_comma < 0) d->trailing_comma = p->start;
    } else {
      push(&l, parse_maybe_assign(p, 0, d));
    }
  }
  return l;
}

static void parse_function_body(jp *p, uint32_t start, jn *params, jn *id, int arrow, int method,
                                int for_init);
static jn *parse_arrow(jp *p, uint32_t start, jn *params, int is_async, int for_init) {
  uint32_t oy = p->yield_pos, oa = p->await_pos, oai = p->await_ident_pos;
  enter_scope(p, S_FUNCTION | (is_async ? S_ASYNC : 0) | S_ARROW);
  p->yield_pos = p->await_pos = p->await_ident_pos = 0;
  to_assignable_list(p, params, 1);
  parse_function_body(p, start, params, NULL, 1, 0, for_init);
  p->yield_pos = oy;
  p->await_pos = oa;
  p->await_ident_pos = oai;
  jn *n = node(p, N_ARROW, start);
  n->list = params;
  return n;
}

static jn *parse_subscript(jp *p, jn *base, uint32_t start, int no_calls, int maybe_async_arrow,
                           int optional_chained, int for_init, int *optional_out) {
  int optional = eat(p, T_QDOT);
  *optional_out = optional;
  if (no_calls && optional)
    raise_at(p, p->last_start, "Optional chaining cannot appear in the callee of new expressions");
  int computed = eat(p, T_BRACKET_L);
  if (computed || (optional && p->type != T_PAREN_L && p->type != T_BACKQUOTE) || eat(p, T_DOT)) {
    int priv = 0;
    if (computed) {
      parse_expression(p, 0, NULL);
      expect(p, T_BRACKET_R);
    } else if (p->type == T_PRIVATE && base->type != N_SUPER) {
      parse_private_ident(p);
      priv = 1;
    } else {
      parse_ident(p, 1);
    }
    jn *n = node(p, N_MEMBER, start);
    n->a = base;
    if (priv) n->flags |= NF_PRIV_PROP;
    return n;
  }
  if (!no_calls && eat(p, T_PAREN_L)) {
    jde d;
    de_init(&d);
    uint32_t oy = p->yield_pos, oa = p->await_pos, oai = p->await_ident_pos;
    p->yield_pos = p->await_pos = p->await_ident_pos = 0;
    jlist args = parse_expr_list(p, T_PAREN_R, 1, 0, &d);
    if (maybe_async_arrow && !optional && !can_insert_semicolon(p) && eat(p, T_ARROW)) {
      check_pattern_errors(p, &d, 0);
      check_yield_await_in_default_params(p);
      if (p->await_ident_pos > 0)
        raise_at(p, p->await_ident_pos, "Cannot use 'await' as identifier inside an async function");
      p->yield_pos = oy;
      p->await_pos = oa;
      p->await_ident_pos = oai;
      return parse_arrow(p, start, args.head, 1, for_init);
    }
    check_expression_errors(p, &d, 1);
    p->yield_pos = oy ? oy : p->yield_pos;
    p->await_pos = oa ? oa : p->await_pos;
    p->await_ident_pos = oai ? oai : p->await_ident_pos;
    return node(p, N_CALL, start);
  }
  if (p->type == T_BACKQUOTE) {
    if (optional || optional_chained)
      raise_at(p, p->start, "Optional chaining cannot appear in the tag of tagged template expressions");
    parse_template(p, 1);
    return node(p, N_OTHER, start);
  }
  return base;
}

static jn *parse_subscripts(jp *p, jn *base, uint32_t start, int no_calls, int for_init) {
  int maybe_async_arrow = base->type == N_IDENT && name_is(base->name, base->name_len, "async") &&
                          p->last_end == base->end && !can_insert_semicolon(p) &&
                          base->end - base->start == 5 && p->potential_arrow_at == base->start;
  int optional_chained = 0;
  for (;;) { /* each round consumes a subscript or returns */
    int optional;
    jn *e = parse_subscript(p, base, start, no_calls, maybe_async_arrow, optional_chained, for_init, &optional);
    if (optional) optional_chained = 1;
    if (e == base || e->type == N_ARROW) {
      if (optional_chained) {
        jn *c = node(p, N_CHAIN, start);
        c->a = e;
        c->end = e->end;
        return c;
      }
      return e;
    }
    base = e;
    maybe_async_arrow = 0;
  }
}

static int is_simple_assign_target(jn *e) {
  if (e->type == N_PAREN) return is_simple_assign_target(e->a);
  return e->type == N_IDENT || e->type == N_MEMBER;
}

static jn *parse_rest_binding(jp *p) {
  uint32_t start = p->start;
  next(p);
  jn *arg = parse_binding_atom(p);
  jn *n = node(p, N_REST, start);
  n->a = arg;
  return n;
}

static jn *parse_paren_and_distinguish(jp *p, int can_be_arrow, int for_init) {
  uint32_t start = p->start;
  next(p);
  uint32_t inner_start = p->start;
  jlist l = {0};
  int first = 1, last_is_comma = 0;
  uint32_t spread_start = 0;
  jde d;
  de_init(&d);
  uint32_t oy = p->yield_pos, oa = p->await_pos;
  p->yield_pos = p->await_pos = 0;
  while (p->type != T_PAREN_R) {
    if (first) first = 0;
    else expect(p, T_COMMA);
    if (p->type == T_PAREN_R) {
      last_is_comma = 1;
      break;
    } else if (p->type == T_ELLIPSIS) {
      spread_start = p->start;
      push(&l, parse_rest_binding(p));
      if (p->type == T_COMMA) raise_at(p, p->start, "Comma is not permitted after the rest element");
      break;
    } else {
      push(&l, parse_maybe_assign(p, 0, &d));
    }
  }
  uint32_t inner_end = p->last_end;
  expect(p, T_PAREN_R);
  if (can_be_arrow && !can_insert_semicolon(p) && eat(p, T_ARROW)) {
    check_pattern_errors(p, &d, 0);
    check_yield_await_in_default_params(p);
    p->yield_pos = oy;
    p->await_pos = oa;
    return parse_arrow(p, start, l.head, 0, for_init);
  }
  if (!l.count || last_is_comma) unexpected_at(p, p->last_start);
  if (spread_start) unexpected_at(p, spread_start);
  check_expression_errors(p, &d, 1);
  p->yield_pos = oy ? oy : p->yield_pos;
  p->await_pos = oa ? oa : p->await_pos;
  jn *val = l.head;
  if (l.count > 1) {
    val = node(p, N_OTHER, inner_start);
    val->end = inner_end;
  }
  jn *n = node(p, N_PAREN, start);
  n->a = val;
  return n;
}

static jn *parse_new(jp *p) {
  if (p->esc) raise_at(p, p->start, "Escape sequence in keyword new");
  uint32_t start = p->start;
  next(p);
  if (p->type == T_DOT) {
    next(p);
    int esc = p->esc;
    jn *prop = parse_ident(p, 1);
    if (!name_is(prop->name, prop->name_len, "target"))
      raise_at(p, prop->start, "The only valid meta property for new is 'new.target'");
    if (esc) raise_at(p, start, "'new.target' must not contain escaped characters");
    if (!allow_new_target(p))
      raise_at(p, start, "'new.target' can only be used in functions and class static block");
    return node(p, N_OTHER, start);
  }
  uint32_t cstart = p->start;
  enter_depth(p);
  jn *callee = parse_subscripts(p, parse_expr_atom(p, NULL, 0, 1), cstart, 1, 0);
  leave_depth(p);
  if (callee->type == N_SUPER) raise_at(p, cstart, "Invalid use of 'super'");
  if (eat(p, T_PAREN_L)) parse_expr_list(p, T_PAREN_R, 1, 0, NULL);
  return node(p, N_OTHER, start);
}

static jn *parse_expr_import(jp *p, int for_new) {
  uint32_t start = p->start;
  if (p->esc) raise_at(p, start, "Escape sequence in keyword import");
  next(p);
  if (p->type == T_PAREN_L && !for_new) {
    next(p);
    parse_maybe_assign(p, 0, NULL);
    if (!eat(p, T_PAREN_R)) {
      uint32_t err = p->start;
      if (eat(p, T_COMMA) && eat(p, T_PAREN_R))
        raise_at(p, err, "Trailing comma is not allowed in import()");
      unexpected_at(p, err);
    }
    return node(p, N_OTHER, start);
  }
  if (p->type == T_DOT) {
    next(p);
    int esc = p->esc;
    jn *prop = parse_ident(p, 1);
    if (!name_is(prop->name, prop->name_len, "meta"))
      raise_at(p, prop->start, "The only valid meta property for import is 'import.meta'");
    if (esc) raise_at(p, start, "'import.meta' must not contain escaped characters");
    return node(p, N_OTHER, start);
  }
  unexpected(p);
  return NULL;
}

/* Template literal, the current token being the opening backquote. */
static void parse_template(jp *p, int tagged) {
  enter_depth(p);
  next_mode(p, M_TMPL); /* a chunk */
  for (;;) { /* each round reads a chunk and what ends it */
    if (p->type == T_INVALID_TEMPLATE && !tagged)
      raise_at(p, p->start, "Bad escape sequence in untagged template literal");
    next_mode(p, M_TMPL_END); /* `${` or the closing backquote */
    if (p->type == T_BACKQUOTE) break;
    if (p->type == T_EOF) raise_at(p, p->pos, "Unterminated template literal");
    next(p);
    parse_expression(p, 0, NULL);
    if (p->type != T_BRACE_R) unexpected(p);
    next_mode(p, M_TMPL);
  }
  next(p);
  leave_depth(p);
}

/* Whether the previous token leaves acorn's tokenizer expecting an operator (so `/=`
 * and `<` are operators, not a regex or a JSX tag): a name other than a keyword, or a
 * literal (a string, number, regex or the end of a template: `import a from 'b'` and
 * then `<c>` on the next line is an operator where a statement starts). */
static int prev_is_operand_name(jp *p) {
  if (p->prev_type == T_STRING || p->prev_type == T_NUM || p->prev_type == T_REGEX ||
      p->prev_type == T_BACKQUOTE)
    return 1;
  if (p->prev_type != T_NAME || p->prev_kw) return 0;
  if (name_is(p->prev_val, p->prev_len, "of") || name_is(p->prev_val, p->prev_len, "yield")) return 0;
  return 1;
}

static jn *parse_obj(jp *p, int is_pattern, jde *d);
static jn *parse_method(jp *p, int is_gen, int is_async, int allow_direct_super);

static jn *parse_expr_atom(jp *p, jde *d, int for_init, int for_new) {
  /* acorn-jsx's parseExprAtom override passes neither forInit nor forNew on */
  for_init = 0;
  for_new = 0;
  if (p->type == T_SLASH || (p->type == T_ASSIGN && p->src[p->start] == '/' && !prev_is_operand_name(p)))
    read_regex(p);
  int can_be_arrow = p->potential_arrow_at == p->start;
  uint32_t start = p->start;
  switch (p->type) {
  case T_NAME:
    switch (p->kw) {
    case K_SUPER: {
      if (!(this_flags(p) & S_SUPER)) raise_at(p, start, "'super' keyword outside a method");
      next(p);
      if (p->type == T_PAREN_L && !(this_flags(p) & S_DIRECT_SUPER))
        raise_at(p, start, "super() call outside constructor of a subclass");
      if (p->type != T_DOT && p->type != T_BRACKET_L && p->type != T_PAREN_L) unexpected(p);
      return node(p, N_SUPER, start);
    }
    case K_THIS: case K_NULL: case K_TRUE: case K_FALSE:
      next(p);
      return node(p, N_LITERAL, start);
    case K_FUNCTION: {
      int fn_stat = !before_expr(p->prev_type, p->prev_kw);
      next(p);
      p->fn_stat = fn_stat;
      return parse_function(p, start, 0, 0, for_init);
    }
    case K_CLASS:
      return parse_class(p, 0);
    case K_NEW:
      return parse_new(p);
    case K_IMPORT:
      return parse_expr_import(p, for_new);
    case K_NONE: {
      int esc = p->esc;
      jn *id = parse_ident(p, 0);
      if (!esc && name_is(id->name, id->name_len, "async") && !can_insert_semicolon(p) &&
          eat_kw(p, K_FUNCTION)) {
        p->fn_stat = 1; /* the token before `function` is a name */
        return parse_function(p, start, 0, 1, for_init);
      }
      if (can_be_arrow && !can_insert_semicolon(p)) {
        if (eat(p, T_ARROW)) return parse_arrow(p, start, id, 0, for_init);
        if (name_is(id->name, id->name_len, "async") && is_plain_name(p) && !esc &&
            (!p->potential_arrow_for_await || !is_name(p, "of") || p->esc)) {
          id = parse_ident(p, 0);
          if (can_insert_semicolon(p) || !eat(p, T_ARROW)) unexpected(p);
          return parse_arrow(p, start, id, 1, for_init);
        }
      }
      return id;
    }
    default:
      unexpected(p);
    }
    break;
  case T_REGEX: case T_NUM: case T_STRING:
    return parse_literal(p);
  case T_PAREN_L: {
    jn *e = parse_paren_and_distinguish(p, can_be_arrow, for_init);
    if (d) {
      if (d->paren_assign < 0 && !is_simple_assign_target(e)) d->paren_assign = start;
      if (d->paren_bind < 0) d->paren_bind = start;
    }
    return e;
  }
  case T_BRACKET_L: {
    next(p);
    jlist l = parse_expr_list(p, T_BRACKET_R, 1, 1, d);
    jn *n = node(p, N_ARRAY, start);
    n->list = l.head;
    n->count = l.count;
    return n;
  }
  case T_BRACE_L:
    return parse_obj(p, 0, d);
  case T_BACKQUOTE:
    parse_template(p, 0);
    return node(p, N_OTHER, start);
  case T_JSX_TAG_START:
    return parse_jsx_element(p, 1, M_JS);
  case T_RELATIONAL: case T_SHIFT: case T_ASSIGN:
    if (p->src[p->start] == '<' && !prev_is_operand_name(p) && byte(p, p->start + 1) != '!')
      return parse_jsx_element(p, 1, M_JS);
    break;
  default:
    break;
  }
  unexpected(p);
  return NULL;
}

/* ---------------------------------------------------------------- objects */

typedef struct jprop {
  jn *key;
  int computed;
} jprop;

static jn *parse_property_name(jp *p, jprop *pr) {
  if (eat(p, T_BRACKET_L)) {
    pr->computed = 1;
    pr->key = parse_maybe_assign(p, 0, NULL);
    expect(p, T_BRACKET_R);
    return pr->key;
  }
  pr->computed = 0;
  if (p->type == T_NUM || p->type == T_STRING) pr->key = parse_literal(p);
  else pr->key = parse_ident(p, 1);
  return pr->key;
}

static int key_is(jprop *pr, const char *name) {
  if (pr->computed) return 0;
  jn *k = pr->key;
  return (k->type == N_IDENT || (k->type == N_LITERAL && (k->flags & NF_STRING))) &&
         name_is(k->name, k->name_len, name);
}

static jn *parse_maybe_default(jp *p, uint32_t start, jn *left) {
  if (!left) left = parse_binding_atom(p);
  if (!eat(p, T_EQ)) return left;
  jn *right = parse_maybe_assign(p, 0, NULL);
  jn *n = node(p, N_ASSIGN_PATTERN, start);
  n->a = left;
  n->b = right;
  return n;
}

static jn *copy_node(jp *p, jn *n) {
  jn *c = mdx_arena_alloc_small(p->arena, sizeof *c);
  *c = *n;
  c->next = NULL;
  return c;
}

static void check_accessor_params(jp *p, jn *fn, int is_get, int is_set) {
  if (is_get && fn->count != 0) raise_at(p, fn->start, "getter should have no params");
  if (is_set && fn->count != 1) raise_at(p, fn->start, "setter should have exactly one param");
  if (is_set && fn->list->type == N_REST) raise_at(p, fn->list->start, "Setter cannot use rest params");
}

static jn *parse_property(jp *p, int is_pattern, jde *d) {
  uint32_t start = p->start;
  if (eat(p, T_ELLIPSIS)) {
    if (is_pattern) {
      jn *arg = parse_ident(p, 0);
      if (p->type == T_COMMA) raise_at(p, p->start, "Comma is not permitted after the rest element");
      jn *n = node(p, N_REST, start);
      n->a = arg;
      return n;
    }
    jn *arg = parse_maybe_assign(p, 0, d);
    if (p->type == T_COMMA && d && d->trailing_comma < 0) d->trailing_comma = p->start;
    jn *n = node(p, N_SPREAD, start);
    n->a = arg;
    return n;
  }
  int is_gen = 0, is_async = 0;
  if (!is_pattern) is_gen = eat(p, T_STAR);
  int esc = p->esc;
  jprop pr;
  parse_property_name(p, &pr);
  if (!is_pattern && !esc && !is_gen && !pr.computed && pr.key->type == N_IDENT &&
      name_is(pr.key->name, pr.key->name_len, "async") &&
      (p->type == T_NAME || p->type == T_NUM || p->type == T_STRING || p->type == T_BRACKET_L ||
       p->type == T_STAR) &&
      !p->nl_before) {
    is_async = 1;
    is_gen = eat(p, T_STAR);
    parse_property_name(p, &pr);
  }
  jn *n = node(p, N_PROPERTY, start);
  n->a = pr.key;
  if (pr.computed) n->flags |= NF_COMPUTED;
  if ((is_gen || is_async) && p->type == T_COLON) unexpected(p);
  if (eat(p, T_COLON)) {
    n->b = is_pattern ? parse_maybe_default(p, p->start, NULL) : parse_maybe_assign(p, 0, d);
  } else if (p->type == T_PAREN_L) {
    if (is_pattern) unexpected(p);
    n->flags |= NF_METHOD;
    n->b = parse_method(p, is_gen, is_async, 0);
  } else if (!is_pattern && !esc && !pr.computed && pr.key->type == N_IDENT &&
             (name_is(pr.key->name, pr.key->name_len, "get") || name_is(pr.key->name, pr.key->name_len, "set")) &&
             p->type != T_COMMA && p->type != T_BRACE_R && p->type != T_EQ) {
    if (is_gen || is_async) unexpected(p);
    int is_get = pr.key->name[0] == 'g';
    n->flags |= is_get ? NF_GET : NF_SET;
    parse_property_name(p, &pr);
    n->a = pr.key;
    if (pr.computed) n->flags |= NF_COMPUTED;
    n->b = parse_method(p, 0, 0, 0);
    check_accessor_params(p, n->b, is_get, !is_get);
  } else if (!pr.computed && pr.key->type == N_IDENT) {
    if (is_gen || is_async) unexpected(p);
    check_unreserved(p, pr.key->start, pr.key->name, pr.key->name_len);
    if (name_is(pr.key->name, pr.key->name_len, "await") && !p->await_ident_pos) p->await_ident_pos = start;
    n->flags |= NF_SHORTHAND;
    if (is_pattern) {
      n->b = parse_maybe_default(p, start, copy_node(p, pr.key));
    } else if (p->type == T_EQ && d) {
      if (d->shorthand_assign < 0) d->shorthand_assign = p->start;
      n->b = parse_maybe_default(p, start, copy_node(p, pr.key));
    } else {
      n->b = copy_node(p, pr.key);
    }
  } else {
    unexpected(p);
  }
  n->end = p->last_end;
  return n;
}

static jn *parse_obj(jp *p, int is_pattern, jde *d) {
  enter_depth(p);
  uint32_t start = p->start;
  int first = 1, proto = 0;
  jlist l = {0};
  next(p);
  while (!eat(p, T_BRACE_R)) {
    if (!first) {
      expect(p, T_COMMA);
      if (p->type == T_BRACE_R) { next(p); break; }
    } else {
      first = 0;
    }
    jn *prop = parse_property(p, is_pattern, d);
    if (!is_pattern && prop->type == N_PROPERTY &&
        !(prop->flags & (NF_COMPUTED | NF_METHOD | NF_SHORTHAND | NF_GET | NF_SET))) {
      jn *k = prop->a;
      if ((k->type == N_IDENT || (k->type == N_LITERAL && (k->flags & NF_STRING))) &&
          name_is(k->name, k->name_len, "__proto__")) {
        if (proto) {
          if (d) {
            if (d->double_proto < 0) d->double_proto = k->start;
          } else {
            raise_at(p, k->start, "Redefinition of __proto__ property");
          }
        }
        proto = 1;
      }
    }
    push(&l, prop);
  }
  jn *n = node(p, is_pattern ? N_OBJECT_PATTERN : N_OBJECT, start);
  n->list = l.head;
  n->count = l.count;
  leave_depth(p);
  return n;
}

/* ---------------------------------------------------------------- functions */

static int is_simple_param_list(jn *params) {
  for (jn *x = params; x; x = x->next)
    if (x->type != N_IDENT) return 0;
  return 1;
}

/* acorn's strictDirective: does the body starting at `i` open with "use strict"? */
static int strict_directive(jp *p, uint32_t i) {
  for (;;) { /* each round passes one string literal statement */
    i = skip_ws_regex(p, i, NULL);
    int q = byte(p, i);
    if (q != '"' && q != '\'') return 0;
    uint32_t k = i + 1;
    while (k < p->len && p->src[k] != q) k += p->src[k] == '\\' ? 2 : 1;
    if (k >= p->len) return 0;
    int is_use_strict = k - i - 1 == 10 && memcmp(p->src + i + 1, "use strict", 10) == 0;
    uint32_t after = k + 1;
    if (is_use_strict) {
      int nl = 0;
      uint32_t end = skip_ws_regex(p, after, &nl);
      int next_c = byte(p, end);
      if (next_c == ';' || next_c == '}') return 1;
      if (!nl) return 0;
      if (next_c >= 0 && strchr("(`.[+-/*%<>=,?^&", next_c)) return 0;
      if (next_c == '!' && byte(p, end + 1) == '=') return 0;
      if (next_c == 'i') {
        int bs;
        uint32_t n = ident_len_at(p, end, &bs);
        if (name_is(p->src + end, n, "in") || name_is(p->src + end, n, "instanceof")) return 0;
      }
      return 1;
    }
    i = skip_ws_regex(p, after, NULL);
    if (byte(p, i) == ';') i++;
  }
}

static void check_params(jp *p, jn *params) {
  uint32_t clashes = ++p->serial;
  for (jn *x = params; x; x = x->next) check_lval_inner(p, x, B_VAR, clashes);
}

/* Parameters are parsed (in the function's scope); checks them and reads the body. */
static void parse_function_body(jp *p, uint32_t start, jn *params, jn *id, int arrow, int method,
                                int for_init) {
  /* acorn's context after the body: an operand may follow unless it is a function
   * expression in expression position */
  int regex_after = arrow || method || p->fn_stat;
  p->fn_stat = 0;
  if (arrow && p->type != T_BRACE_L) {
    parse_maybe_assign(p, for_init, NULL);
    check_params(p, params);
  } else {
    if (!is_simple_param_list(params) && strict_directive(p, p->end))
      raise_at(p, start, "Illegal 'use strict' directive in function with non-simple parameter list");
    check_params(p, params);
    if (id) check_lval_simple(p, id, B_OUTSIDE, 0);
    /* labels do not cross function boundaries: hide the outer ones */
    jlabel *saved = p->labels;
    uint32_t saved_n = p->n_labels, saved_cap = p->cap_labels;
    p->labels = NULL;
    p->n_labels = p->cap_labels = 0;
    parse_block(p, 0, regex_after);
    p->labels = saved;
    p->n_labels = saved_n;
    p->cap_labels = saved_cap;
  }
  exit_scope(p);
}

static jlist parse_binding_list(jp *p, int close, int allow_empty, int allow_trailing_comma) {
  jlist l = {0};
  int first = 1;
  while (!eat(p, close)) {
    if (first) first = 0;
    else expect(p, T_COMMA);
    if (allow_empty && p->type == T_COMMA) {
      push(&l, node(p, N_HOLE, p->start));
    } else if (allow_trailing_comma && p->type == close) {
      next(p);
      break;
    } else if (p->type == T_ELLIPSIS) {
      push(&l, parse_rest_binding(p));
      if (p->type == T_COMMA) raise_at(p, p->start, "Comma is not permitted after the rest element");
      expect(p, close);
      break;
    } else {
      push(&l, parse_maybe_default(p, p->start, NULL));
    }
  }
  return l;
}

static jn *parse_binding_atom(jp *p) {
  enter_depth(p);
  jn *r;
  if (p->type == T_BRACKET_L) {
    uint32_t start = p->start;
    next(p);
    jlist l = parse_binding_list(p, T_BRACKET_R, 1, 1);
    r = node(p, N_ARRAY_PATTERN, start);
    r->list = l.head;
    r->count = l.count;
  } else if (p->type == T_BRACE_L) {
    r = parse_obj(p, 1, NULL);
  } else {
    r = parse_ident(p, 0);
  }
  leave_depth(p);
  return r;
}

static uint32_t function_flags(int is_async, int is_gen) {
  return S_FUNCTION | (is_async ? S_ASYNC : 0) | (is_gen ? S_GENERATOR : 0);
}


static jn *parse_function(jp *p, uint32_t start, int statement, int is_async, int for_init) {
  jlist *ids = p->export_ids;
  p->export_ids = NULL;
  int fn_stat = p->fn_stat;
  p->fn_stat = 0;
  enter_depth(p);
  if (p->type == T_STAR && (statement & FUNC_HANGING)) unexpected(p);
  int old_tok_gen = p->tok_gen;
  p->tok_gen = p->type == T_STAR;
  int is_gen = eat(p, T_STAR);
  jn *id = NULL;
  if (statement & FUNC_STATEMENT) {
    id = (statement & FUNC_NULLABLE_ID) && !is_plain_name(p) ? NULL : parse_ident(p, 0);
    if (id && !(statement & FUNC_HANGING))
      check_lval_simple(p, id, functions_as_var(cur_scope(p)) ? B_VAR : B_LEXICAL, 0);
    if (id && ids) push(ids, copy_node(p, id));
  }
  uint32_t oy = p->yield_pos, oa = p->await_pos, oai = p->await_ident_pos;
  p->yield_pos = p->await_pos = p->await_ident_pos = 0;
  enter_scope(p, function_flags(is_async, is_gen));
  if (!(statement & FUNC_STATEMENT)) id = is_plain_name(p) ? parse_ident(p, 0) : NULL;
  expect(p, T_PAREN_L);
  jlist params = parse_binding_list(p, T_PAREN_R, 0, 1);
  check_yield_await_in_default_params(p);
  p->fn_stat = fn_stat;
  parse_function_body(p, start, params.head, id, 0, 0, for_init);
  p->yield_pos = oy;
  p->await_pos = oa;
  p->await_ident_pos = oai;
  p->tok_gen = old_tok_gen;
  jn *n = node(p, N_FUNCTION, start);
  n->a = id;
  n->list = params.head;
  n->count = params.count;
  leave_depth(p);
  return n;
}

static jn *parse_method(jp *p, int is_gen, int is_async, int allow_direct_super) {
  enter_depth(p);
  uint32_t start = p->start;
  uint32_t oy = p->yield_pos, oa = p->await_pos, oai = p->await_ident_pos;
  p->yield_pos = p->await_pos = p->await_ident_pos = 0;
  enter_scope(p, function_flags(is_async, is_gen) | S_SUPER | (allow_direct_super ? S_DIRECT_SUPER : 0));
  expect(p, T_PAREN_L);
  jlist params = parse_binding_list(p, T_PAREN_R, 0, 1);
  check_yield_await_in_default_params(p);
  parse_function_body(p, start, params.head, NULL, 0, 1, 0);
  p->yield_pos = oy;
  p->await_pos = oa;
  p->await_ident_pos = oai;
  jn *n = node(p, N_FUNCTION, start);
  n->list = params.head;
  n->count = params.count;
  leave_depth(p);
  return n;
}

/* ---------------------------------------------------------------- classes */

static int is_class_element_name_start(jp *p) {
  return p->type == T_NAME || p->type == T_PRIVATE || p->type == T_NUM || p->type == T_STRING ||
         p->type == T_BRACKET_L;
}

static void parse_class_static_block(jp *p) {
  jlabel *saved = p->labels;
  uint32_t saved_n = p->n_labels, saved_cap = p->cap_labels;
  p->labels = NULL;
  p->n_labels = p->cap_labels = 0;
  enter_scope(p, S_STATIC_BLOCK | S_SUPER);
  while (p->type != T_BRACE_R) parse_statement(p, 0, 0);
  next(p); /* acorn's context: `{` after the name `static` is an expression brace */
  exit_scope(p);
  p->labels = saved;
  p->n_labels = saved_n;
  p->cap_labels = saved_cap;
}

/* One class element; returns 0 for `;` and static blocks. *kind: 0 method, 1 get, 2 set,
 * 3 constructor, 4 field. */
static int parse_class_element(jp *p, int allows_super, jprop *pr, int *kind_out, int *is_static_out,
                               uint32_t *start_out) {
  if (eat(p, T_SEMI)) return 0;
  uint32_t start = p->start;
  *start_out = start;
  const char *key_name = NULL;
  int is_gen = 0, is_async = 0, kind = 0, is_static = 0;
  if (eat_contextual(p, "static")) {
    if (eat(p, T_BRACE_L)) {
      parse_class_static_block(p);
      return 0;
    }
    if (is_class_element_name_start(p) || p->type == T_STAR) is_static = 1;
    else key_name = "static";
  }
  if (!key_name && eat_contextual(p, "async")) {
    if ((is_class_element_name_start(p) || p->type == T_STAR) && !can_insert_semicolon(p)) is_async = 1;
    else key_name = "async";
  }
  if (!key_name && eat(p, T_STAR)) is_gen = 1;
  if (!key_name && !is_async && !is_gen) {
    int g = is_contextual(p, "get"), s = is_contextual(p, "set");
    if (g || s) {
      next(p);
      if (is_class_element_name_start(p)) kind = g ? 1 : 2;
      else key_name = g ? "get" : "set";
    }
  }
  if (key_name) {
    jn *k = node(p, N_IDENT, p->last_start);
    k->name = key_name;
    k->name_len = (uint32_t)strlen(key_name);
    pr->key = k;
    pr->computed = 0;
  } else if (p->type == T_PRIVATE) {
    if (name_is(p->val, p->val_len, "constructor"))
      raise_at(p, p->start, "Classes can't have an element named '#constructor'");
    pr->computed = 0;
    pr->key = parse_private_ident(p);
  } else {
    parse_property_name(p, pr);
  }
  *is_static_out = is_static;
  if (p->type == T_PAREN_L || kind != 0 || is_gen || is_async) {
    int is_ctor = !is_static && key_is(pr, "constructor");
    if (is_ctor && kind != 0) raise_at(p, pr->key->start, "Constructor can't have get/set modifier");
    if (is_ctor) {
      kind = 3;
      if (is_gen) raise_at(p, pr->key->start, "Constructor can't be a generator");
      if (is_async) raise_at(p, pr->key->start, "Constructor can't be an async method");
    } else if (is_static && key_is(pr, "prototype")) {
      raise_at(p, pr->key->start, "Classes may not have a static property named prototype");
    }
    jn *fn = parse_method(p, is_gen, is_async, is_ctor && allows_super);
    check_accessor_params(p, fn, kind == 1, kind == 2);
  } else {
    kind = 4;
    if (key_is(pr, "constructor"))
      raise_at(p, pr->key->start, "Classes can't have a field named 'constructor'");
    else if (is_static && key_is(pr, "prototype"))
      raise_at(p, pr->key->start, "Classes can't have a static field named 'prototype'");
    if (eat(p, T_EQ)) {
      enter_scope(p, S_FIELD_INIT | S_SUPER);
      parse_maybe_assign(p, 0, NULL);
      exit_scope(p);
    }
    semicolon(p);
  }
  *kind_out = kind;
  return 1;
}

static jn *parse_class(jp *p, int is_statement) {
  jlist *ids = p->export_ids;
  p->export_ids = NULL;
  enter_depth(p);
  /* acorn's context after the body, as for functions: an operand may follow a
   * declaration, or an expression whose `class` did not follow an operator */
  int regex_after = is_statement == 1 || !before_expr(p->prev_type, p->prev_kw);
  int old_tok_gen = p->tok_gen;
  p->tok_gen = 0; /* acorn's `class` context is a function context, not a generator */
  uint32_t start = p->start;
  next(p);
  jn *id = NULL;
  if (is_plain_name(p)) {
    id = parse_ident(p, 0);
    if (is_statement) check_lval_simple(p, id, B_LEXICAL, 0);
    if (ids) push(ids, copy_node(p, id));
  } else if (is_statement == 1) {
    unexpected(p);
  }
  int has_super = 0;
  if (eat_kw(p, K_EXTENDS)) {
    parse_expr_subscripts(p, NULL, 0);
    has_super = 1;
  }
  p->classes = grow(p, p->classes, &p->cap_classes, p->n_classes, sizeof *p->classes);
  jclass *c = &p->classes[p->n_classes++];
  c->serial = ++p->serial;
  c->used = NULL;
  c->n_used = c->cap_used = 0;
  uint32_t serial = c->serial;
  expect(p, T_BRACE_L);
  int had_ctor = 0;
  while (p->type != T_BRACE_R) {
    jprop pr = {0};
    int kind = 0, is_static = 0;
    uint32_t el_start = 0;
    if (!parse_class_element(p, has_super, &pr, &kind, &is_static, &el_start)) continue;
    if (kind == 3) {
      if (had_ctor) raise_at(p, el_start, "Duplicate constructor in the same class");
      had_ctor = 1;
    } else if (pr.key && pr.key->type == N_PRIVATE) {
      int want = kind == 1 ? (is_static ? 4 : 2) : kind == 2 ? (is_static ? 5 : 3) : 1;
      jentry *e = table_find(p, &p->privates, serial, pr.key->name, pr.key->name_len, 1);
      int cur = (int)e->bits;
      if ((cur == 2 && want == 3) || (cur == 3 && want == 2) || (cur == 4 && want == 5) || (cur == 5 && want == 4))
        e->bits = 1;
      else if (!cur)
        e->bits = (uint32_t)want;
      else
        raise_fmt(p, pr.key->start, "Identifier '#", pr.key->name, pr.key->name_len, "' has already been declared");
    }
  }
  p->brace_regex = regex_after;
  next(p);
  /* private names used but not declared here go to the enclosing class, or fail */
  c = &p->classes[p->n_classes - 1];
  p->n_classes--;
  for (uint32_t i = 0; i < c->n_used; i++) {
    jused u = c->used[i];
    jentry *e = table_find(p, &p->privates, serial, u.name, u.len, 0);
    if (e && e->bits) continue;
    if (p->n_classes) {
      jclass *parent = &p->classes[p->n_classes - 1];
      parent->used = grow(p, parent->used, &parent->cap_used, parent->n_used, sizeof *parent->used);
      parent->used[parent->n_used++] = u;
    } else {
      raise_fmt(p, u.start, "Private field '#", u.name, u.len, "' must be declared in an enclosing class");
    }
  }
  p->tok_gen = old_tok_gen;
  jn *n = node(p, N_OTHER, start);
  n->a = id;
  leave_depth(p);
  return n;
}

/* ---------------------------------------------------------------- JSX */

/* One name part inside a tag; appends it to the qualified name in *buf. */
static void jsx_ident(jp *p, int mode, char **buf, uint32_t *len, uint32_t *cap) {
  /* acorn-jsx also takes a keyword token (only reachable through escapes here) */
  if (p->type != T_JSX_NAME && !(p->type == T_NAME && p->kw)) unexpected(p);
  if (p->type == T_NAME) p->kw = K_NONE; /* retyped as a name: no escape check */
  *buf = grow(p, *buf, cap, *len + p->val_len + 2, 1);
  while (*cap < *len + p->val_len + 2) *buf = grow(p, *buf, cap, *cap, 1);
  memcpy(*buf + *len, p->val, p->val_len);
  *len += p->val_len;
  next_mode(p, mode);
}

static void jsx_append(jp *p, char c, char **buf, uint32_t *len, uint32_t *cap) {
  *buf = grow(p, *buf, cap, *len + 1, 1);
  (*buf)[(*len)++] = c;
}

/* An element name (empty for fragments) as "a", "a:b" or "a.b.c". */
static void jsx_element_name(jp *p, int mode, char **buf, uint32_t *len) {
  uint32_t cap = 0;
  *buf = NULL;
  *len = 0;
  if (p->type == T_JSX_TAG_END) return;
  jsx_ident(p, mode, buf, len, &cap);
  int namespaced = 0;
  if (p->type == T_COLON) {
    next_mode(p, mode);
    jsx_append(p, ':', buf, len, &cap);
    jsx_ident(p, mode, buf, len, &cap);
    namespaced = 1;
  }
  if (p->type == T_DOT && namespaced) unexpected(p);
  while (p->type == T_DOT) {
    next_mode(p, mode);
    jsx_append(p, '.', buf, len, &cap);
    jsx_ident(p, mode, buf, len, &cap);
  }
}

static void jsx_attribute(jp *p) {
  if (p->type == T_BRACE_L) {
    next(p);
    expect(p, T_ELLIPSIS);
    parse_maybe_assign(p, 0, NULL);
    if (p->type != T_BRACE_R) unexpected(p);
    next_mode(p, M_TAG);
    return;
  }
  char *name;
  uint32_t len, cap = 0;
  name = NULL;
  len = 0;
  jsx_ident(p, M_TAG, &name, &len, &cap);
  if (p->type == T_COLON) {
    next_mode(p, M_TAG);
    jsx_ident(p, M_TAG, &name, &len, &cap);
  }
  if (p->type != T_EQ) return;
  next_mode(p, M_TAG);
  if (p->type == T_BRACE_L) {
    uint32_t start = p->start;
    next(p);
    int empty = p->type == T_BRACE_R;
    if (!empty) parse_expression(p, 0, NULL);
    if (p->type != T_BRACE_R) unexpected(p);
    next_mode(p, M_TAG);
    if (empty) raise_at(p, start, "JSX attributes must only be assigned a non-empty expression");
  } else if (p->type == T_STRING) {
    next_mode(p, M_TAG);
  } else if ((p->type == T_JSX_TAG_START || p->type == T_RELATIONAL || p->type == T_SHIFT ||
              p->type == T_ASSIGN) && p->src[p->start] == '<' && byte(p, p->start + 1) != '!') {
    parse_jsx_element(p, 1, M_TAG);
  } else {
    raise_at(p, p->start, "JSX value should be either an expression or a quoted JSX text");
  }
}

/* The rest of an element whose `<` is consumed (the current token is the first inside the
 * tag); `mode_after` reads the token after it. */
static void jsx_element_at(jp *p, int mode_after) {
  enter_depth(p);
  char *open_name;
  uint32_t open_len;
  jsx_element_name(p, M_TAG, &open_name, &open_len);
  while (p->type != T_SLASH && p->type != T_JSX_TAG_END) jsx_attribute(p);
  int self_closing = 0;
  if (p->type == T_SLASH) {
    self_closing = 1;
    next_mode(p, M_TAG);
  }
  if (p->type != T_JSX_TAG_END) unexpected(p);
  next_mode(p, self_closing ? mode_after : M_CHILDREN);
  if (!self_closing) {
    for (;;) { /* each round consumes a child or the closing tag */
      if (p->type == T_JSX_TAG_START) {
        uint32_t cstart = p->start;
        next_mode(p, M_TAG);
        if (p->type == T_SLASH) {
          next_mode(p, M_CLOSE_TAG);
          char *close_name;
          uint32_t close_len;
          jsx_element_name(p, M_CLOSE_TAG, &close_name, &close_len);
          if (p->type != T_JSX_TAG_END) unexpected(p);
          next_mode(p, mode_after);
          int open_frag = open_name == NULL, close_frag = close_name == NULL;
          if (open_frag != close_frag ||
              (!open_frag && (open_len != close_len || memcmp(open_name, close_name, open_len) != 0))) {
            if (open_frag) raise_at(p, cstart, "Expected corresponding JSX closing tag for <undefined>");
            raise_fmt(p, cstart, "Expected corresponding JSX closing tag for <", open_name, open_len, ">");
          }
          break;
        }
        jsx_element_at(p, M_CHILDREN);
      } else if (p->type == T_JSX_TEXT) {
        next_mode(p, M_CHILDREN);
      } else if (p->type == T_BRACE_L) {
        next(p);
        if (p->type != T_BRACE_R) parse_expression(p, 0, NULL);
        if (p->type != T_BRACE_R) unexpected(p);
        next_mode(p, M_CHILDREN);
      } else {
        unexpected(p);
      }
    }
  }
  if (p->type == T_RELATIONAL && p->end - p->start == 1 && p->src[p->start] == '<')
    raise_at(p, p->start, "Adjacent JSX elements must be wrapped in an enclosing tag");
  leave_depth(p);
}

/* An element at a `<` token read as JavaScript (`reset`: only its first byte is the `<`). */
static jn *parse_jsx_element(jp *p, int reset, int mode_after) {
  uint32_t start = p->start;
  if (reset) {
    p->pos = p->start + 1;
    p->end = p->pos;
    p->kw = K_NONE;
    p->type = T_JSX_TAG_START;
  }
  next_mode(p, M_TAG);
  jsx_element_at(p, mode_after);
  return node(p, N_OTHER, start);
}

/* ---------------------------------------------------------------- statements */

static void push_label(jp *p, const char *name, uint32_t len, int kind, uint32_t stmt_start) {
  p->labels = grow(p, p->labels, &p->cap_labels, p->n_labels, sizeof *p->labels);
  p->labels[p->n_labels++] = (jlabel){name, len, (uint8_t)kind, stmt_start};
}

static void parse_paren_expression(jp *p, int regex_after) {
  expect(p, T_PAREN_L);
  parse_expression(p, 0, NULL);
  if (p->type == T_PAREN_R) p->brace_regex = regex_after;
  expect(p, T_PAREN_R);
}

typedef struct jvar {
  uint32_t count;
  int first_has_init;
} jvar;

static void parse_var(jp *p, int is_for, int kind /* K_VAR, K_CONST or 0 for let */, jvar *info) {
  jlist *ids = p->export_ids;
  p->export_ids = NULL;
  info->count = 0;
  info->first_has_init = 0;
  for (;;) { /* each round reads a declarator */
    jn *id = parse_binding_atom(p);
    check_lval_pattern(p, id, kind == K_VAR ? B_VAR : B_LEXICAL, 0);
    if (ids) push(ids, id);
    int has_init = 0;
    if (eat(p, T_EQ)) {
      parse_maybe_assign(p, is_for, NULL);
      has_init = 1;
    } else if (kind == K_CONST && !(is_kw(p, K_IN) || is_contextual(p, "of"))) {
      unexpected(p);
    } else if (id->type != N_IDENT && !(is_for && (is_kw(p, K_IN) || is_contextual(p, "of")))) {
      raise_at(p, p->last_end, "Complex binding patterns require an initialization value");
    }
    if (info->count == 0) info->first_has_init = has_init;
    info->count++;
    if (!eat(p, T_COMMA)) break;
  }
}

static const char *parse_for_body(jp *p, const char *type) {
  parse_statement(p, 1, 0);
  exit_scope(p);
  p->n_labels--;
  return type;
}

static const char *parse_for_rest(jp *p) {
  expect(p, T_SEMI);
  if (p->type != T_SEMI) parse_expression(p, 0, NULL);
  expect(p, T_SEMI);
  if (p->type != T_PAREN_R) parse_expression(p, 0, NULL);
  if (p->type == T_PAREN_R) p->brace_regex = 1;
  expect(p, T_PAREN_R);
  return parse_for_body(p, "ForStatement");
}

static const char *parse_for_in(jp *p, int decl_has_init, uint32_t decl_start) {
  int is_in = is_kw(p, K_IN);
  next(p);
  if (decl_has_init)
    raise_at(p, decl_start, is_in ? "for-in loop variable declaration may not have an initializer"
                                   : "for-of loop variable declaration may not have an initializer");
  if (is_in) parse_expression(p, 0, NULL);
  else parse_maybe_assign(p, 0, NULL);
  if (p->type == T_PAREN_R) p->brace_regex = 1;
  expect(p, T_PAREN_R);
  return parse_for_body(p, is_in ? "ForInStatement" : "ForOfStatement");
}

static const char *parse_for(jp *p) {
  next(p);
  long await_at = -1;
  if (can_await(p) && eat_contextual(p, "await")) await_at = p->last_start;
  push_label(p, NULL, 0, 1, 0);
  enter_scope(p, 0);
  expect(p, T_PAREN_L);
  if (p->type == T_SEMI) {
    if (await_at > -1) unexpected_at(p, (uint32_t)await_at);
    return parse_for_rest(p);
  }
  int let = is_let(p, 0);
  if (is_kw(p, K_VAR) || is_kw(p, K_CONST) || let) {
    uint32_t decl_start = p->start;
    int kind = let ? 0 : p->kw;
    next(p);
    jvar info;
    parse_var(p, 1, kind, &info);
    if ((is_kw(p, K_IN) || is_contextual(p, "of")) && info.count == 1) {
      if (is_kw(p, K_IN) && await_at > -1) unexpected_at(p, (uint32_t)await_at);
      return parse_for_in(p, info.first_has_init, decl_start);
    }
    if (await_at > -1) unexpected_at(p, (uint32_t)await_at);
    return parse_for_rest(p);
  }
  int starts_with_let = is_contextual(p, "let"), is_for_of = 0;
  int esc = p->esc;
  jde d;
  de_init(&d);
  uint32_t init_pos = p->start;
  jn *init = await_at > -1 ? parse_expr_subscripts(p, &d, 2) : parse_expression(p, 1, &d);
  if (is_kw(p, K_IN) || (is_for_of = is_contextual(p, "of"))) {
    if (await_at > -1) {
      if (is_kw(p, K_IN)) unexpected_at(p, (uint32_t)await_at);
    } else if (is_for_of) {
      if (init->start == init_pos && !esc && init->type == N_IDENT &&
          name_is(init->name, init->name_len, "async"))
        unexpected(p);
    }
    if (starts_with_let && is_for_of)
      raise_at(p, init->start, "The left-hand side of a for-of loop may not start with 'let'.");
    to_assignable(p, init, 0, &d);
    check_lval_pattern(p, init, B_NONE, 0);
    return parse_for_in(p, 0, 0);
  }
  check_expression_errors(p, &d, 1);
  if (await_at > -1) unexpected_at(p, (uint32_t)await_at);
  return parse_for_rest(p);
}

static void parse_block(jp *p, int new_scope, int regex_after) {
  enter_depth(p);
  expect(p, T_BRACE_L);
  if (new_scope) enter_scope(p, 0);
  while (p->type != T_BRACE_R) parse_statement(p, 0, 0);
  p->brace_regex = regex_after;
  next(p);
  if (new_scope) exit_scope(p);
  leave_depth(p);
}

static void check_export(jp *p, const char *name, uint32_t len, uint32_t pos) {
  jentry *e = table_find(p, &p->exports, 1, name, len, 1);
  if (e->bits) raise_fmt(p, pos, "Duplicate export '", name, len, "'");
  e->bits = 1;
}

static void check_pattern_export(jp *p, jn *pat) {
  switch (pat->type) {
  case N_IDENT: check_export(p, pat->name, pat->name_len, pat->start); break;
  case N_OBJECT_PATTERN: case N_ARRAY_PATTERN:
    for (jn *x = pat->list; x; x = x->next)
      if (x->type != N_HOLE) check_pattern_export(p, x);
    break;
  case N_PROPERTY: check_pattern_export(p, pat->b); break;
  case N_ASSIGN_PATTERN: case N_REST: check_pattern_export(p, pat->a); break;
  default: break;
  }
}

/* Whether a decoded string value (string_value: surrogates from escapes as 3-byte
 * sequences) holds a surrogate that is not half of a pair. */
static int has_lone_surrogate(const char *v, uint32_t n) {
  const unsigned char *u = (const unsigned char *)v;
  for (uint32_t i = 0; i + 2 < n; i++) {
    if (u[i] != 0xed || u[i + 1] < 0xa0) continue;
    if (u[i + 1] <= 0xaf && i + 5 < n && u[i + 3] == 0xed && u[i + 4] >= 0xb0) {
      i += 5; /* a high surrogate followed by a low one */
      continue;
    }
    return 1;
  }
  return 0;
}

/* An export or import name: a string or any identifier. */
static jn *parse_module_export_name(jp *p) {
  if (p->type == T_STRING) {
    jn *lit = parse_literal(p);
    if (has_lone_surrogate(lit->name, lit->name_len))
      raise_at(p, lit->start, "An export name cannot include a lone surrogate.");
    return lit;
  }
  return parse_ident(p, 1);
}

static void expect_contextual(jp *p, const char *word) {
  if (!eat_contextual(p, word)) unexpected(p);
}

static void record_import(jp *p, jn *local) {
  if (!p->module_goal || local->type != N_IDENT) return;
  p->imports = grow(p, p->imports, (uint32_t *)&p->cap_imports, (uint32_t)p->n_imports, sizeof *p->imports);
  p->imports[p->n_imports++] = (mdx_str){local->name, local->name_len};
}

/* `}` of import/export specifiers: acorn's statement brace, an operand may follow */
static int eat_specifiers_end(jp *p) {
  if (p->type != T_BRACE_R) return 0;
  p->brace_regex = 1;
  next(p);
  return 1;
}

/* Steps to the next specifier of `{a, b as c,}` (the `{` eaten): 0 once the `}` is. */
static int next_specifier(jp *p, int *first) {
  if (eat_specifiers_end(p)) return 0;
  if (!*first) {
    expect(p, T_COMMA);
    if (eat_specifiers_end(p)) return 0;
  }
  *first = 0;
  return 1;
}

static const char *parse_import(jp *p) {
  next(p);
  if (p->type == T_STRING) {
    next(p);
  } else {
    int done = 0;
    if (is_plain_name(p)) {
      jn *local = parse_ident(p, 0);
      check_lval_simple(p, local, B_LEXICAL, 0);
      record_import(p, local);
      if (!eat(p, T_COMMA)) done = 1;
    }
    if (!done && p->type == T_STAR) {
      next(p);
      expect_contextual(p, "as");
      jn *local = parse_ident(p, 0);
      check_lval_simple(p, local, B_LEXICAL, 0);
      record_import(p, local);
      done = 1;
    }
    if (!done) {
      expect(p, T_BRACE_L);
      int first = 1;
      while (next_specifier(p, &first)) {
        jn *imported = parse_module_export_name(p);
        jn *local;
        if (eat_contextual(p, "as")) {
          local = parse_ident(p, 0);
        } else {
          if (imported->type == N_IDENT) check_unreserved(p, imported->start, imported->name, imported->name_len);
          local = imported;
        }
        check_lval_simple(p, local, B_LEXICAL, 0);
        record_import(p, local);
      }
    }
    expect_contextual(p, "from");
    if (p->type != T_STRING) unexpected(p);
    next(p);
  }
  semicolon(p);
  return "ImportDeclaration";
}

static const char *parse_export(jp *p) {
  next(p);
  if (eat(p, T_STAR)) {
    if (eat_contextual(p, "as")) {
      jn *e = parse_module_export_name(p);
      check_export(p, e->name, e->name_len, p->last_start);
    }
    expect_contextual(p, "from");
    if (p->type != T_STRING) unexpected(p);
    next(p);
    semicolon(p);
    return "ExportAllDeclaration";
  }
  if (is_kw(p, K_DEFAULT)) {
    next(p);
    check_export(p, "default", 7, p->last_start);
    int is_async = 0;
    if (is_kw(p, K_FUNCTION) || (is_async = is_async_function(p))) {
      uint32_t start = p->start;
      next(p);
      if (is_async) next(p);
      p->fn_stat = is_async; /* after `default` (an operator-like keyword) acorn sees an expression */
      parse_function(p, start, FUNC_STATEMENT | FUNC_NULLABLE_ID, is_async, 0);
    } else if (is_kw(p, K_CLASS)) {
      parse_class(p, 2);
    } else {
      parse_maybe_assign(p, 0, NULL);
      semicolon(p);
    }
    return "ExportDefaultDeclaration";
  }
  if (is_kw(p, K_VAR) || is_kw(p, K_CONST) || is_kw(p, K_CLASS) || is_kw(p, K_FUNCTION) ||
      is_let(p, 0) || is_async_function(p)) {
    jlist ids = {0};
    p->export_ids = &ids;
    parse_statement(p, 0, 0);
    p->export_ids = NULL;
    for (jn *x = ids.head; x; x = x->next) check_pattern_export(p, x);
    return "ExportNamedDeclaration";
  }
  /* export { x, y as z } [from '…'] */
  jlist locals = {0};
  expect(p, T_BRACE_L);
  int first = 1;
  while (next_specifier(p, &first)) {
    jn *local = parse_module_export_name(p);
    jn *exported = eat_contextual(p, "as") ? parse_module_export_name(p) : local;
    check_export(p, exported->name, exported->name_len, exported->start);
    push(&locals, copy_node(p, local));
  }
  if (eat_contextual(p, "from")) {
    if (p->type != T_STRING) unexpected(p);
    next(p);
  } else {
    for (jn *l = locals.head; l; l = l->next) {
      if (l->type == N_IDENT) {
        check_unreserved(p, l->start, l->name, l->name_len);
        jentry *e = table_find(p, &p->names, p->scopes[0].serial, l->name, l->name_len, 0);
        if ((!e || !(e->bits & (NB_LEX | NB_VAR))) && !mdx_js_names_has(p->pre, l->name, l->name_len))
          undef_set(p, l->name, l->name_len, l->start);
      } else {
        raise_at(p, l->start, "A string literal cannot be used as an exported binding without `from`.");
      }
    }
  }
  semicolon(p);
  return "ExportNamedDeclaration";
}

static const char *parse_statement(jp *p, int context, int top_level) {
  enter_depth(p);
  const char *type = NULL;
  uint32_t start = p->start;
  int kind = -1; /* a variable statement: K_VAR, K_CONST or 0 (let) */
  if (is_let(p, context)) kind = 0;
  else if (is_kw(p, K_VAR) || is_kw(p, K_CONST)) kind = p->kw;
  if (kind >= 0) {
    if (context && kind != K_VAR) unexpected(p);
    next(p);
    jvar info;
    parse_var(p, 0, kind, &info);
    semicolon(p);
    leave_depth(p);
    return "VariableDeclaration";
  }
  switch (p->type == T_NAME ? p->kw : -p->type) {
  case K_BREAK: case K_CONTINUE: {
    int is_break = p->kw == K_BREAK;
    next(p);
    jn *label = NULL;
    if (eat(p, T_SEMI) || can_insert_semicolon(p)) {
    } else if (!is_plain_name(p)) {
      unexpected(p);
    } else {
      label = parse_ident(p, 0);
      semicolon(p);
    }
    uint32_t i = 0;
    for (; i < p->n_labels; i++) {
      jlabel *lab = &p->labels[i];
      if (!label || (lab->name && lab->len == label->name_len && memcmp(lab->name, label->name, lab->len) == 0)) {
        if (lab->kind && (is_break || lab->kind == 1)) break;
        if (label && is_break) break;
      }
    }
    if (i == p->n_labels) raise_at(p, start, is_break ? "Unsyntactic break" : "Unsyntactic continue");
    type = is_break ? "BreakStatement" : "ContinueStatement";
    break;
  }
  case K_DEBUGGER:
    next(p);
    semicolon(p);
    type = "DebuggerStatement";
    break;
  case K_DO:
    next(p);
    push_label(p, NULL, 0, 1, 0);
    parse_statement(p, 1, 0);
    p->n_labels--;
    if (!eat_kw(p, K_WHILE)) unexpected(p);
    parse_paren_expression(p, 1);
    eat(p, T_SEMI);
    type = "DoWhileStatement";
    break;
  case K_FOR:
    type = parse_for(p);
    break;
  case K_FUNCTION:
    if (context) unexpected(p);
    next(p);
    p->fn_stat = 1;
    parse_function(p, start, FUNC_STATEMENT, 0, 0);
    type = "FunctionDeclaration";
    break;
  case K_CLASS:
    if (context) unexpected(p);
    parse_class(p, 1);
    type = "ClassDeclaration";
    break;
  case K_IF:
    next(p);
    parse_paren_expression(p, 1);
    parse_statement(p, 1, 0);
    if (eat_kw(p, K_ELSE)) parse_statement(p, 1, 0);
    type = "IfStatement";
    break;
  case K_RETURN:
    if (!in_function(p)) raise_at(p, start, "'return' outside of function");
    next(p);
    if (eat(p, T_SEMI) || can_insert_semicolon(p)) {
    } else {
      parse_expression(p, 0, NULL);
      semicolon(p);
    }
    type = "ReturnStatement";
    break;
  case K_SWITCH: {
    next(p);
    parse_paren_expression(p, 0);
    expect(p, T_BRACE_L);
    push_label(p, NULL, 0, 2, 0);
    enter_scope(p, S_SWITCH);
    int saw_default = 0, in_case = 0;
    while (p->type != T_BRACE_R) {
      if (is_kw(p, K_CASE) || is_kw(p, K_DEFAULT)) {
        int is_case = is_kw(p, K_CASE);
        in_case = 1;
        next(p);
        if (is_case) {
          parse_expression(p, 0, NULL);
        } else {
          if (saw_default) raise_at(p, p->last_start, "Multiple default clauses");
          saw_default = 1;
        }
        expect(p, T_COLON);
      } else {
        if (!in_case) unexpected(p);
        parse_statement(p, 0, 0);
      }
    }
    exit_scope(p);
    p->brace_regex = 1;
    next(p);
    p->n_labels--;
    type = "SwitchStatement";
    break;
  }
  case K_THROW:
    next(p);
    if (p->nl_before) raise_at(p, p->last_end, "Illegal newline after throw");
    parse_expression(p, 0, NULL);
    semicolon(p);
    type = "ThrowStatement";
    break;
  case K_TRY: {
    next(p);
    parse_block(p, 1, 1);
    int handler = 0;
    if (is_kw(p, K_CATCH)) {
      next(p);
      if (eat(p, T_PAREN_L)) {
        jn *param = parse_binding_atom(p);
        int simple = param->type == N_IDENT;
        enter_scope(p, simple ? S_SIMPLE_CATCH : 0);
        check_lval_pattern(p, param, simple ? B_SIMPLE_CATCH : B_LEXICAL, 0);
        expect(p, T_PAREN_R);
      } else {
        enter_scope(p, 0);
      }
      parse_block(p, 0, 1);
      exit_scope(p);
      handler = 1;
    }
    int finalizer = 0;
    if (eat_kw(p, K_FINALLY)) {
      parse_block(p, 1, 1);
      finalizer = 1;
    }
    if (!handler && !finalizer) raise_at(p, start, "Missing catch or finally clause");
    type = "TryStatement";
    break;
  }
  case K_WHILE:
    next(p);
    parse_paren_expression(p, 1);
    push_label(p, NULL, 0, 1, 0);
    parse_statement(p, 1, 0);
    p->n_labels--;
    type = "WhileStatement";
    break;
  case K_WITH:
    raise_at(p, start, "'with' in strict mode");
    break;
  case -T_BRACE_L:
    parse_block(p, 1, 1);
    type = "BlockStatement";
    break;
  case -T_SEMI:
    next(p);
    type = "EmptyStatement";
    break;
  case K_EXPORT: case K_IMPORT: {
    if (p->kw == K_IMPORT) {
      uint32_t i = skip_ws_regex(p, p->pos, NULL);
      int c = byte(p, i);
      if (c == '(' || c == '.') {
        parse_expression(p, 0, NULL);
        semicolon(p);
        type = "ExpressionStatement";
        break;
      }
    }
    if (!top_level) raise_at(p, start, "'import' and 'export' may only appear at the top level");
    type = p->kw == K_IMPORT ? parse_import(p) : parse_export(p);
    break;
  }
  default: {
    if (is_async_function(p)) {
      if (context) unexpected(p);
      next(p);
      next(p);
      p->fn_stat = 1;
      parse_function(p, start, FUNC_STATEMENT, 1, 0);
      type = "FunctionDeclaration";
      break;
    }
    int starts_with_name = is_plain_name(p);
    const char *maybe_name = p->val;
    uint32_t maybe_len = p->val_len;
    jn *expr = parse_expression(p, 0, NULL);
    if (starts_with_name && expr->type == N_IDENT && eat(p, T_COLON)) {
      for (uint32_t i = 0; i < p->n_labels; i++) {
        jlabel *lab = &p->labels[i];
        if (lab->name && lab->len == maybe_len && memcmp(lab->name, maybe_name, maybe_len) == 0)
          raise_fmt(p, expr->start, "Label '", maybe_name, maybe_len, "' is already declared");
      }
      int lkind = (is_kw(p, K_FOR) || is_kw(p, K_WHILE) || is_kw(p, K_DO)) ? 1 : is_kw(p, K_SWITCH) ? 2 : 0;
      for (uint32_t i = p->n_labels; i-- > 0;) {
        jlabel *lab = &p->labels[i];
        if (lab->name && lab->stmt_start == start) {
          lab->stmt_start = p->start;
          lab->kind = (uint8_t)lkind;
        } else {
          break;
        }
      }
      push_label(p, maybe_name, maybe_len, lkind, p->start);
      parse_statement(p, 1, 0);
      p->n_labels--;
      type = "LabeledStatement";
    } else {
      semicolon(p);
      type = "ExpressionStatement";
    }
  }
  }
  leave_depth(p);
  return type;
}

/* ---------------------------------------------------------------- entry */

/* The reference's `empty()`: only white space once block comments and then line comments
 * that end with a line ending are taken out. Done in two passes like its two regexes (a
 * block comment may open inside what looks like a line comment, and taking one out may
 * join two slashes). */
static int rest_is_empty(jp *p, const char *s, size_t n) {
  char *a = mdx_arena_alloc_uninit(p->arena, n + 1);
  size_t an = 0;
  /* last star-slash: a comment opened at i is closed iff one starts at i + 2 or later */
  size_t last_close = 0;
  int any_close = 0;
  for (size_t k = n; k-- > 1;)
    if (s[k - 1] == '*' && s[k] == '/') { last_close = k - 1; any_close = 1; break; }
  for (size_t i = 0; i < n;) {
    if (s[i] == '/' && i + 1 < n && s[i + 1] == '*' && any_close && last_close >= i + 2) {
      size_t k = i + 2;
      while (!(s[k] == '*' && s[k + 1] == '/')) k++; /* stops at last_close at worst */
      i = k + 2;
      continue;
    }
    a[an++] = s[i++];
  }
  /* the last line ending: a line comment at i is taken out iff one follows */
  size_t last_eol = 0;
  int any_eol = 0;
  for (size_t k = an; k-- > 0;)
    if (a[k] == '\n' || a[k] == '\r') { last_eol = k; any_eol = 1; break; }
  size_t i = 0;
  while (i < an) {
    unsigned char c = (unsigned char)a[i];
    if (c == '/' && i + 1 < an && a[i + 1] == '/' && any_eol && last_eol > i + 1) {
      size_t k = i + 2;
      while (a[k] != '\n' && a[k] != '\r') k++;
      i = k + 1 + (a[k] == '\r' && k + 1 < an && a[k + 1] == '\n');
      continue;
    }
    if (c < 0x80) {
      if (c == ' ' || (c >= 9 && c <= 13)) { i++; continue; }
      return 0;
    }
    uint32_t w;
    uint32_t ch = cp_at(a, (uint32_t)an, (uint32_t)i, &w);
    if (!is_space_cp(ch)) return 0;
    i += w;
  }
  return 1;
}

static void run(jp *p, mdx_js_goal goal) {
  enter_scope(p, S_TOP);
  if (p->len >= 2 && p->src[0] == '#' && p->src[1] == '!') {
    p->pos = 2;
    while (p->pos < p->len) {
      uint32_t w;
      uint32_t ch = cp(p, p->pos, &w);
      if (is_newline(ch)) break;
      p->pos += w;
    }
  }
  p->type = T_EOF;
  next(p);
  if (goal == MDX_JS_GOAL_MODULE) {
    while (p->type != T_EOF) {
      uint32_t at = p->start;
      const char *t = parse_statement(p, 0, 1);
      if (!p->non_esm_type && strcmp(t, "ImportDeclaration") && strcmp(t, "ExportNamedDeclaration") &&
          strcmp(t, "ExportDefaultDeclaration") && strcmp(t, "ExportAllDeclaration")) {
        p->non_esm_type = t;
        p->non_esm_at = at;
      }
    }
    for (uint32_t i = 0; i < p->n_undef; i++)
      if (p->undef[i].alive)
        raise_fmt(p, p->undef[i].pos, "Export '", p->undef[i].name, p->undef[i].len, "' is not defined");
    return;
  }
  jn *e = parse_expression(p, 0, NULL);
  if (goal == MDX_JS_GOAL_SPREAD) {
    jn *o = e;
    while (o->type == N_PAREN) o = o->a;
    if (o->type == N_OBJECT) {
      p->out->spread_count = o->count;
      if (o->list) {
        p->out->spread_first_is_spread = o->list->type == N_SPREAD;
        p->out->spread_first_at = o->list->start;
        if (o->list->next) p->out->spread_second_at = o->list->next->start;
      }
    }
  }
  uint32_t end = e->end;
  uint32_t stop = goal == MDX_JS_GOAL_SPREAD ? (p->len >= 2 ? p->len - 2 : 0) : p->len;
  if (end < stop && !rest_is_empty(p, p->src + end, stop - end)) {
    p->err_pos = end;
    p->err_raised = 0;
    p->err_msg = "Unexpected content after expression";
    longjmp(p->fail, 2);
  }
}

/* ---------------------------------------------------------------- predeclared names */

/* FNV-1a, seeded with where the slots live: names come from the document, and a fixed
 * hash would let a document pick names that all collide. */
static uint32_t names_hash(const mdx_js_names *names, const char *s, uint32_t n) {
  uint32_t h = 2166136261u ^ (uint32_t)((uintptr_t)names->slots >> 4);
  for (uint32_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 16777619u; /* bounded: n */
  return h;
}

/* The slot holding `s`, or the empty slot where it would go. */
static mdx_str *names_slot(const mdx_js_names *names, const char *s, uint32_t n) {
  uint32_t mask = names->cap - 1, i = names_hash(names, s, n) & mask;
  for (;;) { /* bounded: at most half the slots are taken */
    mdx_str *slot = &names->slots[i];
    if (!slot->ptr || (slot->len == n && memcmp(slot->ptr, s, n) == 0)) return slot;
    i = (i + 1) & mask;
  }
}

int mdx_js_names_has(const mdx_js_names *names, const char *name, uint32_t len) {
  return names && names->n && names_slot(names, name, len)->ptr != NULL;
}

void mdx_js_names_add(mdx_arena *arena, mdx_js_names *names, const char *name, uint32_t len) {
  if (names->cap && names_slot(names, name, len)->ptr) return;
  if (2 * (names->n + 1) > names->cap) {
    mdx_js_names old = *names;
    names->cap = old.cap ? old.cap * 2 : 16;
    names->slots = mdx_arena_alloc(arena, names->cap * sizeof *names->slots);
    for (uint32_t i = 0; i < old.cap; i++) /* bounded: the old slots */
      if (old.slots[i].ptr) *names_slot(names, old.slots[i].ptr, old.slots[i].len) = old.slots[i];
  }
  mdx_str *slot = names_slot(names, name, len);
  slot->ptr = name;
  slot->len = len;
  names->n++;
}

int mdx_js_check_run(mdx_arena *arena, const char *value, size_t len, mdx_js_goal goal,
                     const mdx_js_names *predeclared, mdx_js_check *out) {
  memset(out, 0, sizeof *out);
  if (len > MDX_MAX_SOURCE_BYTES - 4) return MDX_ENOMEM;
  jmp_buf oom;
  jmp_buf *old_oom = arena->on_oom;
  arena->on_oom = &oom;
  if (setjmp(oom)) {
    arena->on_oom = old_oom;
    return MDX_ENOMEM;
  }
  const char *src = value;
  size_t n = len;
  if (goal == MDX_JS_GOAL_SPREAD) {
    char *w = mdx_arena_alloc_uninit(arena, len + 4);
    w[0] = '(';
    w[1] = '{';
    if (len) memcpy(w + 2, value, len);
    w[len + 2] = '}';
    w[len + 3] = ')';
    src = w;
    n = len + 4;
  }
  jp *p = mdx_arena_alloc(arena, sizeof *p);
  p->arena = arena;
  p->src = src;
  p->len = (uint32_t)n;
  p->out = out;
  p->msg_buf = out->message_buf;
  p->potential_arrow_at = UINT32_MAX;
  p->module_goal = goal == MDX_JS_GOAL_MODULE;
  int failed = setjmp(p->fail);
  if (!failed) {
    p->pre = goal == MDX_JS_GOAL_MODULE ? predeclared : NULL;
    run(p, goal);
    out->ok = 1;
  } else {
    out->ok = 0;
    out->message = p->err_msg;
    out->at_end = failed == 1 && p->err_raised >= p->len;
    out->error_at = p->err_pos;
  }
  if (goal == MDX_JS_GOAL_SPREAD) {
    uint32_t *fix[] = {&out->error_at, &out->spread_first_at, &out->spread_second_at};
    for (size_t i = 0; i < 3; i++) {
      uint32_t v = *fix[i];
      v = v < 2 ? 0 : v - 2;
      if (v > len) v = (uint32_t)len;
      *fix[i] = v;
    }
  }
  if (goal == MDX_JS_GOAL_MODULE && out->ok) {
    out->non_esm_type = p->non_esm_type;
    out->non_esm_at = p->non_esm_at;
    out->imports = p->imports;
    out->n_imports = p->n_imports;
  }
  arena->on_oom = old_oom;
  return MDX_OK;
}
