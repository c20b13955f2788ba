/* A JavaScript syntax checker: accepts and rejects what acorn 8 (ecmaVersion 2024,
 * sourceType "module", with the acorn-jsx plugin and `preserveParens`) accepts and
 * rejects, and on rejection reports acorn's error position (`err.pos`), whether acorn
 * gave up at the end of its input (`err.raisedAt >= length`) and acorn's message.
 *
 * It stands in for the reference's use of acorn in MDX (micromark-extension-mdxjs):
 *   EXPRESSION  `{…}`: acorn.parseExpressionAt(value, 0), then anything after the
 *               expression but whitespace and comments (the reference's `empty()`: block
 *               comments, and line comments that END WITH a line ending) is the error
 *               "Unexpected content after expression" at the expression's end. The
 *               caller handles the empty value (whitespace/comments only) itself: it is
 *               allowed for flow/text expressions and never parsed by the reference.
 *   SPREAD      `<a {…} />`: the same on "({" + value + "})"; positions are given in
 *               `value` (acorn's minus 2, clamped to [0, len]); the shape facts the
 *               reference checks next (one property, a SpreadElement) are reported in
 *               `spread_*` and left to the caller.
 *   MODULE      an ESM block: acorn.parse(prefix + value) as a module, where the
 *               reference's prefix `var a,b\n` lists names imported by earlier blocks:
 *               pass them as `predeclared` (they are declared with `var` at the top
 *               level before `value` is read, so positions need no shifting). The first
 *               top-level statement that is not an import/export is reported in
 *               `non_esm_type` / `non_esm_at`; the local names the block's import
 *               declarations bind are in `imports` (for the next block's predeclared).
 *
 * Positions are BYTE offsets into the UTF-8 `value` (acorn counts UTF-16 units; the two
 * agree on ASCII; an astral character is 4 bytes here, 2 units there). Everything is
 * strict mode (modules are). `at_end` compares acorn's raisedAt with the length of what
 * acorn was given: `value` (EXPRESSION, MODULE: the reference's prefix is not counted,
 * as in its `swallow` test) or the wrapped "({…})" (SPREAD). It is 0 for "Unexpected
 * content after expression" (raisedAt is undefined there). Note the reference also
 * treats "Unterminated comment" as more-input-may-mend-it, whatever at_end says.
 * `value` need not be NUL-terminated; it is only read during the call. Results that
 * point into memory (long messages, decoded import names) live in `arena`.
 *
 * Identifier characters come from Node's Unicode tables (mdx_ident.c), which may differ
 * from acorn's own for the newest characters. acorn's quirks are kept (it is the
 * reference): e.g. after `yield` in a generator METHOD its tokenizer reads `/` and `<` as
 * operators, so `({ *g() { yield /a/ } })` fails; an astral letter starting a JSX name is
 * half read (acorn-jsx reads such names by UTF-16 units) and reading on fails in the
 * middle of its surrogate pair, reported here at the character's start.
 * Beyond acorn: nesting deeper than MDX_MAX_JS_DEPTH (limits.h) is an error
 * ("Nesting too deep") where acorn would go on (until its own stack runs out). */
#ifndef MDX_JSCHECK_H
#define MDX_JSCHECK_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "node.h"

typedef enum { MDX_JS_GOAL_EXPRESSION, MDX_JS_GOAL_SPREAD, MDX_JS_GOAL_MODULE } mdx_js_goal;

typedef struct mdx_js_check {
  int ok;             /* 1: acorn accepts (EXPRESSION/SPREAD: and only whitespace and
                       * comments follow the expression) */
  uint32_t error_at;  /* !ok: byte offset in `value` of acorn's err.pos */
  int at_end;         /* !ok: acorn's raisedAt >= input length (more input might mend it) */
  const char *message; /* !ok: acorn's words without the "(line:col)" suffix; points to a
                        * static string, into message_buf, or (long ones) into the arena */
  char message_buf[192];
  /* MODULE: the first top-level statement that is not an import or export declaration
   * ("ExpressionStatement", "VariableDeclaration", …) and its start, or NULL / 0. */
  const char *non_esm_type;
  uint32_t non_esm_at;
  /* MODULE: local names bound by the block's import declarations, in order (in the
   * arena; `ptr` into `value` unless the name has escapes). */
  mdx_str *imports;
  size_t n_imports;
  /* SPREAD (when ok): properties of the object, whether the first is a SpreadElement,
   * and where the first and second start (in `value`, clamped like error_at). */
  uint32_t spread_count;
  int spread_first_is_spread;
  uint32_t spread_first_at, spread_second_at;
} mdx_js_check;

/* Names declared with `var` before a module: the names the document's earlier ESM
 * blocks imported, which the reference declares in front of each block (`var a, b`).
 * The caller keeps the set from block to block and adds each block's imports, so that
 * checking a block costs nothing for the names before it (declaring them all again for
 * every block would be quadratic in the number of blocks). Zero-initialise; the memory
 * comes from the arena given to mdx_js_names_add. */
typedef struct mdx_js_names {
  mdx_str *slots; /* open addressing; `cap` is a power of two, at most half full */
  uint32_t cap, n;
} mdx_js_names;
void mdx_js_names_add(mdx_arena *arena, mdx_js_names *names, const char *name, uint32_t len);
int mdx_js_names_has(const mdx_js_names *names, const char *name, uint32_t len);

/* Checks `value` (UTF-8, `len` bytes) for `goal`. `predeclared` (MODULE only; may be NULL)
 * are names declared with `var` before the value. Uses `arena` for all memory. Returns
 * MDX_OK (the verdict is in *out) or MDX_ENOMEM. */
int mdx_js_check_run(mdx_arena *arena, const char *value, size_t len, mdx_js_goal goal,
                     const mdx_js_names *predeclared, mdx_js_check *out);

#endif
