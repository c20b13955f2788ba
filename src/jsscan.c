/* The lexical JavaScript scanner (jsscan.h). One pass, one byte at a time, every byte
 * looked at once or twice (a byte that ends a pending token is looked at again in the
 * next mode), all state in the struct so input may come in any chunks.
 *
 * Regex or division, and JSX or `<`, follow acorn's tokenizer: `exprAllowed` after each
 * token, and a context stack telling block braces from object braces, statement parens
 * (`if (…)`) from expression parens, and function bodies. Acorn's parser corrects the
 * tokenizer in a few places; the ones that matter here are mirrored (an object literal at
 * the start of an expression, a regex after `await`). */
#include "jsscan.h"

#include <string.h>

/* Lexical modes. */
enum {
  M_CODE,
  M_SLASH,           /* after `/` in code: comment, regex or division */
  M_IDENT,
  M_NUMBER,
  M_HASH0,           /* `#` as the very first byte: maybe a hashbang comment */
  M_LINE_COMMENT,
  M_BLOCK_COMMENT,
  M_BLOCK_STAR,      /* block comment, after `*` */
  M_STRING,
  M_STRING_ESC,
  M_STRING_ESC_CR,   /* `\` CR: a following LF belongs to the escape */
  M_TEMPLATE,
  M_TEMPLATE_ESC,
  M_TEMPLATE_DOLLAR,
  M_REGEX,
  M_REGEX_ESC,
  M_REGEX_CLASS,
  M_REGEX_CLASS_ESC,
  M_REGEX_FLAGS,
  M_TAG,             /* inside `<…>` or `</…>` */
  M_TAG_SLASH,       /* after `/` in a tag: comment or `/` */
  M_TAG_NAME,
  M_JSX_STRING,
  M_JSX_TEXT
};

/* Stack entries (acorn's token contexts, plus `[` and JSX). F_* are function/class
 * contexts: soft entries that only tell a body's braces and what follows them. */
enum {
  K_B_STAT = 1, /* block `{` */
  K_B_EXPR,     /* object literal `{` (or a JSX attribute `{`) */
  K_B_TMPL,     /* `${` */
  K_B_JCHILD,   /* `{` among JSX children */
  K_B_JATTR,    /* `{` in a JSX tag */
  K_P_STAT,     /* `(` after if/for/while/with */
  K_P_EXPR,
  K_BRACKET,
  K_Q_TMPL,     /* template literal */
  K_F_STAT,
  K_F_EXPR,
  K_F_STAT_GEN, /* function* */
  K_F_EXPR_GEN,
  K_J_EXPR,     /* JSX children */
  K_J_OTAG,
  K_J_CTAG
};

/* Previous token classes (only the ones the rules below look at). */
enum {
  T_START,
  T_NAME,
  T_VALUE,     /* number, string, template, regex, `]`, JSX element */
  T_OTHER,     /* punctuators and keywords not listed */
  T_RETURN,
  T_ELSE,
  T_SEMI,
  T_PARENR,
  T_BRACER,
  T_ARROW,
  T_BRACEL,
  T_COLON,
  T_DOT,
  T_STATKW,    /* if for while with */
  T_FUNCTION,  /* function, class */
  T_DECL,      /* import export const let var: never the end of a program */
  T_KEYWORD,   /* other keywords without beforeExpr: try, finally, this… */
  T_AWAIT,     /* the parser reads `/` after `await` as a regex */
  T_TAGSTART,  /* JSX `<` */
  T_SLASH      /* `/` in a JSX tag */
};

enum {
  F_EXPR = 1 << 0,      /* acorn's exprAllowed */
  F_BEFORE = 1 << 1,    /* the previous token type has beforeExpr */
  F_NEWLINE = 1 << 2,   /* a line ending since the previous token */
  F_REGEX = 1 << 3,     /* M_SLASH: a regex may start here */
  F_TAIL = 1 << 4,      /* a `//` comment ended by U+2028/9 and nothing since */
  F_SAVED = 1 << 5,     /* exprAllowed before a `+` / `-` (for `++` / `--`) */
  F_SINGLE = 1 << 6,    /* `punct` is a one-character token so far */
  F_NAME = 1 << 7,      /* reading a JSX tag's name (`a`, `a.b`, `a:b`) */
  F_NAME_SEP = 1 << 8,  /* … after its `.` or `:` */
  F_NAME_ANY = 1 << 9   /* … with at least one part */
};

