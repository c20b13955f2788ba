/* A main for the fuzz targets without libFuzzer: runs LLVMFuzzerTestOneInput on every
 * file named (or every file in every directory named), so that a fuzz corpus can be
 * replayed under valgrind, which cannot run sanitizer builds.
 *   replay_<target> DIR_OR_FILE...   prints how many inputs ran; a failed invariant traps */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static long run_file(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) return 0;
  size_t cap = 4096, len = 0, got;
  uint8_t *data = malloc(cap);
  while (data && (got = fread(data + len, 1, cap - len, f)) > 0) {
    len += got;
    if (len == cap) {
      uint8_t *grown = realloc(data, cap *= 2);
      if (!grown) free(data);
      data = grown;
    }
  }
  fclose(f);
  if (!data) return 0;
  LLVMFuzzerTestOneInput(data, len);
  free(data);
  return 1;
}

int main(int argc, char **argv) {
  long count = 0;
  for (int i = 1; i < argc; i++) {
    struct stat st;
    if (stat(argv[i], &st) != 0) continue;
    if (!S_ISDIR(st.st_mode)) {
      count += run_file(argv[i]);
      continue;
    }
    DIR *dir = opendir(argv[i]);
    if (!dir) continue;
    struct dirent *entry;
    while ((entry = readdir(dir))) { /* bounded: the directory's entries */
      if (entry->d_name[0] == '.') continue;
      char path[4096];
      snprintf(path, sizeof path, "%s/%s", argv[i], entry->d_name);
      count += run_file(path);
    }
    closedir(dir);
  }
  printf("replay: %ld inputs\n", count);
  return 0;
}
