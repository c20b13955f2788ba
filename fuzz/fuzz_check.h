/* FUZZ_CHECK, shared by every fuzz target. */
#ifndef FUZZ_CHECK_H
#define FUZZ_CHECK_H

#include <stdio.h>

/* Prints which invariant failed (libFuzzer shows stderr with the crash), then traps. */
#define FUZZ_CHECK(cond)                                                              \
  do {                                                                                \
    if (!(cond)) {                                                                    \
      fprintf(stderr, "fuzz invariant violated: %s (%s:%d)\n", #cond, __FILE__,       \
              __LINE__);                                                              \
      __builtin_trap();                                                               \
    }                                                                                 \
  } while (0)

#endif
