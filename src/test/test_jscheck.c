/* C tests of the JavaScript syntax checker (jscheck.h). Each expected verdict, position
 * (acorn's err.pos, converted from UTF-16 units to bytes where the input is not ASCII),
 * at-end flag and message was checked by running acorn 8.19 + acorn-jsx 5.3 with the
 * options micromark-extension-mdxjs uses (ecmaVersion 2024, module, preserveParens). */
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

#include "../arena.h"
#include "../jscheck.h"
#include "../limits.h"
#include "../mdx.h"
#include "check.h"

static mdx_js_check result;

static int run_pre(const char *in, mdx_js_goal goal, const mdx_str *pre, size_t n_pre) {
  jmp_buf oom;
  mdx_arena arena;
  mdx_arena_init(&arena, &oom);
  if (setjmp(oom)) {
    mdx_arena_free(&arena);
    return MDX_ENOMEM;
  }
  mdx_js_names names = {0};
  for (size_t k = 0; k < n_pre; k++) mdx_js_names_add(&arena, &names, pre[k].ptr, pre[k].len);
  int rc = mdx_js_check_run(&arena, in, strlen(in), goal, &names, &result);
  /* copy out what points into the arena before freeing it */
  static char imports[8][16];
  static mdx_str import_list[8];
  size_t n = result.n_imports < 8 ? result.n_imports : 8;
  for (size_t i = 0; i < n; i++) {
    size_t len = result.imports[i].len < 15 ? result.imports[i].len : 15;
    memcpy(imports[i], result.imports[i].ptr, len);
    imports[i][len] = 0;
    import_list[i] = (mdx_str){imports[i], (uint32_t)len};
  }
  result.imports = import_list;
  result.n_imports = n;
  if (result.message == result.message_buf) result.message = NULL; /* the copy moved */
  mdx_arena_free(&arena);
  return rc;
}

static int run(const char *in, mdx_js_goal goal) { return run_pre(in, goal, NULL, 0); }

#define OK(in, goal)                                                                 \
  do {                                                                               \
    CHECK_EQ_INT(run(in, goal), MDX_OK);                                             \
    CHECK_EQ_INT(result.ok, 1);                                                      \
  } while (0)

#define FAIL(in, goal, want_pos, want_end, msg)                                      \
  do {                                                                               \
    CHECK_EQ_INT(run(in, goal), MDX_OK);                                             \
    CHECK_EQ_INT(result.ok, 0);                                                      \
    CHECK_EQ_INT(result.error_at, want_pos);                                         \
    CHECK_EQ_INT(result.at_end, want_end);                                           \
    CHECK(strcmp(result.message ? result.message : result.message_buf, msg) == 0);   \
  } while (0)

#define E MDX_JS_GOAL_EXPRESSION
#define S MDX_JS_GOAL_SPREAD
#define M MDX_JS_GOAL_MODULE

static void test_expressions(void) {
  FAIL("a b", E, 1, 0, "Unexpected content after expression");
  FAIL("a + ", E, 4, 1, "Unexpected token");
  OK("{a: 1}", E);
  OK("x => x * 2", E);
  OK("a /* c */", E);
  FAIL("a // c", E, 1, 0, "Unexpected content after expression"); /* no line ending */
  OK("a // c\n", E);
  FAIL("({a = 1})", E, 4, 1, "Shorthand property assignments are valid only in destructuring patterns");
  FAIL("a ?? b || c", E, 7, 0,
       "Logical expressions and coalesce expressions cannot be mixed. Wrap either by parentheses");
  FAIL("-a ** 2", E, 3, 1, "Unexpected token");
  FAIL("delete a", E, 0, 1, "Deleting local variable in strict mode");
  FAIL("a?.b = 1", E, 0, 0, "Optional chaining cannot appear in left-hand side");
  FAIL("new.target", E, 0, 1, "'new.target' can only be used in functions and class static block");
  FAIL("yield", E, 0, 1, "The keyword 'yield' is reserved");
}

static void test_tokens(void) {
  FAIL("\"\\08\"", E, 1, 0, "Octal literal in strict mode");
  FAIL("`a${b`", E, 6, 1, "Unterminated template literal");
  FAIL("/re/gg", E, 1, 1, "Duplicate regular expression flag");
  FAIL("/(a/", E, 1, 1, "Invalid regular expression: /(a/: Unterminated group");
  FAIL("08", E, 0, 1, "Invalid number");
  FAIL("1__0", E, 2, 0, "Numeric separator must be exactly one underscore");
  /* byte offsets: acorn says 4 (UTF-16 units) for both */
  FAIL("caf\xc3\xa9 b", E, 5, 0, "Unexpected content after expression");
  FAIL("\"\xf0\x9f\x98\x80\" b", E, 6, 0, "Unexpected content after expression");
}

static void test_jsx(void) {
  OK("<a>hi</a>", E);
  FAIL("<a></b>", E, 3, 1, "Expected corresponding JSX closing tag for <a>");
  FAIL("<a>}</a>", E, 3, 0, "Unexpected token `}`. Did you mean `&rbrace;` or `{\"}\"}`?");
}

static void test_spread(void) {
  OK("...a", S);
  CHECK_EQ_INT(result.spread_count, 1);
  CHECK_EQ_INT(result.spread_first_is_spread, 1);
  OK("a", S);
  CHECK_EQ_INT(result.spread_first_is_spread, 0);
  OK("...a, b", S);
  CHECK_EQ_INT(result.spread_count, 2);
  CHECK_EQ_INT(result.spread_second_at, 6);
  FAIL("...a b", S, 5, 0, "Unexpected token");
  FAIL("...a})(b", S, 8, 0, "Unexpected token"); /* acorn's 10, minus 2, clamped to 8 */
}

