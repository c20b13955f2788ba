/* C tests of the lexical JavaScript scanner (jsscan.h). Each expected end is worked out
 * by hand from JavaScript's grammar (and acorn-jsx's reading of JSX): which `}` ends the
 * expression, or what is still open and since where. Every input is fed three ways (at
 * once, line by line, byte by byte), which must agree. */
#include <stdlib.h>

#include "../jsscan.h"
#include "check.h"

enum { WHOLE, LINES, BYTES };

/* Feeds `in` in the given chunks; returns the stop offset or -1 if it did not stop. */
static long run(const char *in, size_t len, int how, int stop, mdx_js_scan *scan) {
  mdx_js_scan_init(scan);
  size_t i = 0;
  while (i < len) {
    size_t n = len - i;
    if (how == BYTES) n = 1;
    if (how == LINES) {
      n = 1;
      while (i + n < len && in[i + n - 1] != '\n' && in[i + n - 1] != '\r') n++;
      if (in[i + n - 1] == '\r' && i + n < len && in[i + n] == '\n') n++;
    }
    size_t used = mdx_js_scan_feed(scan, in + i, n, stop);
    if (used < n) {
      if ((long)scan->offset != (long)(i + used)) return -2; /* offset must be the `}` */
      return (long)(i + used);
    }
    i += n;
  }
  if (scan->offset != len) return -3;
  return -1;
}

static int failures_before;

static void report_input(const char *in, int line) {
  if (check_failed != failures_before) fprintf(stderr, "  (input at line %d: \"%s\")\n", line, in);
  failures_before = check_failed;
}

/* The expression ends at the `}` at byte `at`. */
static void stop_at(const char *in, size_t len, long at, int line) {
  for (int how = WHOLE; how <= BYTES; how++) {
    mdx_js_scan scan;
    CHECK_EQ_INT(run(in, len, how, 1, &scan), at);
  }
  report_input(in, line);
}

/* No `}` ends it; afterwards the state is `kind`, open since `open_at`. */
static void ends_open(const char *in, size_t len, int stop, mdx_js_open kind, uint32_t open_at,
                      int line) {
  for (int how = WHOLE; how <= BYTES; how++) {
    mdx_js_scan scan;
    CHECK_EQ_INT(run(in, len, how, stop, &scan), -1);
    CHECK_EQ_INT(mdx_js_scan_state(&scan), kind);
    if (kind != MDX_JS_OPEN_NONE) CHECK_EQ_INT(scan.open_at, open_at);
  }
  report_input(in, line);
}

/* The common case: the input's last byte is the `}` that ends it. */
#define STOP_LAST(s) stop_at(s, sizeof s - 1, (long)sizeof s - 2, __LINE__)
#define STOP(s, at) stop_at(s, sizeof s - 1, at, __LINE__)
#define OPEN(s, kind, at) ends_open(s, sizeof s - 1, 1, MDX_JS_OPEN_##kind, at, __LINE__)
#define INVALID(s, at) ends_open(s, sizeof s - 1, 1, MDX_JS_INVALID, at, __LINE__)
#define COMPLETE(s) ends_open(s, sizeof s - 1, 1, MDX_JS_OPEN_NONE, 0, __LINE__)
#define ESM(s, kind, at) ends_open(s, sizeof s - 1, 0, kind, at, __LINE__)

static void test_basics(void) {
  STOP_LAST("}");
  STOP_LAST("a}");
  STOP("a + b } c", 6);
  STOP("a } b }", 2);
  STOP_LAST("{a}}");       /* an object at the start */
  STOP_LAST("f({a: 1})}");
  STOP_LAST("[1, {b: [2]}]}");
  STOP_LAST("a\n+\nb\n}");
  STOP_LAST("a\r\n+ b\r}");
  STOP_LAST("caf\xc3\xa9 / 2 / 1}"); /* non-ASCII in an identifier: still division */
  STOP_LAST("(class { #x = '}'; m() { return this.#x / 2 } })}"); /* not a hashbang */
  STOP("#!x }\n1}", 7);              /* a hashbang comment at the very start */
  OPEN("(a", BRACKET, 0);
  OPEN("[a, (b", BRACKET, 4);
  OPEN("x = {a: [1, 2", BRACKET, 8);
  INVALID("a)}", 1);
  INVALID("(a]}", 2);
  INVALID("[a})", 2);
  COMPLETE("");
  COMPLETE("a + b");
}

