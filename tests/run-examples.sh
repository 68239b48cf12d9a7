#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# run-examples.sh MAKE BUILD - the example drivers, exactly as a driver
# author builds them: `make install` into a temporary prefix, then each
# examples/drivers/NAME.c compiled out of tree with
#   cc -shared -fPIC $(pkg-config --cflags mmsim) NAME.c -o NAME.so
# (PKG_CONFIG_PATH pointing into the install) and NAME.mms run with the
# installed `mmsim run --driver=./NAME.so` (and skipped, 77, with
# --native: a loaded driver exists on the model only).  The installed pieces must
# all be there.  Prints each failure, then "examples: N passed, N failed".

make=$1
build=$2
dir=$(cd "$(dirname "$0")/.." && pwd)
passed=0 failed=0
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

fail() {
	failed=$((failed + 1))
	printf 'FAIL %s\n%s\n' "$1" "$2"
}

out=$($make -s -C "$dir" install PREFIX="$tmp/prefix" 2>&1) || {
	fail "make install" "$out"
	echo "examples: $passed passed, $failed failed"
	exit 1
}
for f in bin/mmsim include/mmsim/driver.h include/mmsim/mmsim.h \
	 lib/libmmsim.a lib/pkgconfig/mmsim.pc \
	 $(cd "$dir/docs/man" 2>/dev/null && for m in *.1 *.5; do
		[ -e "$m" ] && echo "share/man/man${m##*.}/$m"; done); do
	if [ -e "$tmp/prefix/$f" ]; then
		passed=$((passed + 1))
	else
		fail "install: $f" "missing"
	fi
done

export PKG_CONFIG_PATH="$tmp/prefix/lib/pkgconfig"
cflags=$(pkg-config --cflags mmsim) || fail "pkg-config mmsim" "no cflags"
for c in "$dir"/examples/drivers/*.c; do
	name=$(basename "$c" .c)
	out=$(cd "$tmp" && cc -shared -fPIC $cflags "$c" -o "$name.so" 2>&1) || {
		fail "$c (build)" "$out"
		continue
	}
	out=$(cd "$dir/examples/drivers" &&
	      "$tmp/prefix/bin/mmsim" run --driver="$tmp/$name.so" "$name.mms" 2>&1)
	rc=$?
	if [ "$rc" -eq 0 ]; then
		passed=$((passed + 1))
	else
		fail "$name.mms (exit $rc)" "$out"
	fi
	# the host has no such driver: the scenario is skipped there
	out=$(cd "$dir/examples/drivers" &&
	      "$tmp/prefix/bin/mmsim" run --native --driver="$tmp/$name.so" "$name.mms" 2>&1)
	rc=$?
	if [ "$rc" -eq 77 ]; then
		passed=$((passed + 1))
	else
		fail "$name.mms --native (exit $rc, want 77)" "$out"
	fi
done

echo "examples: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
