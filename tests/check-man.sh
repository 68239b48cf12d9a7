#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# check-man.sh PAGE... - each man page renders with groff -ww -man and not
# a single warning.  Without groff the check is skipped (one visible line).
# Prints each failure, then "N passed, N failed[, N skipped]".

passed=0 failed=0
if ! command -v groff >/dev/null 2>&1; then
	echo "skipped: groff not installed (apt-get install groff-base)"
	echo "0 passed, 0 failed, $# skipped"
	exit 0
fi
for page in "$@"; do
	err=$(groff -ww -man -Tutf8 "$page" 2>&1 >/dev/null)
	if [ $? -eq 0 ] && [ -z "$err" ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		printf 'FAIL man: %s renders with warnings\n%s\n' "$page" "$err"
	fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