static void test_strings(void) {
  STOP_LAST("'}'}");
  STOP_LAST("\"}\"}");
  STOP_LAST("'\\'}'}");
  STOP_LAST("\"a\\\\\"}");     /* "a\\" ends at the second quote */
  STOP_LAST("'it\\'s'}");
  STOP_LAST("\"a'}\"}");
  STOP_LAST("'a\"}'}");
  STOP_LAST("'a\\\nb'}");       /* an escaped line ending continues the string */
  STOP_LAST("'a\\\r\nb'}");
  STOP_LAST("'a\\\rb'}");
  STOP_LAST("'\\u{7d}' + \"\\x7d\"}");
  OPEN("'abc", STRING, 0);
  OPEN("a + \"b } c", STRING, 4);
  OPEN("'a\\", STRING, 0);
  INVALID("a + 'b\nc'}", 4);   /* a line ending in a string: never valid again */
  INVALID("\"b\r\"}", 0);
  INVALID("'a\\\r\n\n'}", 0);
}

static void test_templates(void) {
  STOP_LAST("`}`}");
  STOP_LAST("`${a}`}");
  STOP_LAST("`${ {a: '}'} }`}");
  STOP_LAST("`a${`b${c}`}d`}");
  STOP_LAST("`\\``}");
  STOP_LAST("`\\${a}`}");      /* an escaped `$`: no substitution */
  STOP_LAST("`$ {a}`}");
  STOP_LAST("`$`}");
  STOP_LAST("`$${a}`}");
  STOP_LAST("`a\nb}\r\nc`}");
  STOP_LAST("tag`}` / 2}");
  STOP_LAST("`${<a>{'}'}</a>}`}");
  STOP_LAST("`${/}/}` / 1}");
  OPEN("`abc", TEMPLATE, 1);          /* acorn: where the text starts */
  OPEN("a + `b ${c", TEMPLATE, 7);   /* the innermost: `${` */
  OPEN("`a ${b} c", TEMPLATE, 7);      /* after the last substitution's `}` */
  OPEN("`${`", TEMPLATE, 4);
  OPEN("`${(", BRACKET, 3);
}

static void test_comments(void) {
  STOP_LAST("/* } */}");
  STOP_LAST("a /* } */ }");
  STOP_LAST("// }\n}");
  STOP_LAST("a // }\n}");
  STOP_LAST("a // }\r}");
  STOP_LAST("a /** } **/}");
  STOP_LAST("a /*/ } */}");
  STOP_LAST("a /* ' \" ` */}");
  STOP_LAST("a // ' \" `\n}");
  /* A `}` in a `//` comment does not end the expression: the reference refuses an
   * unended comment before the `}`. */
  COMPLETE("a // x}");
  COMPLETE("// }");
  OPEN("/* }", COMMENT, 0);
  OPEN("a /* } *", COMMENT, 2);
  /* U+2028 ends the comment, but the reference still refuses the `}` right after. */
  INVALID("a // x\xe2\x80\xa8}", 9);
  STOP_LAST("a // x\xe2\x80\xa8 + 1}");
  STOP_LAST("a // x\xe2\x80\xa8\n}");
}

