/* Named limits of the core. Each bounds something an attacker controls; going past one
 * degrades (the deeper part becomes text) instead of failing or recursing. */
#ifndef MDX_LIMITS_H
#define MDX_LIMITS_H

/* Largest source accepted, in bytes after normalisation. Offsets are uint32_t and the
 * OCP length field of a node must fit, so stay well below 4 GiB. */
#define MDX_MAX_SOURCE_BYTES 0x7fffffffu

/* Open block containers (block quotes + list items) at once. Past it, container markers
 * are read as paragraph text. Keeps the open-container stack and renderers' work small;
 * cmark has no such limit but nobody writes 1000 nested quotes on purpose. */
#define MDX_MAX_BLOCK_DEPTH 1000

/* Nested links and images being parsed at once: bracket openers kept on the stack. */
#define MDX_MAX_BRACKET_DEPTH 1000

/* Emphasis delimiter runs that can still be matched; beyond it further runs are text.
 * With the per-character openers bottom, matching stays linear anyway. */
#define MDX_MAX_DELIMITERS 100000

/* Inline nesting depth (emphasis in link in emphasis ...) written to the tree. */
#define MDX_MAX_INLINE_DEPTH 1000

/* Characters scanned for a link label: CommonMark says at most 999. */
#define MDX_MAX_LINK_LABEL 999

/* Nesting of unescaped parentheses inside a link destination (CommonMark leaves this
 * to implementations; micromark uses 32). */
#define MDX_MAX_DESTINATION_PARENS 32

/* Image alt text a leaf may copy, as a multiple of its size. mdast keeps an `alt` on every
 * image, and an image inside an image repeats its alt in the outer one, so deep nests
 * over long text would take O(depth x length) memory. Past the budget an enclosing alt
 * leaves out the alt of the images inside it. */
#define MDX_MAX_ALT_REPEAT 8

/* Brackets, template literals and JSX elements open at once inside one MDX expression or
 * ESM block (jsscan.h). The scanner's stack is fixed-size; deeper JavaScript is reported
 * as an error rather than read wrong. */
#define MDX_MAX_JS_NESTING 256

/* Recursion depth of the JavaScript syntax checker (jscheck.c): nested statements,
 * assignment expressions, unary operators, `new`, patterns and JSX elements each take a
 * level. Real code stays far below (a level costs a few hundred bytes of C stack, so
 * this stays under ~1 MiB); past it the checker reports "Nesting too deep" where acorn
 * would go on until its own stack runs out. */
#define MDX_MAX_JS_DEPTH 1000

/* Empty cells the HTML renderer may add to short GFM table rows: this many per byte of
 * source, plus the base. micromark pads every body row to the head's width, so a head of
 * n columns over m one-cell rows would print O(n x m) bytes from O(n + m) of input. Real
 * tables stay far below the budget; past it, short rows are printed short (mdast never
 * pads, so trees are not affected). */
#define MDX_TABLE_PAD_PER_BYTE 1
#define MDX_TABLE_PAD_BASE 65536

/* JSX elements open at once (mdx_tree.c). The pairing stack is in the arena, so this only
 * keeps renderers and consumers of the tree from deep nests; past it, an error. */
#define MDX_MAX_JSX_DEPTH 10000

/* Lines a JSX tag or expression that may interrupt a paragraph is read ahead to see
 * whether it stands alone (blocks.c, mdx_interrupts). Reading on without bound would make
 * runs of such lines quadratic; past it, the group is taken to interrupt. */
#define MDX_MAX_FLOW_PROBE_LINES 64

/* Blank lines inside one ESM block where the JavaScript checker is asked whether the
 * block ends and says that more input might mend it. The reference asks at every blank
 * line, so a block of many paragraphs would be checked over and over (quadratic); past
 * the limit the block reads on to the end of input and is checked once there. Real
 * blocks ask once: the JS scanner already answers for open brackets and operators. */
#define MDX_MAX_ESM_CHECKS 16

#endif
