#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# cli.sh MMSIM - the command line: options anywhere and bad ones named,
# files that are not scenarios refused (PATH: reason, exit 2) without
# reading them whole, help for every subcommand and report, the per-file
# lines, the summary, KTAP as kselftest prints it, --keep-going, --svg,
# --check, --ram, --mem-limit, --timeout, --kernel, `mmsim compare`, `mmsim report`
# alone, and commands piped to a bare `mmsim`.
# Prints each failure, then "N passed, N failed".

mmsim=$1
passed=0 failed=0
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
to=""
command -v timeout >/dev/null 2>&1 && to="timeout 20"

# check NAME WANT-RC WANT-TEXT CMD...: run CMD (stdout+stderr), compare
# the exit code and look for WANT-TEXT (a fixed string; "" for none).
check() {
	name=$1 want_rc=$2 want=$3
	shift 3
	out=$($to "$@" 2>&1)
	rc=$?
	if [ "$rc" -eq "$want_rc" ] &&
	   { [ -z "$want" ] || printf '%s\n' "$out" | grep -qF -- "$want"; }; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		printf 'FAIL cli: %s (exit %d, want %d)\n  want: %s\n  got:  %s\n' \
			"$name" "$rc" "$want_rc" "$want" "$(printf '%s' "$out" | head -c 600)"
	fi
}

cat >"$tmp/pass.mms" <<'EOF'
mmap a 1p rw- private
write a 7
read a => 7
EOF
cat >"$tmp/skip.mms" <<'EOF'
require native
EOF
cat >"$tmp/oom.mms" <<'EOF'
mmap a 32m rw- private
touch a 32m w
EOF
cat >"$tmp/fail.mms" <<'EOF'
mmap a 1p rw- private
read a => 1
read a => 2
read a => 0
EOF

# Options and files
check "a bad option is named" 2 "mmsim run: --bogus: unknown option" \
	"$mmsim" run --bogus "$tmp/pass.mms"
check "a bad diff option is named" 2 "mmsim diff: --native: unknown option" \
	"$mmsim" diff --native "$tmp/pass.mms"
check "--profile needs =host" 2 "--profile=bogus: expected --profile=host" \
	"$mmsim" run --profile=bogus "$tmp/pass.mms"
check "--check needs a known mode" 2 "--check=bogus: expected --check=full|incremental|off" \
	"$mmsim" run --check=bogus "$tmp/pass.mms"
check "--check=full runs" 0 "ok $tmp/pass.mms" "$mmsim" run --check=full "$tmp/pass.mms"
check "--check=off runs" 0 "ok $tmp/pass.mms" "$mmsim" run --check=off "$tmp/pass.mms"
check "--ram below 16m is refused" 2 "--ram=10m: whole pages from 16m up to" \
	"$mmsim" run --ram=10m "$tmp/pass.mms"
check "--ram needs a size" 2 "--ram=abc: bad integer" "$mmsim" run --ram=abc "$tmp/pass.mms"
check "--ram sets the machine: 32m touched in 16m is killed" 1 "failed: SIGKILL" \
	"$mmsim" run --ram=16m "$tmp/oom.mms"
check "--mem-limit below 64m is refused" 2 "--mem-limit=1m: at least 64m" \
	"$mmsim" run --native --mem-limit=1m "$tmp/pass.mms"
check "--ram must be whole pages" 2 "--ram=16777217: whole pages from 16m up to" \
	"$mmsim" run --ram=16777217 "$tmp/pass.mms"
check "--ram stops below 8192g" 2 "--ram=8192g: whole pages from 16m up to" \
	"$mmsim" run --ram=8192g "$tmp/pass.mms"
check "--ram just below 8192g costs nothing until used" 0 "ok $tmp/pass.mms" \
	"$mmsim" run --ram=8191g "$tmp/pass.mms"
check "--mem-limit needs a size" 2 "--mem-limit=abc: bad integer" \
	"$mmsim" run --native --mem-limit=abc "$tmp/pass.mms"
check "--timeout needs whole seconds" 2 "mmsim run: --timeout=abc: whole seconds expected (0: no timeout)" \
	"$mmsim" run --native --timeout=abc "$tmp/pass.mms"
check "--timeout takes no fraction" 2 "--timeout=1.5: whole seconds expected (0: no timeout)" \
	"$mmsim" run --native --timeout=1.5 "$tmp/pass.mms"
