#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# run-scenarios.sh --native|--diff MMSIM DIR - every DIR/*.mms with
# `MMSIM run --native` or `MMSIM diff`; exit 77 counts as skipped.
# A scenario that fails is run once more: the host kernel does work of
# its own beside the scenario (khugepaged collapsing a PTE-mapped THP
# between two commands, per-CPU LRU batches drained or not), where the
# model is deterministic.  One that passes the second time is printed as
# FLAKY with its first output and does not fail the run; one that fails
# twice is a failure.
# Prints each failure, then one line: "N passed, N failed[, N skipped][,
# N flaky]".  Exits non-zero on any failure.

mode=$1
mmsim=$2
dir=$3
passed=0 failed=0 skipped=0 flaky=0
to=""
command -v timeout >/dev/null 2>&1 && to="timeout 120"

case $mode in
--native) set -- run --native ;;
--diff)   set -- diff ;;
*)        echo "usage: $0 --native|--diff MMSIM DIR" >&2; exit 2 ;;
esac
if [ -z "$mmsim" ] || [ ! -d "$dir" ]; then
	echo "usage: $0 --native|--diff MMSIM DIR" >&2
	exit 2
fi

for f in "$dir"/*.mms; do
	[ -e "$f" ] || continue
	out=$($to "$mmsim" "$@" "$f" 2>&1)
	rc=$?
	case $rc in
	0)  passed=$((passed + 1)) ;;
	77) skipped=$((skipped + 1)) ;;
	1)  if $to "$mmsim" "$@" "$f" >/dev/null 2>&1; then
		flaky=$((flaky + 1))
		printf 'FLAKY %s (exit 1, then passed)\n%s\n' "$f" "$out"
	    else
		failed=$((failed + 1))
		printf 'FAIL %s (exit 1, twice)\n%s\n' "$f" "$out"
	    fi ;;
	*)  failed=$((failed + 1))
	    printf 'FAIL %s (exit %d)\n%s\n' "$f" "$rc" "$out" ;;
	esac
done

line="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
[ "$flaky" -gt 0 ] && line="$line, $flaky flaky"
echo "$line"
[ "$failed" -eq 0 ]
