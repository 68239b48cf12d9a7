#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# native-guard.sh MMSIM - the native backend protects the host (run by
# make test-native): each tests/native/*.mms runs with --native and must
# end as its name says: `limit-*` and `guard-refuses-*` skipped (77) with
# the limit or the agent's-own-memory message, other files passing.
# Prints each failure, then one line: "N passed, N failed".

mmsim=$1
dir=$(dirname "$0")/native
passed=0 failed=0

for f in "$dir"/*.mms; do
	name=$(basename "$f" .mms)
	case $name in
	limit-*)          opt=--mem-limit=1g want=77 msg="memory limit" ;;
	guard-refuses-*)  opt=--mem-limit=131072g want=77 msg="own memory" ;;
	*)                opt= want=0 msg= ;;
	esac
	out=$("$mmsim" run --native $opt "$f" 2>&1)
	rc=$?
	if [ "$rc" -eq "$want" ] && { [ -z "$msg" ] || printf '%s' "$out" | grep -q "$msg"; }; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		printf 'FAIL %s (exit %d, want %d with "%s")\n%s\n' "$f" "$rc" "$want" "$msg" "$out"
	fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
