/* A minimal test harness: CHECK records a failure and goes on; main prints
 * "N passed, N failed" and exits non-zero on any failure. */
#ifndef MDX_CHECK_H
#define MDX_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_passed, check_failed;

#define CHECK(cond)                                                                  \
  do {                                                                               \
    if (cond)                                                                        \
      check_passed++;                                                                \
    else {                                                                           \
      check_failed++;                                                                \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond);      \
    }                                                                                \
  } while (0)

#define CHECK_EQ_INT(a, b)                                                           \
  do {                                                                               \
    long long check_a = (long long)(a), check_b = (long long)(b);                    \
    if (check_a == check_b)                                                          \
      check_passed++;                                                                \
    else {                                                                           \
      check_failed++;                                                                \
      fprintf(stderr, "%s:%d: %s == %lld, expected %lld\n", __FILE__, __LINE__, #a,  \
              check_a, check_b);                                                     \
    }                                                                                \
  } while (0)

#define CHECK_EQ_MEM(ptr, len, expected)                                             \
  do {                                                                               \
    size_t check_len = strlen(expected);                                             \
    if ((size_t)(len) == check_len && memcmp((ptr), (expected), check_len) == 0)     \
      check_passed++;                                                                \
    else {                                                                           \
      check_failed++;                                                                \
      fprintf(stderr, "%s:%d: %s is \"%.*s\", expected \"%s\"\n", __FILE__, __LINE__, \
              #ptr, (int)(len), (const char *)(ptr), expected);                      \
    }                                                                                \
  } while (0)

static int check_report(const char *suite) {
  printf("%s: %d passed, %d failed\n", suite, check_passed, check_failed);
  return check_failed ? 1 : 0;
}

#endif
