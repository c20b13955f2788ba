/* HTML5 named character references (generated table in entities.c). */
#ifndef MDX_ENTITIES_H
#define MDX_ENTITIES_H

#include <stdint.h>

#include "node.h"

/* The UTF-8 value of the reference `&name;` (name without `&` and `;`), or {NULL, 0} if
 * there is no such reference. The value points into a static table. */
mdx_str mdx_entity_lookup(const char *name, uint32_t len);

#endif
