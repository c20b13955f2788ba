/* OCP, the binary AST handed to JavaScript. docs/ocp.md is the byte-by-byte spec; the
 * constants here and in lib/ocp-format.js must agree with it. */
#ifndef MDX_OCP_H
#define MDX_OCP_H

#define MDX_OCP_VERSION 1
#define MDX_OCP_HEADER_BYTES 48

/* Word 0 of a node record: type (bits 0-7), flags (bits 8-15), length (bits 16-31). */
#define MDX_OCP_HAS_CHILDREN (1u << 8)
#define MDX_OCP_LAST (1u << 9)
#define MDX_OCP_SHIFT_SPECIFIC 10 /* first type-specific flag bit */
#define MDX_OCP_LONG_LENGTH 0xFFFFu /* length did not fit: a length word follows */
#define MDX_OCP_NULL 0xFFFFFFFFu    /* string reference to null */

/* Type-specific flag bits (shifted by MDX_OCP_SHIFT_SPECIFIC). */
#define MDX_OCP_VERBATIM 1u      /* literal: value is the source text of the node */
#define MDX_OCP_ORDERED 1u       /* list */
#define MDX_OCP_SPREAD 2u        /* list, listItem (listItem uses bit 0) */
#define MDX_OCP_CHECKED_SET 2u   /* listItem */
#define MDX_OCP_CHECKED 4u       /* listItem */
#define MDX_OCP_HAS_FIRST 1u     /* code: has lang; link, image, definition: has title */
#define MDX_OCP_HAS_SECOND 2u    /* code, math: has meta */
#define MDX_OCP_RAW_SAME 4u      /* definition, *Reference: raw label = label (one ref) */
#define MDX_OCP_NO_POSITION 2u   /* text, link: no `position` (made by a tree transform) */
#define MDX_OCP_AFTER_EOL_PARAGRAPH 1u /* paragraph: start point past the previous line end */
#define MDX_OCP_AFTER_EOL_TEXT 4u      /* text: the same */

/* Header flags (byte 5). */
#define MDX_OCP_SOURCE_ASCII 1u

#endif