/* FNV-1a over a JSX tag name: opening and closing names must match (acorn-jsx), and the
 * bytes are gone by the closing tag. A collision lets a mismatch through, nothing worse. */
#define NAME_HASH_START 2166136261u

static uint32_t name_hash_add(uint32_t h, unsigned char c) { return (h ^ c) * 16777619u; }

static int is_ident_start(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$' ||
         c >= 0x80;
}

static int is_ident_char(unsigned char c) {
  return is_ident_start(c) || (c >= '0' && c <= '9');
}

static int is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\v' || c == '\f'; }

static int is_newline(unsigned char c) { return c == '\n' || c == '\r'; }

static void set_flag(mdx_js_scan *s, uint16_t f, int on) {
  if (on)
    s->flags |= f;
  else
    s->flags &= (uint16_t)~f;
}

static int expr_allowed(const mdx_js_scan *s) { return (s->flags & F_EXPR) != 0; }

/* Records a finished token. */
static void token(mdx_js_scan *s, int type, int expr, int before) {
  s->prev = (uint8_t)type;
  set_flag(s, F_EXPR, expr);
  set_flag(s, F_BEFORE, before);
  s->flags &= (uint16_t)~(F_NEWLINE | F_TAIL);
}

static void fail(mdx_js_scan *s, int error, uint32_t at) {
  if (s->error) return;
  s->error = (uint8_t)error;
  s->open_at = at;
}

static uint8_t top(const mdx_js_scan *s) { return s->depth ? s->stack[s->depth - 1] : 0; }

static int push(mdx_js_scan *s, int kind, uint32_t at) {
  if (s->depth >= MDX_MAX_JS_NESTING) {
    fail(s, MDX_JS_OPEN_TOO_DEEP, at);
    return 0;
  }
  s->stack[s->depth] = (uint8_t)kind;
  s->stack_at[s->depth] = at;
  s->depth++;
  return 1;
}

static int is_function(uint8_t k) { return k >= K_F_STAT && k <= K_F_EXPR_GEN; }

static int is_expr_function(uint8_t k) { return k == K_F_EXPR || k == K_F_EXPR_GEN; }

/* acorn's inGeneratorContext: is the innermost function context a generator? The stack
 * is at most MDX_MAX_JS_NESTING deep, so this is bounded per `yield`. */
static int in_generator(const mdx_js_scan *s) {
  for (uint32_t d = s->depth; d > 0; d--)
    if (is_function(s->stack[d - 1]))
      return s->stack[d - 1] == K_F_STAT_GEN || s->stack[d - 1] == K_F_EXPR_GEN;
  return 0;
}

static void pop_functions(mdx_js_scan *s) {
  while (s->depth && is_function(top(s))) s->depth--;
}

/* The mode that reading resumes in after a token or comment, from the innermost
 * context. */
static uint8_t resume_mode(const mdx_js_scan *s) {
  switch (top(s)) {
    case K_J_OTAG:
    case K_J_CTAG:
      return M_TAG;
    case K_J_EXPR:
      return M_JSX_TEXT;
    case K_Q_TMPL:
      return M_TEMPLATE;
    default:
      return M_CODE;
  }
}

/* acorn's braceIsBlock, with the parser's fix for an object at the very start. */
static int brace_is_block(const mdx_js_scan *s) {
  uint8_t parent = top(s);
  int prev = s->prev;
  if (is_function(parent)) return 1;
  if (prev == T_COLON) {
    if (parent == K_B_STAT) return 1;
    if (parent == K_B_EXPR || parent == K_B_JATTR || parent == 0) return 0;
  }
  if (prev == T_RETURN || (prev == T_NAME && expr_allowed(s)))
    return (s->flags & F_NEWLINE) != 0;
  if (prev == T_ELSE || prev == T_SEMI || prev == T_PARENR || prev == T_ARROW) return 1;
  if (prev == T_START) return 0;
  if (prev == T_BRACEL) return parent == K_B_STAT;
  if (prev == T_NAME || prev == T_AWAIT || prev == T_DECL) return 0;
  return !expr_allowed(s);
}