static void test_regex(void) {
  STOP_LAST("a / b}");
  STOP_LAST("a / b / c}");
  STOP_LAST("/}/}");
  STOP_LAST("x = /}/g}");
  STOP_LAST("/[/}]/}");
  STOP_LAST("/[\\]/}]/}");
  STOP_LAST("/\\/}/}");
  STOP_LAST("a(/}/)}");
  STOP_LAST("[/}/]}");
  STOP_LAST("typeof /}/}");
  STOP_LAST("a ? /}/ : /{/}");
  STOP_LAST("!/}/.test(a)}");
  STOP_LAST("/=}/}");
  STOP_LAST("a /= 2}");
  STOP_LAST("/a/g / 2}");          /* flags, then a division */
  STOP_LAST("(a) / 2 / (b)}");
  STOP_LAST("x.return / 2 / y}");  /* a keyword as a property name is a name */
  STOP_LAST("a++ / 2 / b}");
  STOP_LAST("1 / 2 / 3}");
  STOP_LAST("1.5e3 / 2 / 3}");
  STOP_LAST("'a' / 2 / 1}");
  STOP_LAST("`a` / 2 / 1}");
  STOP_LAST("a[0] / 2 / 1}");
  STOP_LAST("{} / 1 / 2}");         /* an object, not a block */
  STOP_LAST("of / 2 / 1}");
  STOP_LAST("await /}/}");
  STOP_LAST("(() => { if (x) /}/.test(y) })}");
  STOP_LAST("(() => { while (x) /}/.test(y) })}");
  STOP_LAST("(() => { for (a of /}/) {} })}");
  STOP_LAST("(() => { return /}/ })}");
  STOP_LAST("(() => { {} /}/.test(y) })}");
  STOP_LAST("(() => { x; /}/.test(y) })}");
  STOP_LAST("(() => { try {} finally {} /}/.test(y) })}"); /* `try {` is a block */
  STOP_LAST("(() => { try {} catch {} /}/.test(y) })}");
  STOP_LAST("(() => { l: {} /}/.test(y) })}");
  STOP_LAST("(() => { switch (x) { case 1: {} /}/ } })}");
  STOP_LAST("(() => { function f() {} /}/.test(y) })}");
  STOP_LAST("(function* () { yield /}/ })}");
  STOP_LAST("(function* () { yield <a>{1}</a> })}");
  STOP_LAST("(function () {}) / 2 / 1}");
  STOP_LAST("x = function () {} / 2 / 1}");
  STOP_LAST("(class { m() {} }) / 2 / 1}");
  STOP_LAST("a => /}/}");
  STOP_LAST("a.b?.c / 2 / 1}");
  STOP_LAST("[...a, .../}/]}");
  OPEN("x = /ab", REGEX, 5);     /* acorn: after the `/` */
  OPEN("x = /[}/", REGEX, 5);
  OPEN("x = /", REGEX, 4);
  INVALID("x = /a\n}/}", 5);
  OPEN("x /", OPERAND, 3);       /* a division awaiting its right side */
}

