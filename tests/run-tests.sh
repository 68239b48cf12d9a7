#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# run-tests.sh UNIT-BIN MMSIM - the test suite on the model:
#   the unit tests (UNIT-BIN, whose last line is "unit: N passed, N failed"),
#   every tests/scenarios/*.mms with `MMSIM run` (exit 0 passes, 77 is
#   skipped, anything else fails), every fuzzer finding in tests/regress/
#   (any orderly exit passes; a crash fails), and every
#   tests/bad/*.mms, which must exit 2 with the message in the matching
#   .err file ("LINE: message", prefixed here with the file's path).
# Prints each failure, then one line: "N passed, N failed[, N skipped]".
# Exits non-zero on any failure.

unit=$1
mmsim=$2
dir=$(dirname "$0")
passed=0 failed=0 skipped=0
to=""
command -v timeout >/dev/null 2>&1 && to="timeout 120"

if [ -z "$unit" ] || [ -z "$mmsim" ]; then
	echo "usage: $0 UNIT-BIN MMSIM" >&2
	exit 2
fi

out=$($to "$unit" 2>&1)
last=$(printf '%s\n' "$out" | tail -n 1)
case $last in
"unit: "*" passed, "*" failed")
	set -- $last
	passed=$((passed + $2))
	failed=$((failed + $4))
	[ "$4" -eq 0 ] || printf '%s\n' "$out" | grep -v '^unit: '
	;;
*)
	printf 'FAIL %s (no summary line)\n%s\n' "$unit" "$out"
	failed=$((failed + 1))
	;;
esac

for f in "$dir"/scenarios/*.mms; do
	[ -e "$f" ] || continue
	out=$($to "$mmsim" run "$f" 2>&1)
	rc=$?
	case $rc in
	0)  passed=$((passed + 1)) ;;
	77) skipped=$((skipped + 1)) ;;
	*)  failed=$((failed + 1))
	    printf 'FAIL %s (exit %d)\n%s\n' "$f" "$rc" "$out" ;;
	esac
done

# Fuzzer findings: whatever they are, they must end in an orderly exit
# (0, 1, 2 or 77), never a crash or a sanitizer report.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}exitcode=99"
for f in "$dir"/regress/*; do
	[ -e "$f" ] || continue
	out=$($to "$mmsim" run "$f" 2>&1)
	rc=$?
	case $rc in
	0|1|2|77) passed=$((passed + 1)) ;;
	*)  failed=$((failed + 1))
	    printf 'FAIL %s (exit %d: a crash)\n%s\n' "$f" "$rc" "$out" ;;
	esac
done

for f in "$dir"/bad/*.mms; do
	[ -e "$f" ] || continue
	want="$f:$(head -n 1 "${f%.mms}.err")"
	out=$($to "$mmsim" run "$f" 2>&1)
	rc=$?
	first=$(printf '%s\n' "$out" | head -n 1)
	case $first in
	"$want"*)
		if [ "$rc" -eq 2 ]; then
			passed=$((passed + 1))
			continue
		fi ;;
	esac
	failed=$((failed + 1))
	printf 'FAIL %s (exit %d, want 2)\n  want: %s\n  got:  %s\n' \
		"$f" "$rc" "$want" "$first"
done

if [ "$skipped" -gt 0 ]; then
	echo "$passed passed, $failed failed, $skipped skipped"
else
	echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