/* acorn's context update for `function` and `class`. (After `async` that gives a
 * statement function, whose body's `}` a regex may follow: acorn does the same, its
 * parser's fix for `async function` expressions landing on the wrong context.) */
static void function_keyword(mdx_js_scan *s, uint32_t at) {
  uint8_t cur = top(s);
  int prev = s->prev;
  int in_block = cur == K_B_STAT || cur == 0;
  int expr = (s->flags & F_BEFORE) && prev != T_ELSE &&
             !(prev == T_SEMI && cur != K_P_STAT) &&
             !(prev == T_RETURN && (s->flags & F_NEWLINE)) &&
             !((prev == T_COLON || prev == T_BRACEL) && in_block);
  push(s, expr ? K_F_EXPR : K_F_STAT, at);
}

static int word_is(const mdx_js_scan *s, const char *w) {
  size_t n = strlen(w);
  return s->word_len == n && memcmp(s->word, w, n) == 0;
}

/* What the identifier just read is: its token type, and whether that type has
 * beforeExpr (keywords an expression follows). */
static int classify_word(const mdx_js_scan *s, int *before) {
  *before = 0;
  if (s->prev == T_DOT || s->word_len > sizeof s->word) return T_NAME;
  if (word_is(s, "return")) {
    *before = 1;
    return T_RETURN;
  }
  if (word_is(s, "else")) {
    *before = 1;
    return T_ELSE;
  }
  if (word_is(s, "case") || word_is(s, "default") || word_is(s, "do") || word_is(s, "throw") ||
      word_is(s, "new") || word_is(s, "extends") || word_is(s, "in") ||
      word_is(s, "instanceof") || word_is(s, "typeof") || word_is(s, "void") ||
      word_is(s, "delete")) {
    *before = 1;
    return T_OTHER;
  }
  if (word_is(s, "if") || word_is(s, "for") || word_is(s, "while") || word_is(s, "with"))
    return T_STATKW;
  if (word_is(s, "function") || word_is(s, "class")) return T_FUNCTION;
  if (word_is(s, "import") || word_is(s, "export") || word_is(s, "const") ||
      word_is(s, "let") || word_is(s, "var"))
    return T_DECL;
  if (word_is(s, "await")) return T_AWAIT;
  if (word_is(s, "try") || word_is(s, "catch") || word_is(s, "finally") ||
      word_is(s, "switch") || word_is(s, "this") || word_is(s, "super") ||
      word_is(s, "null") || word_is(s, "true") || word_is(s, "false") ||
      word_is(s, "break") || word_is(s, "continue") || word_is(s, "debugger"))
    return T_KEYWORD; /* `try {` is a block: acorn's `!exprAllowed` */
  return T_NAME;
}

/* An identifier or keyword ended (in code). */
static void end_word(mdx_js_scan *s) {
  int before;
  int type = classify_word(s, &before);
  int expr = before;
  if (type == T_FUNCTION) {
    function_keyword(s, s->token_at);
  } else if (type == T_NAME && s->prev != T_DOT && word_is(s, "yield")) {
    expr = in_generator(s);
  } else if (type == T_NAME && s->prev != T_DOT && word_is(s, "of")) {
    expr = !expr_allowed(s);
  }
  token(s, type, expr, before);
}

/* `<` that starts a JSX element (acorn-jsx's jsxTagStart). */
static void tag_start(mdx_js_scan *s, uint32_t at) {
  if (push(s, K_J_EXPR, at)) push(s, K_J_OTAG, at);
  token(s, T_TAGSTART, 0, 1);
  s->mode = M_TAG;
  s->name_hash = NAME_HASH_START;
  s->flags = (uint16_t)((s->flags | F_NAME) & ~(F_NAME_SEP | F_NAME_ANY));
}