check "--timeout takes no sign" 2 "--timeout=-1: whole seconds expected (0: no timeout)" \
	"$mmsim" run --native --timeout=-1 "$tmp/pass.mms"
check "an empty --timeout is refused" 2 "--timeout=: expected --timeout=SECONDS" \
	"$mmsim" run --native --timeout= "$tmp/pass.mms"
check "--timeout needs =SECONDS" 2 "--timeout: expected --timeout=SECONDS" \
	"$mmsim" run --native --timeout "$tmp/pass.mms"
check "--timeout stops at a day" 2 "--timeout=86401: at most 86400 seconds" \
	"$mmsim" run --native --timeout=86401 "$tmp/pass.mms"
check "--timeout does not wrap around" 2 "--timeout=18446744073709551617: at most 86400 seconds" \
	"$mmsim" run --native --timeout=18446744073709551617 "$tmp/pass.mms"
check "diff names a bad --timeout" 2 "mmsim diff: --timeout=x: whole seconds expected (0: no timeout)" \
	"$mmsim" diff --timeout=x "$tmp/pass.mms"
check "--timeout=0 and a day are taken" 0 "ok $tmp/pass.mms" \
	"$mmsim" run --timeout=0 --timeout=86400 "$tmp/pass.mms"
check "an empty --check is refused" 2 "--check=: expected --check=full|incremental|off" \
	"$mmsim" run --check= "$tmp/pass.mms"
check "diff names a bad --check" 2 "mmsim diff: --check=bogus: expected --check=full|incremental|off" \
	"$mmsim" diff --check=bogus "$tmp/pass.mms"
check "diff names a bad --ram" 2 "mmsim diff: --ram=10m: whole pages from 16m up to" \
	"$mmsim" diff --ram=10m "$tmp/pass.mms"
check "diff names a bad --mem-limit" 2 "mmsim diff: --mem-limit=1m: at least 64m" \
	"$mmsim" diff --mem-limit=1m "$tmp/pass.mms"
check "options may follow the files" 0 "ok $tmp/pass.mms" \
	"$mmsim" run "$tmp/pass.mms" --no-check -v
check "-- ends the options" 2 "-v: No such file or directory" \
	"$mmsim" run -- -v
check "a directory is refused" 2 "$tmp: is a directory, not a scenario" \
	"$mmsim" run "$tmp"
check "a device is refused at once" 2 "/dev/zero: is a device, not a scenario" \
	"$mmsim" run /dev/zero
check "a missing file names the reason" 2 "$tmp/none.mms: No such file or directory" \
	"$mmsim" run "$tmp/none.mms"
check "an endless pipe stops at the line limit" 2 "<stdin>:1: line longer than 4096 bytes" \
	sh -c "head -c 50000000 /dev/zero | '$mmsim' run -"
check "unknown subcommand is named" 2 "mmsim: unknown subcommand frob (scenario commands go in a FILE or on stdin)" \
	"$mmsim" frob
check "diff needs a file" 2 "mmsim diff: no FILE" \
	"$mmsim" diff
check "--svg draws one scenario" 2 "--svg: draws one scenario" \
	"$mmsim" run --svg="$tmp/x.svg" "$tmp/pass.mms" "$tmp/pass.mms"
out=$("$mmsim" run --svg="$tmp/no/x.svg" "$tmp/pass.mms" 2>&1)
if [ $? -eq 2 ] && printf '%s\n' "$out" | grep -qxF "$tmp/no/x.svg: No such file or directory"; then
	passed=$((passed + 1))
else
	failed=$((failed + 1))
	printf 'FAIL cli: --svg into a missing directory is PATH: reason, exit 2\n%s\n' "$out"
fi
check "--svg draws the model only" 2 "--svg: draws the model's state" \
	"$mmsim" run --native --svg="$tmp/x.svg" "$tmp/pass.mms"

# Help: every subcommand, report and command
for w in run diff compare difffuzz report help pins perf walk pat mmap pgtable design; do
	check "help $w" 0 "usage: " "$mmsim" help "$w"
done
check "difffuzz names a bad number" 2 "mmsim difffuzz: --count=x: bad option" \
	"$mmsim" difffuzz --count=x
check "difffuzz names an unknown option" 2 "mmsim difffuzz: --frob: bad option" \
	"$mmsim" difffuzz --frob
