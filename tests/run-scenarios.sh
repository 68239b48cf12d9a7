#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# run-scenarios.sh --native|--diff MMSIM DIR - every DIR/*.mms with
# `MMSIM run --native` or `MMSIM diff`; exit 77 counts as skipped.
# Prints each failure, then one line: "N passed, N failed[, N skipped]".
# Exits non-zero on any failure.

mode=$1
mmsim=$2
dir=$3
passed=0 failed=0 skipped=0
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
	*)  failed=$((failed + 1))
	    printf 'FAIL %s (exit %d)\n%s\n' "$f" "$rc" "$out" ;;
	esac
done

if [ "$skipped" -gt 0 ]; then
	echo "$passed passed, $failed failed, $skipped skipped"
else
	echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