/* The tag's name is complete: an opening tag's is kept with its children's entry, a
 * closing tag's must be the same. */
static void name_done(mdx_js_scan *s) {
  if (!(s->flags & F_NAME)) return;
  s->flags &= (uint16_t)~F_NAME;
  if (s->depth < 2 || s->stack[s->depth - 2] != K_J_EXPR) return;
  if (top(s) == K_J_OTAG)
    s->stack_name[s->depth - 2] = s->name_hash;
  else if (top(s) == K_J_CTAG && s->stack_name[s->depth - 2] != s->name_hash)
    fail(s, MDX_JS_INVALID, s->stack_at[s->depth - 1]); /* "Expected corresponding…" */
}

/* `>` in a tag (acorn-jsx's jsxTagEnd). */
static void tag_end(mdx_js_scan *s) {
  name_done(s);
  if (s->error) return;
  uint8_t out = top(s);
  s->depth--;
  if ((out == K_J_OTAG && s->prev == T_SLASH) || out == K_J_CTAG) {
    if (top(s) != K_J_EXPR) { /* `</a>` with no element open */
      fail(s, MDX_JS_INVALID, s->offset);
      return;
    }
    s->depth--; /* the element's children context: the element is done */
    token(s, T_VALUE, top(s) == K_J_EXPR, 0);
  } else {
    token(s, T_OTHER, 1, 0);
  }
  s->mode = resume_mode(s);
}

/* `}`, `)` or `]` in code. Returns 1 if it is the `}` that ends the expression. */
static int closer(mdx_js_scan *s, unsigned char c, int stop_at_close) {
  pop_functions(s);
  uint8_t k = top(s);
  if (!k) {
    if (c == '}' && stop_at_close && !(s->flags & F_TAIL)) return 1;
    fail(s, MDX_JS_INVALID, s->offset);
    return 0;
  }
  int ok = c == ')'   ? (k == K_P_STAT || k == K_P_EXPR)
           : c == ']' ? k == K_BRACKET
                      : (k == K_B_STAT || k == K_B_EXPR || k == K_B_TMPL || k == K_B_JCHILD ||
                         k == K_B_JATTR);
  if (!ok) {
    fail(s, MDX_JS_INVALID, s->offset);
    return 0;
  }
  s->depth--;
  switch (k) {
    case K_P_STAT:
      token(s, T_PARENR, 1, 0);
      break;
    case K_P_EXPR:
      token(s, T_PARENR, 0, 0);
      break;
    case K_BRACKET:
      token(s, T_VALUE, 0, 0);
      break;
    case K_B_STAT:
      if (is_function(top(s))) {
        token(s, T_BRACER, !is_expr_function(top(s)), 0);
        s->depth--;
      } else {
        token(s, T_BRACER, 1, 0);
      }
      break;
    case K_B_EXPR:
      token(s, T_BRACER, 0, 0);
      break;
    case K_B_TMPL:
      token(s, T_OTHER, 1, 0);
      if (top(s) == K_Q_TMPL) s->stack_at[s->depth - 1] = s->offset + 1;
      break;
    case K_B_JCHILD:
      token(s, T_BRACER, 1, 0);
      break;
    case K_B_JATTR:
      token(s, T_BRACER, 0, 0);
      break;
  }
  s->mode = resume_mode(s);
  return 0;
}