check "difffuzz refuses a scenario longer than it keeps" 2 "mmsim difffuzz: --len=257: bad option" \
	"$mmsim" difffuzz --len=257
check "difffuzz refuses empty scenarios" 2 "mmsim difffuzz: --len=0: bad option" \
	"$mmsim" difffuzz --len=0
check "difffuzz --help" 0 "--keep=DIR" "$mmsim" difffuzz --help
check "help report lists the reports" 0 "perf ring buffer" "$mmsim" help report
check "help of nothing known" 2 "mmsim help: frob: no such command" "$mmsim" help frob
check "run --help" 0 "--keep-going" "$mmsim" run --help
check "a report takes no arguments" 2 "mmsim report perf: extra: takes no arguments" \
	"$mmsim" report perf extra
check "--version names the kernel" 0 "models Linux 6.18" "$mmsim" --version

# Reporting
check "a file passing prints ok" 0 "ok $tmp/pass.mms" "$mmsim" run "$tmp/pass.mms"
check "a failing file prints not ok with its exit" 1 "not ok $tmp/fail.mms # exit=1" \
	"$mmsim" run "$tmp/fail.mms"
check "several files end with a summary" 1 "1 passed, 1 failed, 1 skipped" \
	"$mmsim" run "$tmp/pass.mms" "$tmp/skip.mms" "$tmp/fail.mms"
out=$("$mmsim" run --ktap "$tmp/pass.mms" "$tmp/skip.mms" "$tmp/fail.mms" 2>/dev/null)
want="TAP version 13
1..3
ok 1 $tmp/pass.mms
# $tmp/skip.mms:1: skipped: requires native
ok 2 $tmp/skip.mms # SKIP requires native
# $tmp/fail.mms:2: expected 1, got 0x00
not ok 3 $tmp/fail.mms # exit=1
# Totals: pass:1 fail:1 xfail:0 xpass:0 skip:1 error:0"
if [ "$out" = "$want" ]; then
	passed=$((passed + 1))
else
	failed=$((failed + 1))
	printf 'FAIL cli: --ktap prints KTAP as kselftest does\n--- want\n%s\n--- got\n%s\n' "$want" "$out"
fi
check "without --keep-going the first failure stops" 1 "" "$mmsim" run "$tmp/fail.mms"
out=$("$mmsim" run --keep-going "$tmp/fail.mms" 2>&1)
rc=$?
if [ "$rc" -eq 1 ] && printf '%s\n' "$out" | grep -q 'fail.mms:2: expected 1' &&
   printf '%s\n' "$out" | grep -q 'fail.mms:3: expected 2' &&
   ! printf '%s\n' "$out" | grep -q 'fail.mms:4'; then
	passed=$((passed + 1))
else
	failed=$((failed + 1))
	printf 'FAIL cli: --keep-going reports every failure, exit 1 (exit %d)\n%s\n' "$rc" "$out"
fi

# A command that blocks ends the scenario: expected, it passes; not
# expected, it fails (--keep-going too) and the next line never runs.
cat >"$tmp/blocks.mms" <<'EOF'
mmap a 1p rw- private
fork child
uffd_register a 1p missing
@child process_vm_readv @main a 1p => blocks
EOF
sed 's/ => blocks$//' "$tmp/blocks.mms" >"$tmp/blocks-unexpected.mms"
echo "read a => 1" >>"$tmp/blocks-unexpected.mms"
sed 's/ => blocks$/ => 4096/' "$tmp/blocks.mms" >"$tmp/blocks-wrong.mms"
check "=> blocks passes where a command blocks" 0 "ok $tmp/blocks.mms" \
	"$mmsim" run "$tmp/blocks.mms"
check "a command that blocks unexpected fails" 1 \
	"blocks-unexpected.mms:4: @child process_vm_readv @main a 1p failed: blocks" \
	"$mmsim" run "$tmp/blocks-unexpected.mms"
check "another expectation than blocks fails" 1 "blocks-wrong.mms:4: expected 4096, got blocks" \
	"$mmsim" run "$tmp/blocks-wrong.mms"
out=$("$mmsim" run --keep-going "$tmp/blocks-unexpected.mms" 2>&1)
if [ $? -eq 1 ] && ! printf '%s\n' "$out" | grep -q 'blocks-unexpected.mms:5'; then
	passed=$((passed + 1))
else
	failed=$((failed + 1))
	printf 'FAIL cli: --keep-going stops where a command blocks\n%s\n' "$out"