static void test_module(void) {
  OK("import a from \"a\"\nexport const b = 1", M);
  CHECK(result.non_esm_type == NULL);
  CHECK_EQ_INT(result.n_imports, 1);
  CHECK_EQ_MEM(result.imports[0].ptr, result.imports[0].len, "a");
  OK("import {b as c, d} from \"e\"\nf()", M);
  CHECK(result.non_esm_type && strcmp(result.non_esm_type, "ExpressionStatement") == 0);
  CHECK_EQ_INT(result.non_esm_at, 28);
  CHECK_EQ_INT(result.n_imports, 2);
  CHECK_EQ_MEM(result.imports[1].ptr, result.imports[1].len, "d");
  OK("export {a as b}; var a", M);
  CHECK(result.non_esm_type && strcmp(result.non_esm_type, "VariableDeclaration") == 0);
  CHECK_EQ_INT(result.non_esm_at, 17);
  FAIL("import a from \"a\"\nlet a", M, 22, 1, "Identifier 'a' has already been declared");
  FAIL("export {x}", M, 8, 1, "Export 'x' is not defined");
  FAIL("export default 1; export default 2", M, 25, 1, "Duplicate export 'default'");
  FAIL("import a", M, 8, 1, "Unexpected token");
  FAIL("let a; let a", M, 11, 1, "Identifier 'a' has already been declared");
  FAIL("return 1", M, 0, 0, "'return' outside of function");
  FAIL("with (a) {}", M, 0, 0, "'with' in strict mode");
  FAIL("function f(a, a) {}", M, 14, 0, "Argument name clash");
  FAIL("class A { constructor() {} constructor() {} }", M, 27, 1, "Duplicate constructor in the same class");
  /* names imported by earlier blocks ("var a\n" before the block in the reference) */
  mdx_str pre[] = {{"a", 1}};
  CHECK_EQ_INT(run_pre("import a from \"b\"", M, pre, 1), MDX_OK);
  CHECK_EQ_INT(result.ok, 0);
  CHECK_EQ_INT(result.error_at, 7);
  CHECK_EQ_INT(run_pre("export {a}", M, pre, 1), MDX_OK);
  CHECK_EQ_INT(result.ok, 1);
}

/* Regular expression patterns, template escapes, contexts where acorn's tokenizer
 * reads a regex or a JSX tag on its own, labels, scopes, private names. */
static void test_more(void) {
  FAIL("/\\p{Foo}/u", E, 1, 1, "Invalid regular expression: /\\p{Foo}/: Invalid property name");
  /* non-unicode: UTF-16 units, so the range runs from a low to a high surrogate */
  FAIL("/[\xf0\x9f\x98\x80-\xf0\x9f\x98\x81]/", E, 1, 1,
       "Invalid regular expression: /[\xf0\x9f\x98\x80-\xf0\x9f\x98\x81]/: Range out of order in character class");
  FAIL("/(?<a>x)(?<a>y)/", E, 1, 1, "Invalid regular expression: /(?<a>x)(?<a>y)/: Duplicate capture group name");
  FAIL("x = `${a}\\xg`", E, 9, 0, "Bad escape sequence in untagged template literal");
  OK("a`\\xg`", E);
  FAIL("export {a as \"\\uD800\"}; var a", M, 13, 0, "An export name cannot include a lone surrogate.");
  FAIL("a\nof / 2", M, 6, 1, "Unterminated regular expression");        /* regex after `of` */
  FAIL("(async function () {} < 1)", E, 22, 0, "Unexpected token"); /* `<` starts a tag */
  FAIL("import {a,}/> from \"a\"", M, 12, 1, "Unterminated regular expression");
  FAIL("a: a: ;", M, 3, 1, "Label 'a' is already declared");
  FAIL("for (let a of b) { var a }", M, 23, 1, "Identifier 'a' has already been declared");
  FAIL("class A { #a; #a }", M, 14, 1, "Identifier '#a' has already been declared");
  FAIL("<a>text", E, 3, 1, "Unterminated JSX contents");
  FAIL("<a>", E, 3, 1, "Unexpected token");
  FAIL("export {x}; let y", M, 8, 1, "Export 'x' is not defined");
}

/* Deep nesting ends in an error instead of a deep C stack; long flat input is fine. */
static void test_limits(void) {
  size_t n = MDX_MAX_JS_DEPTH * 2;
  char *deep = malloc(n * 2 + 2);
  if (!deep) return;
  for (size_t i = 0; i < n; i++) { deep[i] = '('; deep[n + 1 + i] = ')'; }
  deep[n] = 'a';
  deep[n * 2 + 1] = 0;
  CHECK_EQ_INT(run(deep, E), MDX_OK);
  CHECK_EQ_INT(result.ok, 0);
  CHECK(strcmp(result.message, "Nesting too deep") == 0);
  free(deep);
  size_t m = 200000;
  char *flat = malloc(m * 2 + 2);
  if (!flat) return;
  for (size_t i = 0; i < m; i++) { flat[2 * i] = 'a'; flat[2 * i + 1] = '+'; }
  flat[2 * m] = 'a';
  flat[2 * m + 1] = 0;
  OK(flat, E);
  free(flat);
}

int main(void) {
  test_expressions();
  test_tokens();
  test_jsx();
  test_spread();
  test_module();
  test_more();
  test_limits();
  return check_report("jscheck");
}