/* One punctuator byte in code (not a bracket, quote or slash). */
static void punctuator(mdx_js_scan *s, unsigned char c) {
  unsigned char last = s->punct;
  int single = (s->flags & F_SINGLE) != 0;
  int joined = 0; /* continues the previous punctuator */
  if ((c == '+' || c == '-') && last == c && single) {
    token(s, T_OTHER, (s->flags & F_SAVED) != 0, 0); /* ++ / -- keeps exprAllowed */
    s->punct = c;
    s->flags &= (uint16_t)~F_SINGLE;
    return;
  }
  if (c == '+' || c == '-') set_flag(s, F_SAVED, expr_allowed(s));
  if (c == '>' && last == '=' && single) {
    token(s, T_ARROW, 1, 1);
    s->punct = c;
    s->flags &= (uint16_t)~F_SINGLE;
    return;
  }
  if (c == '.') {
    if (last == '?' && single) {
      token(s, T_DOT, 0, 0); /* ?. */
      joined = 1;
    } else if (last == '.') {
      s->sub++;
      if (s->sub == 3)
        token(s, T_OTHER, 1, 1); /* ... */
      joined = 1;
    } else {
      s->sub = 1;
      token(s, T_DOT, 0, 0);
    }
  } else if (c == ';') {
    token(s, T_SEMI, 1, 1);
  } else if (c == '*' && s->prev == T_FUNCTION && is_function(top(s))) {
    s->stack[s->depth - 1] = is_expr_function(top(s)) ? K_F_EXPR_GEN : K_F_STAT_GEN;
    token(s, T_OTHER, 1, 1);
  } else if (c == ':') {
    if (is_function(top(s))) s->depth--;
    token(s, T_COLON, 1, 1);
  } else {
    /* `+=`, `===`, `>>>`, `&&`… are one token (`++` and `--` are handled above). */
    joined = last != 0 && ((c == '=' && strchr("=!<>+-*/%&|^?", last)) ||
                           (c == last && strchr("<>&|?*", c)));
    /* An operator that only ever follows an operand, where an operand is wanted: acorn
     * fails at it (`{\n> a\n}` when a block quote's line went into the expression). */
    if (!joined && expr_allowed(s) && strchr(">%=&|^?", c)) fail(s, MDX_JS_INVALID, s->offset);
    token(s, T_OTHER, 1, 1);
  }
  s->punct = c;
  set_flag(s, F_SINGLE, !joined);
}

static uint32_t state_at(const mdx_js_scan *s);

