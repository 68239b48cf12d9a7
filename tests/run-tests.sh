#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# run-tests.sh UNIT-BIN MMSIM XMLCHECK BUILD MAKE - the test suite on the model, by
# group, each ending in its own "GROUP: N passed, N failed[, N skipped]":
#   unit             UNIT-BIN (its last line is "unit: N passed, N failed")
#   scenarios        every tests/scenarios/*.mms with `MMSIM run` (exit 0
#                    passes, 77 is skipped), and every fuzzer finding in
#                    tests/regress/ (any orderly exit passes; a crash fails)
#   malformed input  every tests/bad/*.mms must exit 2 with the message of
#                    the matching .err file ("LINE: message", prefixed here
#                    with the file's path)
#   fault injection  BUILD/faultsim over every scenario: a sample of allocation
#                    failure points each, checked for invariants and leaks
#                    (make faultsim runs every point)
#   command line     tests/cli.sh
#   documentation    tests/docs.sh (every command, subcommand, option,
#                    report, design switch and README make target is
#                    documented; the README's first command and the
#                    examples run; relative links resolve)
#   pictures         tests/pictures.sh (SVG well-formed and up to date)
#   man pages        tests/check-man.sh (skipped without groff)
#   repl             tests/repl/run.sh (in tmux; skipped without it)
#   drivers          tests/run-drivers.sh (loaded drivers, misbehaving ones)
#   example drivers  tests/run-examples.sh (the example drivers built out of
#                    tree against a temporary `make install`)
# Prints each failure, then one line: "N passed, N failed[, N skipped]".
# Exits non-zero on any failure.

unit=$1
mmsim=$2
xmlcheck=$3
build=$4
make=$5
faultsim=$build/faultsim
dir=$(dirname "$0")
total_p=0 total_f=0 total_s=0
to=""
command -v timeout >/dev/null 2>&1 && to="timeout 120"

if [ -z "$unit" ] || [ -z "$mmsim" ] || [ -z "$xmlcheck" ] ||
   [ -z "$build" ] || [ -z "$make" ]; then
	echo "usage: $0 UNIT-BIN MMSIM XMLCHECK BUILD MAKE" >&2
	exit 2
fi

# group NAME: print the group's line and add it to the totals.
group() {
	if [ "$skipped" -gt 0 ]; then
		echo "$1: $passed passed, $failed failed, $skipped skipped"
	else
		echo "$1: $passed passed, $failed failed"
	fi
	total_p=$((total_p + passed))
	total_f=$((total_f + failed))
	total_s=$((total_s + skipped))
	passed=0 failed=0 skipped=0
}

# script NAME CMD...: a test script whose last line is the counts.
script() {
	name=$1
	shift
	out=$($to "$@" 2>&1)
	last=$(printf '%s\n' "$out" | tail -n 1)
	last=${last##*: }	# "GROUP: N passed, ..." or "N passed, ..."
	case $last in
	*" passed, "*" failed"*)
		set -- $(printf '%s\n' "$last" | tr -d ',')
		passed=$1 failed=$3 skipped=${5:-0}
		if [ "$failed" -gt 0 ]; then
			printf '%s\n' "$out" | sed '$d'
		else
			printf '%s\n' "$out" | grep '^skipped'
		fi ;;
	*)
		printf 'FAIL %s (no summary line)\n%s\n' "$name" "$out"
		passed=0 failed=1 skipped=0 ;;
	esac
	group "$name"
}

passed=0 failed=0 skipped=0

out=$($to "$unit" 2>&1)
last=$(printf '%s\n' "$out" | tail -n 1)
case $last in
"unit: "*" passed, "*" failed")
	set -- $last
	passed=$2
	failed=$4
	[ "$4" -eq 0 ] || printf '%s\n' "$out" | grep -v '^unit: '
	;;
*)
	printf 'FAIL %s (no summary line)\n%s\n' "$unit" "$out"
	failed=1
	;;
esac
group unit

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
group scenarios

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
		"$f" "$rc" "$want" "$(printf '%s' "$first" | cut -c 1-300)"
done
group "malformed input"

script "fuzz mutator names" "$build/test-scengen"
script "fault injection" "$faultsim" "$dir"/scenarios/*.mms
script "command line" "$dir/cli.sh" "$mmsim"
script documentation "$dir/docs.sh" "$mmsim"
script pictures "$dir/pictures.sh" "$mmsim" "$xmlcheck"
script "man pages" "$dir/check-man.sh" "$dir/../docs/man/mmsim.1" \
	"$dir/../docs/man/mmsim-scenario.5"
script repl "$dir/repl/run.sh" "$mmsim"
script drivers "$dir/run-drivers.sh" "$mmsim" "$build"
script "example drivers" "$dir/run-examples.sh" "$make" "$build"

if [ "$total_s" -gt 0 ]; then
	echo "$total_p passed, $total_f failed, $total_s skipped"
else
	echo "$total_p passed, $total_f failed"
fi
[ "$total_f" -eq 0 ]
