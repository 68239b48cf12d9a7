#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# run-drivers.sh MMSIM BUILD - drivers loaded with --driver (tests/drivers):
#   loading errors (a missing file, a missing mmsim_module symbol, another
#   ABI, a name already taken) must exit 2 with a message saying which;
#   and each misbehaving driver NAME.c runs NAME.mms, which must exit with
#   the code on the first line of NAME.err and print, first, FILE:LINE
#   followed by the second line (mm_check naming the driver), never crash;
#   apicheck.so takes the address of every function of driver.h and mm.h,
#   so it loads only if mmsim exports them all.
# Prints each failure, then one line: "drivers: N passed, N failed".

mmsim=$1
so=$2/tests/drivers
dir=$(dirname "$0")/drivers
passed=0 failed=0

# expect_load NAME SO WANT: exit 2, first line starting with WANT
expect_load() {
	out=$("$mmsim" run --driver="$2" "$dir/kstale.mms" 2>&1)
	rc=$?
	first=$(printf '%s\n' "$out" | head -n 1)
	case $first in
	"$3"*) [ "$rc" -eq 2 ] && { passed=$((passed + 1)); return; } ;;
	esac
	failed=$((failed + 1))
	printf 'FAIL load %s (exit %d, want 2)\n  want: %s\n  got:  %s\n' \
		"$1" "$rc" "$3" "$first"
}

expect_load missing-file "$so/no-such-driver.so" \
	"mmsim run: cannot load driver $so/no-such-driver.so:"
expect_load missing-symbol "$so/nosym.so" \
	"mmsim run: $so/nosym.so: no mmsim_module symbol"
abi=$(sed -n 's/^#define MMSIM_DRIVER_ABI[[:space:]]*\([0-9]*\)$/\1/p' "$(dirname "$0")/../include/mmsim/driver.h")
expect_load abi-mismatch "$so/badabi.so" \
	"mmsim run: $so/badabi.so: built for driver ABI $((abi + 1000)), this mmsim has ABI $abi"
expect_load duplicate-name "$so/dupname.so" \
	"mmsim run: $so/dupname.so: driver perf: the name (or one of its command names) is already registered"
# the same module twice: its second load clashes with the first
out=$("$mmsim" run --driver="$so/kleak.so" --driver="$so/kleak.so" "$dir/kleak.mms" 2>&1)
case $? in
2) passed=$((passed + 1)) ;;
*) failed=$((failed + 1)); printf 'FAIL load twice\n%s\n' "$out" ;;
esac

for f in "$dir"/*.mms; do
	name=$(basename "$f" .mms)
	[ -e "$dir/$name.err" ] || continue
	want_rc=$(head -n 1 "$dir/$name.err")
	want="$f:$(sed -n 2p "$dir/$name.err")"
	out=$("$mmsim" run --driver="$so/$name.so" "$f" 2>&1)
	rc=$?
	first=$(printf '%s\n' "$out" | head -n 1)
	# no message line: the exit code alone is the verdict
	[ -z "$(sed -n 2p "$dir/$name.err")" ] && want="$first"
	case $first in
	"$want"*)
		if [ "$rc" -eq "$want_rc" ]; then
			passed=$((passed + 1))
			continue
		fi ;;
	esac
	failed=$((failed + 1))
	printf 'FAIL %s (exit %d, want %s)\n  want: %s\n  got:  %s\n' \
		"$f" "$rc" "$want_rc" "$want" "$first"
done

echo "drivers: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
