#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# pictures.sh MMSIM XMLCHECK - the SVG pictures: each example drawn now
# is well-formed XML (our own checker, and xmllint where installed), has
# every text inside its width (the legend too), and is the picture
# committed in docs/pictures/ (make pictures renews them).
# Prints each failure, then "N passed, N failed".

mmsim=$1 xmlcheck=$2
dir=$(dirname "$0")/..
passed=0 failed=0
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

# The checker itself: it must refuse what is not well-formed.
for bad in '<a><b></a>' '<a x="1" x="2"/>' '<a>&nbsp;</a>' '<a/><b/>' \
	   '<a x=1/>' '<a>' '<a>x < y</a>' 'text<a/>'; do
	printf '%s' "$bad" >"$tmp/bad.xml"
	if "$xmlcheck" "$tmp/bad.xml" 2>/dev/null; then
		failed=$((failed + 1))
		printf 'FAIL pictures: xmlcheck accepts %s\n' "$bad"
	else
		passed=$((passed + 1))
	fi
done

# fits SVG: no text starts beyond the picture's width less 40 pixels
# (the legend's last key, "marker", included).
fits() {
	w=$(sed -n 's/^<svg [^>]* width="\([0-9]*\)".*/\1/p' "$1")
	[ -n "$w" ] || return 1
	for x in $(grep -o '<text x="[0-9]*"' "$1" | tr -dc '0-9\n'); do
		[ "$x" -le $((w - 40)) ] || return 1
	done
}

for f in "$dir"/examples/*.mms; do
	name=$(basename "$f" .mms)
	svg=$tmp/$name.svg
	if ! out=$("$mmsim" run --svg="$svg" "$f" 2>&1); then
		failed=$((failed + 1))
		printf 'FAIL pictures: %s: run --svg failed\n%s\n' "$name" "$out"
		continue
	fi
	if ! out=$("$xmlcheck" "$svg" 2>&1) ||
	   { command -v xmllint >/dev/null 2>&1 &&
	     ! out=$(xmllint --noout "$svg" 2>&1); }; then
		failed=$((failed + 1))
		printf 'FAIL pictures: %s is not well-formed\n%s\n' "$name" "$out"
	elif ! fits "$svg"; then
		failed=$((failed + 1))
		printf 'FAIL pictures: %s: a <text> starts past the width\n' "$name"
	elif ! cmp -s "$svg" "$dir/docs/pictures/$name.svg"; then
		failed=$((failed + 1))
		printf 'FAIL pictures: docs/pictures/%s.svg is not what the model draws now (make pictures)\n' "$name"
	else
		passed=$((passed + 1))
	fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