size_t mdx_js_scan_feed(mdx_js_scan *s, const char *p, size_t len, int stop_at_close) {
  size_t i = 0;
  while (i < len) {
    unsigned char c = (unsigned char)p[i];
    if (s->error) {
      s->offset += (uint32_t)(len - i);
      return len;
    }
    uint32_t at = s->offset;
    unsigned char punct = 0; /* the punctuator this byte ends, for the next byte */
    switch (s->mode) {
      case M_CODE:
        if (is_space(c)) {
        } else if (is_newline(c)) {
          s->flags |= F_NEWLINE;
          s->flags &= (uint16_t)~F_TAIL;
        } else if (c == '#' && at == 0) {
          s->mode = M_HASH0;
        } else if (is_ident_start(c) || c == '\\' || c == '#') {
          s->mode = M_IDENT;
          s->token_at = at;
          s->word_len = 0;
          continue;
        } else if (c >= '0' && c <= '9') {
          s->mode = M_NUMBER;
        } else if (c == '"' || c == '\'') {
          s->mode = M_STRING;
          s->quote = c;
          s->token_at = at;
        } else if (c == '`') {
          /* acorn reports an unterminated template where its text starts: after the
           * backtick, or after the `}` of its last substitution (see closer) */
          if (push(s, K_Q_TMPL, at)) {
            s->stack_at[s->depth - 1] = at + 1;
            s->mode = M_TEMPLATE;
          }
        } else if (c == '/') {
          set_flag(s, F_REGEX, expr_allowed(s) || s->prev == T_AWAIT);
          s->token_at = at;
          s->mode = M_SLASH;
        } else if (c == '{') {
          if (push(s, brace_is_block(s) ? K_B_STAT : K_B_EXPR, at)) token(s, T_BRACEL, 1, 1);
        } else if (c == '(') {
          if (push(s, s->prev == T_STATKW ? K_P_STAT : K_P_EXPR, at)) token(s, T_OTHER, 1, 1);
        } else if (c == '[') {
          if (push(s, K_BRACKET, at)) token(s, T_OTHER, 1, 1);
        } else if (c == '}' || c == ')' || c == ']') {
          if (closer(s, c, stop_at_close)) {
            s->open_at = state_at(s);
            return i;
          }
        } else if (c == '<' && expr_allowed(s) && !(s->punct == '<' && (s->flags & F_SINGLE))) {
          tag_start(s, at);
        } else if (c > ' ' && c < 0x7f) {
          punctuator(s, c);
          punct = s->punct;
        }
        break;
      case M_SLASH:
        if (c == '/') {
          s->mode = M_LINE_COMMENT;
          s->sub = 0;
          break;
        }
        if (c == '*') {
          s->mode = M_BLOCK_COMMENT;
          break;
        }
        if (s->flags & F_REGEX) {
          s->mode = M_REGEX;
          s->token_at = at; /* acorn reports an unterminated regex after its `/` */
        } else {
          token(s, T_OTHER, 1, 1); /* division */
          s->punct = '/';
          s->flags |= F_SINGLE;
          s->mode = M_CODE;
        }
        continue; /* look at this byte again */
      case M_IDENT:
        if (is_ident_char(c) || c == '\\' || (c == '#' && s->word_len == 0)) {
          if (s->word_len < sizeof s->word && c >= 'a' && c <= 'z')
            s->word[s->word_len++] = (char)c;
          else
            s->word_len = sizeof s->word + 1; /* not a keyword */
          break;
        }
        end_word(s);
        s->mode = M_CODE;
        continue;
      case M_NUMBER:
        if (is_ident_char(c) || c == '.') break;
        token(s, T_VALUE, 0, 0);
        s->mode = M_CODE;
        continue;
      case M_HASH0:
        if (c == '!') {
          s->mode = M_LINE_COMMENT;
          s->sub = 0;
          break;
        }
        s->mode = M_IDENT; /* `#` then this byte: a private name */
        s->token_at = 0;
        s->word_len = sizeof s->word + 1;
        continue;
      case M_LINE_COMMENT:
        if (is_newline(c)) {
          s->flags |= F_NEWLINE;
          s->mode = resume_mode(s);
        } else if (c == 0xE2) {
          s->sub = 1;
        } else if (c == 0x80 && s->sub == 1) {
          s->sub = 2;
        } else if ((c == 0xA8 || c == 0xA9) && s->sub == 2) {
          /* U+2028 / U+2029 end the comment for acorn, but the reference then sees a
           * comment with no line ending before a `}`, and refuses that `}`. */
          s->flags |= F_NEWLINE | F_TAIL;
          s->mode = resume_mode(s);
        } else {
          s->sub = 0;
        }
        break;
      case M_BLOCK_COMMENT:
      case M_BLOCK_STAR:
        if (c == '/' && s->mode == M_BLOCK_STAR) {
          s->mode = resume_mode(s);
          break;
        }
        if (is_newline(c)) s->flags |= F_NEWLINE;
        s->mode = c == '*' ? M_BLOCK_STAR : M_BLOCK_COMMENT;
        break;
      case M_STRING:
        if (c == s->quote) {
          token(s, T_VALUE, 0, 0);
          s->mode = M_CODE;
        } else if (c == '\\') {
          s->mode = M_STRING_ESC;
        } else if (is_newline(c)) {
          fail(s, MDX_JS_INVALID, s->token_at);
        }
        break;
      case M_STRING_ESC:
        s->mode = c == '\r' ? M_STRING_ESC_CR : M_STRING;
        break;
      case M_STRING_ESC_CR:
        s->mode = M_STRING;
        if (c == '\n') break;
        continue;
      case M_TEMPLATE:
        if (c == '`') {
          s->depth--;
          token(s, T_VALUE, 0, 0);
          s->mode = resume_mode(s);
        } else if (c == '\\') {
          s->mode = M_TEMPLATE_ESC;
        } else if (c == '$') {
          s->mode = M_TEMPLATE_DOLLAR;
        }
        break;
      case M_TEMPLATE_ESC:
        s->mode = M_TEMPLATE;
        break;
      case M_TEMPLATE_DOLLAR:
        if (c == '{') {
          if (push(s, K_B_TMPL, at - 1)) {
            token(s, T_OTHER, 1, 1);
            s->mode = M_CODE;
          }
          break;
        }
        s->mode = M_TEMPLATE;
        continue;
      case M_REGEX:
        if (c == '/') {
          s->mode = M_REGEX_FLAGS;
        } else if (c == '\\') {
          s->mode = M_REGEX_ESC;
        } else if (c == '[') {
          s->mode = M_REGEX_CLASS;
        } else if (is_newline(c)) {
          fail(s, MDX_JS_INVALID, s->token_at);
        }
        break;
      case M_REGEX_ESC:
      case M_REGEX_CLASS_ESC:
        if (is_newline(c)) fail(s, MDX_JS_INVALID, s->token_at);
        s->mode = s->mode == M_REGEX_ESC ? M_REGEX : M_REGEX_CLASS;
        break;
      case M_REGEX_CLASS:
        if (c == ']') {
          s->mode = M_REGEX;
        } else if (c == '\\') {
          s->mode = M_REGEX_CLASS_ESC;
        } else if (is_newline(c)) {
          fail(s, MDX_JS_INVALID, s->token_at);
        }
        break;
      case M_REGEX_FLAGS:
        if (is_ident_char(c)) break;
        token(s, T_VALUE, 0, 0);
        s->mode = M_CODE;
        continue;
      case M_TAG:
        if (is_space(c) || is_newline(c) || c == '/') {
          /* not a token yet (a `/` may start a comment or a closing tag) */
        } else if ((s->flags & F_NAME) &&
                   (is_ident_start(c) ? !(s->flags & F_NAME_ANY) || (s->flags & F_NAME_SEP)
                                      : (c == '.' || c == ':') && (s->flags & F_NAME_ANY) &&
                                            !(s->flags & F_NAME_SEP))) {
          s->name_hash = name_hash_add(s->name_hash, c); /* a part of the tag's name */
          set_flag(s, F_NAME_SEP, !is_ident_start(c));
          s->flags |= F_NAME_ANY;
        } else {
          name_done(s);
        }
        if (s->error) break;
        if (is_space(c)) {
        } else if (is_newline(c)) {
          s->flags |= F_NEWLINE;
        } else if (is_ident_start(c)) {
          s->mode = M_TAG_NAME;
        } else if (c == '>') {
          tag_end(s);
        } else if (c == '/') {
          s->mode = M_TAG_SLASH;
          s->token_at = at; /* a comment starts here, or acorn fails here */
        } else if (c == '"' || c == '\'') {
          s->mode = M_JSX_STRING;
          s->quote = c;
          s->token_at = at;
        } else if (c == '{') {
          if (push(s, K_B_JATTR, at)) {
            token(s, T_BRACEL, 1, 1);
            s->mode = M_CODE;
          }
        } else if (c == '<' && expr_allowed(s)) {
          tag_start(s, at);
        } else if (c == '}' || c == ')' || c == ']') {
          fail(s, MDX_JS_INVALID, at);
        } else {
          token(s, T_OTHER, c == '=' || c == ':', 1);
        }
        break;
      case M_TAG_SLASH:
        if (c == '/') {
          s->mode = M_LINE_COMMENT;
          s->sub = 0;
          break;
        }
        if (c == '*') {
          s->mode = M_BLOCK_COMMENT;
          break;
        }
        if (s->prev == T_TAGSTART) { /* `</`: a closing tag after all */
          uint32_t tag_at = s->stack_at[s->depth - 1];
          s->depth -= 2;
          if (top(s) != K_J_EXPR) { /* not among children: acorn wants a name at `/` */
            fail(s, MDX_JS_INVALID, s->token_at);
            break;
          }
          push(s, K_J_CTAG, tag_at);
        } else {
          name_done(s);
          if (s->error) break;
        }
        token(s, T_SLASH, 0, 1);
        s->mode = M_TAG;
        continue;
      case M_TAG_NAME:
        if (is_ident_char(c) || c == '-') {
          if (s->flags & F_NAME) s->name_hash = name_hash_add(s->name_hash, c);
          break;
        }
        token(s, T_NAME, 0, 0);
        s->mode = M_TAG;
        continue;
      case M_JSX_STRING:
        if (c == s->quote) {
          token(s, T_VALUE, 0, 0);
          s->mode = M_TAG;
        }
        break;
      case M_JSX_TEXT:
        if (c == '{') {
          if (push(s, K_B_JCHILD, at)) {
            token(s, T_BRACEL, 1, 1);
            s->mode = M_CODE;
          }
        } else if (c == '<') {
          tag_start(s, at);
        } else if (c == '>' || c == '}') {
          fail(s, MDX_JS_INVALID, at); /* acorn: "Did you mean `&gt;`?" */
        }
        break;
    }
    s->punct = punct;
    s->offset++;
    i++;
  }
  if (!s->error) s->open_at = state_at(s);
  return len;
}