fi
check "piped commands end where one blocks" 1 "<stdin>:4: @child process_vm_readv @main a 1p failed: blocks" \
	sh -c "'$mmsim' <'$tmp/blocks-unexpected.mms'"

# Commands piped to a bare mmsim print their results
check "echo maps | mmsim prints the maps" 0 "100000000000-100000001000 rw-p 00000000" \
	sh -c "printf 'mmap a 1p rw- private\nmaps\n' | '$mmsim'"
check "piped commands print values" 0 "0x00" \
	sh -c "printf 'mmap a 1p rw- private\nread a\n' | '$mmsim' run"

# Kernel presets and design comparisons
cat >"$tmp/pat.mms" <<'EOF2'
require model
open m mem cache=uc
mmap s 4p rw- shared file=m
munmap s 1p
memtype_list
EOF2
cat >"$tmp/cold.mms" <<'EOF2'
open p perf
mmap b 2p r-- shared file=p
madvise b 1p cold
EOF2
cat >"$tmp/legacy.mms" <<'EOF2'
require model
open p perf
mmap r 2p rw- shared file=p
smaps r VmFlags => rd wr sh mr mw ms dc de dd
EOF2
check "--kernel selects the seeds' designs of that version" 0 "ok $tmp/legacy.mms" \
	"$mmsim" run --kernel=6.13 "$tmp/legacy.mms"
check "--kernel=6.18 is the default (perf is a PFN map)" 1 "expected rd wr sh mr mw ms dc de dd" \
	"$mmsim" run --kernel=6.18 "$tmp/legacy.mms"
check "an unknown kernel is named with the valid ones" 2 \
	"mmsim run: --kernel=5.4: unknown kernel (6.13 to 6.19)" "$mmsim" run --kernel=5.4 "$tmp/pass.mms"
check "--kernel is the model's, not the host's" 2 "not with --native" \
	"$mmsim" run --native --kernel=6.14 "$tmp/pass.mms"
check "--version names the kernel and the presets" 0 "models Linux 6.18.y" "$mmsim" --version
check "compare finds the switches a scenario consults" 0 "consults hook pat" \
	"$mmsim" compare "$tmp/pat.mms"
check "compare shows a differing result under each value" 0 "pat=vm_pat           ok [mm_check: untrack_pfn: x86/PAT: freeing invalid memtype" \
	"$mmsim" compare "$tmp/pat.mms"
check "compare --kernel=all puts the kernels side by side" 0 "6.15                 ok [mm_check: untrack_pfn: x86/PAT: freeing invalid memtype" \
	"$mmsim" compare --kernel=all "$tmp/pat.mms"
check "compare widens the title column for a long value" 0 "  perf=pfnmap-aux-mutex EINVAL" \
	"$mmsim" compare "$tmp/cold.mms"
check "compare lines the other titles up with it" 0 "  perf=legacy           ok" \
	"$mmsim" compare "$tmp/cold.mms"
check "compare says when nothing differs" 0 "0 commands differ" \
	"$mmsim" compare "$tmp/pass.mms"
check "compare names a bad option" 2 "mmsim compare: --kernel=4.0: expected --kernel=VERSION" \
	"$mmsim" compare --kernel=4.0 "$tmp/pat.mms"
check "compare needs a file" 2 "mmsim compare: no FILE" "$mmsim" compare
check "compare stops on a malformed scenario" 2 "unknown command bogus" \
	sh -c "printf 'bogus\n' >'$tmp/bad.mms'; '$mmsim' compare '$tmp/bad.mms'"
check "report alone prints the verdict of every design" 0 "*vma-ctx" "$mmsim" report
check "report alone labels proposals" 0 "pte-extra    proposal" "$mmsim" report
cat >"$tmp/empty-block.mms" <<'EOF'
mmap a 1p rw- private
read a =>
EOF
check "an empty block expected of a value says so" 1 "expected (no lines), got 0x00" \
	"$mmsim" run "$tmp/empty-block.mms"
check "an unknown report points to the list" 2 "unknown report bogus (mmsim help report lists them)" \
	"$mmsim" report bogus
check "help report says what report alone does" 0 "Without NAME, run every report" \
	"$mmsim" help report
check "help names every subcommand with options" 0 "(run, diff, compare, difffuzz, stress, report)" \
	"$mmsim" help

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