static void test_jsx(void) {
  STOP_LAST("<a />}");
  STOP_LAST("<p>it's</p>}");
  STOP_LAST("<p>say \"hi\" `x`</p>}");
  STOP_LAST("<p>a / b // c /* d</p>}");
  STOP_LAST("<a b=\"}\" />}");
  STOP_LAST("<a b='}' c={d} />}");
  STOP_LAST("<a b=\"\\\" />}");      /* no escapes in JSX strings */
  STOP_LAST("<a b=\"x\ny\" />}");
  STOP_LAST("<a {...b} />}");
  STOP_LAST("<>{'}'}</>}");
  STOP_LAST("<><b>x</b><c/></>}");
  STOP_LAST("<a.b c:d=\"x\" e-f />}");
  STOP_LAST("<a>{a ? <b/> : '}'}</a>}");
  STOP_LAST("<my-el>x</my-el>}");
  STOP_LAST("<a /* } */ b // }\n/>}");
  STOP_LAST("< a>x</ a >}");
  STOP_LAST("<a\n/>}");
  STOP_LAST("<a b=<c/> />}");
  STOP_LAST("<a>{/* } */}</a>}");
  STOP_LAST("<a>{`}${<b>{'}'}</b>}`}</a>}");
  STOP_LAST("x = <a/> / 2}");         /* after an element: division */
  STOP_LAST("f(<a/>, <b></b>)}");
  STOP_LAST("a < b}");
  STOP_LAST("a << b}");
  STOP_LAST("a <= b}");
  STOP_LAST("a++ < b}");
  STOP_LAST("a<b>c}");               /* relational, not a tag */
  INVALID("<a>}</a>}", 3);           /* `}` in JSX text is an error for acorn-jsx */
  INVALID("<a>x > y</a>}", 5);
  INVALID("<a><b>}</b></a>}", 6);
  INVALID("</a>}", 1);
  INVALID("\n> a\n}", 1);          /* an operator where an operand is wanted */
  INVALID("a = = b}", 4);
  INVALID("(%a)}", 1);              /* acorn-jsx wants a name where the `/` is */
  /* Closing names must match the opening ones (acorn-jsx: "Expected corresponding JSX
   * closing tag"); the error is at the closing tag. */
  INVALID("<a></b>}", 3);
  INVALID("<ab></a>}", 4);
  INVALID("<a></>}", 3);
  INVALID("<></a>}", 2);
  INVALID("<a><b></a></b>}", 6);
  INVALID("<a.b></a>}", 5);
  STOP_LAST("<a.b></a.b>}");
  STOP_LAST("<a:b></a:b>}");
  STOP_LAST("<a . b></a.b>}");
  STOP_LAST("<my-el x-y='1'></my-el>}");
  STOP_LAST("<a b=<c/>></a>}");
  STOP_LAST("<a b={<c></c>}>{<d></d>}</a>}");
  OPEN("<a>", JSX, 0);
  OPEN("<a b=\"}", STRING, 5);
  OPEN("<a>{b", BRACKET, 3);
  OPEN("<a><b>c</b>", JSX, 0);
  OPEN("x = <a><b>", JSX, 7);
  OPEN("<a b={c", BRACKET, 5);
}

static void test_esm(void) {
  ESM("export const a = {b: 1}", MDX_JS_OPEN_NONE, 0);
  ESM("import a from 'b' // c", MDX_JS_OPEN_NONE, 0);
  ESM("import {a} from 'b'\nexport default function () {\n  return <a>}</a>\n}", MDX_JS_INVALID, 61);
  ESM("export const a = `", MDX_JS_OPEN_TEMPLATE, 18);
  ESM("export function f() {", MDX_JS_OPEN_BRACKET, 20);
  ESM("export {a}}", MDX_JS_INVALID, 10);
  ESM("export const a = () => {\n  if (x) /}/.test(y)\n}", MDX_JS_OPEN_NONE, 0);
  /* Lexically complete but waiting for an operand: acorn fails at the very end, so the
   * reference reads on past a blank line. */
  ESM("export const a = 1 +", MDX_JS_OPEN_OPERAND, 20);
  ESM("export const a = 1,", MDX_JS_OPEN_OPERAND, 19);
  ESM("export const a = b.", MDX_JS_OPEN_OPERAND, 19);
  ESM("export const a = !", MDX_JS_OPEN_OPERAND, 18);
  ESM("export const a = b ? c :", MDX_JS_OPEN_OPERAND, 24);
  ESM("export const a = x => // c", MDX_JS_OPEN_OPERAND, 26);
  ESM("export default", MDX_JS_OPEN_OPERAND, 14);
  ESM("export const", MDX_JS_OPEN_OPERAND, 12);
  ESM("export", MDX_JS_OPEN_OPERAND, 6);
  ESM("export const a = typeof", MDX_JS_OPEN_OPERAND, 23);
  ESM("export const a = 1;", MDX_JS_OPEN_NONE, 0);
  ESM("export let a = b++", MDX_JS_OPEN_NONE, 0);
  ESM("export const a = <b/>", MDX_JS_OPEN_NONE, 0);
  ESM("export const a = /b/ /* c */", MDX_JS_OPEN_NONE, 0);
}

