#!/usr/bin/env bash
# Reruns saved findings against the current code and prints one line each: the file,
# its size, and what fails now (the invariant, or the sanitizer's first line and top
# frame in the core), or "ok" when it no longer fails.
#   bash fuzz/triage.sh TARGET FILE...      e.g. bash fuzz/triage.sh fuzz_parse fuzz/findings/*
set -u
cd "$(dirname "$0")"
target=$1
shift
make -s "out/$target" || exit 2
for f in "$@"; do
  case $f in /*) ;; *) f=$OLDPWD/$f ;; esac
  out=$(timeout 60 "./out/$target" -timeout=10 -rss_limit_mb=2048 "$f" 2>&1)
  rc=$?
  if [ $rc -eq 0 ]; then
    what=ok
  else
    what=$(printf '%s\n' "$out" | grep -m1 -E 'fuzz invariant violated|ERROR: AddressSanitizer|runtime error|ERROR: libFuzzer: (timeout|out-of-memory|malloc)|ERROR: LeakSanitizer' |
           sed -E 's/^==[0-9]+==//')
    frame=$(printf '%s\n' "$out" | grep -E '^ +#[0-9]+ .* in mdx_|^ +#[0-9]+ .* in [a-z_]+ .*src/' | head -n 1 |
            sed -E 's/^ +#[0-9]+ 0x[0-9a-f]+ in //')
    what="$what${frame:+ @ $frame}"
  fi
  printf '%s\t%s bytes\t%s\n' "$(basename "$f")" "$(stat -c %s "$f")" "${what:-exit $rc}"
done