/* Does the last token need something after it (an operator, `=`, `,`, `.`, `export`,
 * `typeof`…)? Then acorn fails at the very end, and the reference reads an ESM block on
 * past a blank line. `return` and `yield` may end a statement; `;` and `++` do. */
static int wants_operand(const mdx_js_scan *s) {
  int prev = s->prev, before = (s->flags & F_BEFORE) != 0;
  if (s->mode == M_SLASH) return 1; /* a division without its right side */
  if (s->mode == M_IDENT) prev = classify_word(s, &before); /* still being read */
  if (s->mode == M_NUMBER || s->mode == M_REGEX_FLAGS || s->mode == M_HASH0) return 0;
  switch (prev) {
    case T_DOT:
    case T_STATKW:
    case T_FUNCTION:
    case T_DECL:
    case T_AWAIT:
      return 1;
    case T_START:
    case T_SEMI:
    case T_RETURN:
      return 0;
    default:
      return before;
  }
}

/* What is open at the end of the input so far, and where it started. */
static mdx_js_open state_kind(const mdx_js_scan *s) {
  if (s->error) return (mdx_js_open)s->error;
  switch (s->mode) {
    case M_STRING:
    case M_STRING_ESC:
    case M_STRING_ESC_CR:
    case M_JSX_STRING:
      return MDX_JS_OPEN_STRING;
    case M_BLOCK_COMMENT:
    case M_BLOCK_STAR:
      return MDX_JS_OPEN_COMMENT;
    case M_REGEX:
    case M_REGEX_ESC:
    case M_REGEX_CLASS:
    case M_REGEX_CLASS_ESC:
      return MDX_JS_OPEN_REGEX;
    case M_SLASH:
      if (s->flags & F_REGEX) return MDX_JS_OPEN_REGEX;
      break;
    default:
      break;
  }
  for (uint32_t d = s->depth; d > 0; d--) {
    switch (s->stack[d - 1]) {
      case K_F_STAT:
      case K_F_EXPR:
      case K_F_STAT_GEN:
      case K_F_EXPR_GEN:
        continue;
      case K_Q_TMPL:
      case K_B_TMPL:
        return MDX_JS_OPEN_TEMPLATE;
      case K_J_EXPR:
      case K_J_OTAG:
      case K_J_CTAG:
        return MDX_JS_OPEN_JSX;
      default:
        return MDX_JS_OPEN_BRACKET;
    }
  }
  return wants_operand(s) ? MDX_JS_OPEN_OPERAND : MDX_JS_OPEN_NONE;
}

static uint32_t state_at(const mdx_js_scan *s) {
  switch (state_kind(s)) {
    case MDX_JS_OPEN_NONE:
      return 0;
    case MDX_JS_OPEN_STRING:
    case MDX_JS_OPEN_COMMENT:
    case MDX_JS_OPEN_REGEX:
      return s->token_at;
    case MDX_JS_OPEN_TOO_DEEP:
    case MDX_JS_INVALID:
      return s->open_at;
    case MDX_JS_OPEN_OPERAND:
      return s->offset; /* where acorn fails */
    default:
      break;
  }
  uint32_t d = s->depth;
  while (d > 0 && is_function(s->stack[d - 1])) d--;
  return d ? s->stack_at[d - 1] : 0;
}

void mdx_js_scan_init(mdx_js_scan *scan) {
  memset(scan, 0, sizeof *scan);
  scan->flags = F_EXPR; /* an expression may start (acorn's start token has no beforeExpr) */
}

mdx_js_open mdx_js_scan_state(const mdx_js_scan *scan) { return state_kind(scan); }
