#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# difffuzz.sh MMSIM - `mmsim difffuzz` on the host (run by make
# test-native, as root): a run reports as many scenarios as asked, the
# same seed gives the same counts, and every minimised difference it
# keeps still differs when `mmsim diff` runs it alone, in no more lines
# than were generated; and `mmsim diff` itself holds a result both
# backends give to the scenario's expectation.  Bad options are cli.sh's.
# Prints each failure, then one line: "N passed, N failed".

mmsim=$1
passed=0 failed=0
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); printf 'FAIL difffuzz: %s\n' "$1"; }

"$mmsim" difffuzz --seed=7 --count=2000 --len=32 --keep="$tmp" >"$tmp/a.out" 2>&1
rc=$?
if [ "$rc" -eq 77 ]; then
	echo "0 passed, 0 failed (the host cannot be probed: skipped)"
	exit 0
fi
if [ "$rc" -le 1 ] && grep -q '^2000 scenarios: ' "$tmp/a.out"; then ok; else
	fail "2000 scenarios reported (exit $rc): $(tail -1 "$tmp/a.out")"; fi

"$mmsim" difffuzz --seed=7 --count=2000 --len=32 >"$tmp/b.out" 2>&1
if [ "$(grep ' scenarios: ' "$tmp/a.out" | cut -d'(' -f1)" = \
     "$(grep ' scenarios: ' "$tmp/b.out" | cut -d'(' -f1)" ]; then ok; else
	fail "the same seed gives the same counts"; fi

for f in "$tmp"/diff-*.mms; do
	[ -e "$f" ] || continue
	"$mmsim" diff "$f" >/dev/null 2>&1
	rc=$?
	lines=$(grep -vc '^#' "$f")
	if [ "$rc" -eq 1 ] && [ "$lines" -le 32 ]; then ok; else
		fail "$(basename "$f") still differs alone (exit $rc, $lines lines)"; fi
done
printf 'mmap a 1p rw- private\nwrite a 1\nread a => 0x02\n' >"$tmp/wrong.mms"
out=$("$mmsim" diff "$tmp/wrong.mms" 2>&1)
rc=$?
if [ "$rc" -eq 1 ] && echo "$out" | grep -q 'wrong.mms:3: expected 0x02, both got 0x01'; then ok; else
	fail "diff holds an agreed result to its expectation (exit $rc): $out"; fi
printf 'mmap a 1p rw- private\nwrite a 1\nread a => 0x01\n' >"$tmp/right.mms"
if "$mmsim" diff "$tmp/right.mms" >/dev/null 2>&1; then ok; else
	fail "diff passes a result both give as expected"; fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