static void test_resume(void) {
  /* After a stop, the next feed stops again at the same `}`. */
  mdx_js_scan scan;
  mdx_js_scan_init(&scan);
  CHECK_EQ_INT(mdx_js_scan_feed(&scan, "a}b", 3, 1), 1);
  CHECK_EQ_INT(mdx_js_scan_feed(&scan, "}b", 2, 1), 0);
  CHECK_EQ_INT(scan.offset, 1);
  CHECK_EQ_INT(mdx_js_scan_state(&scan), MDX_JS_OPEN_NONE);
  /* Without stopping, a `}` at depth 0 breaks it for good. */
  CHECK_EQ_INT(mdx_js_scan_feed(&scan, "}b", 2, 0), 2);
  CHECK_EQ_INT(mdx_js_scan_state(&scan), MDX_JS_INVALID);
  CHECK_EQ_INT(mdx_js_scan_feed(&scan, "}", 1, 1), 1);
  CHECK_EQ_INT(scan.offset, 4);
}

static void test_depth(void) {
  char buf[4 * MDX_MAX_JS_NESTING + 8];
  size_t n = MDX_MAX_JS_NESTING;
  memset(buf, '(', n);
  ends_open(buf, n, 1, MDX_JS_OPEN_BRACKET, (uint32_t)n - 1, __LINE__);
  buf[n] = '(';
  buf[n + 1] = '}';
  ends_open(buf, n + 2, 1, MDX_JS_OPEN_TOO_DEEP, (uint32_t)n, __LINE__);
  memset(buf, '[', n);
  memset(buf + n, ']', n);
  buf[2 * n] = '}';
  stop_at(buf, 2 * n + 1, (long)(2 * n), __LINE__);
  /* An open element takes one entry (its children), two while in its tag. */
  size_t k = MDX_MAX_JS_NESTING - 1;
  for (size_t i = 0; i < k; i++) memcpy(buf + 3 * i, "<a>", 3);
  ends_open(buf, 3 * k, 1, MDX_JS_OPEN_JSX, (uint32_t)(3 * k - 3), __LINE__);
  memcpy(buf + 3 * k, "<a>}", 4);
  ends_open(buf, 3 * k + 4, 1, MDX_JS_OPEN_TOO_DEEP, (uint32_t)(3 * k), __LINE__);
  /* Templates inside substitutions. */
  size_t t = 0;
  for (size_t i = 0; i < MDX_MAX_JS_NESTING; i++) {
    memcpy(buf + t, "`${", 3);
    t += 3;
  }
  ends_open(buf, t, 1, MDX_JS_OPEN_TOO_DEEP, (uint32_t)(3 * (MDX_MAX_JS_NESTING / 2)), __LINE__);
}

/* A long input: every piece is valid, so the final `}` ends it (the bound on work per
 * byte is structural: each byte is looked at by at most two modes). */
static void test_long(void) {
  static const char piece[] = "a/'}'+/}/g+`${b}`+<c d='}'>{e}</c>+";
  size_t count = 1 << 15, n = count * (sizeof piece - 1);
  char *buf = malloc(n + 2);
  if (!buf) return;
  for (size_t i = 0; i < count; i++) memcpy(buf + i * (sizeof piece - 1), piece, sizeof piece - 1);
  buf[n] = '1';
  buf[n + 1] = '}';
  mdx_js_scan scan;
  mdx_js_scan_init(&scan);
  CHECK_EQ_INT(mdx_js_scan_feed(&scan, buf, n + 2, 1), n + 1);
  free(buf);
}

int main(void) {
  test_basics();
  test_strings();
  test_templates();
  test_comments();
  test_regex();
  test_jsx();
  test_esm();
  test_resume();
  test_depth();
  test_long();
  return check_report("jsscan");
}
