#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# docs.sh MMSIM - the documentation agrees with the program, so that
# neither can drift from the other:
#   - every scenario command (tools/mmsim/interp/commands.h) and every
#     model-only command (the library's list, as `mmsim help` prints it)
#     has `mmsim help COMMAND`, a `COMMAND` entry in docs/scenarios.md
#     and a bold entry in docs/man/mmsim-scenario.5;
#   - every subcommand has `mmsim help SUBCOMMAND` and a place in
#     docs/man/mmsim.1, and each option its help names is in mmsim.1 and
#     in docs/scenarios.md ("The command line");
#   - every report `mmsim help report` lists has its own help and is
#     named in the README and in mmsim.1;
#   - every `design` KEY=VALUE is in the switch table of docs/scenarios.md,
#     and every profile key (lib/model/profile.c) in `mmsim help profile`
#     and docs/scenarios.md;
#   - every madvise advice `mmsim help madvise` names is accepted and
#     documented in docs/scenarios.md and mmsim-scenario.5;
#   - every make target the README's table shows is a rule of the Makefile;
#   - the README's first command runs as written, and every example
#     (examples/*.mms) passes on the model;
#   - every relative link in README.md and docs/*.md names a file that is
#     there.
# Run from anywhere; prints each failure, then "N passed, N failed".

mmsim=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 2
passed=0 failed=0
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
scen=docs/scenarios.md
man1=docs/man/mmsim.1
man5=docs/man/mmsim-scenario.5

ok() { passed=$((passed + 1)); }
fail() {
	failed=$((failed + 1))
	printf 'FAIL docs: %s\n' "$1"
}
# expect NAME CMD...: CMD succeeds.
expect() {
	name=$1
	shift
	if "$@" >/dev/null 2>&1; then ok; else fail "$name"; fi
}
# in_md WORD FILE: WORD opens a code span of FILE (`WORD` or `WORD ...`).
in_md() { grep -Eq "\`(@[A-Z]+ )?$1([ \`]|$)" "$2"; }
# in_roff WORD FILE: WORD is set in bold in FILE (.B/.BI/.BR or \fB).
in_roff() {
	grep -Eq "^\.B[IR]? \"?$1([ \",]|$)|\\\\fB$1([^a-z_0-9]|$)" "$2"
}
# escaped for roff: a - is \- there.
roff() { printf '%s\n' "$1" | sed 's/-/\\-/g'; }

"$mmsim" help >"$tmp/help" 2>&1 || fail "mmsim help exits 0"

# Commands: the interpreter's table, then the library's model-only list.
cmds=$(sed -n 's/^[[:space:]]*X(\([a-z_0-9]*\), cmd_.*/\1/p' \
	tools/mmsim/interp/commands.h)
model=$(sed -n '/^Model-only commands/,$s/^  \([a-z_0-9]*\).*/\1/p' "$tmp/help")
[ "$(echo $cmds | wc -w)" -ge 60 ] && [ "$(echo $model | wc -w)" -ge 15 ] &&
	ok || fail "the command tables were read ($(echo $cmds | wc -w) + $(echo $model | wc -w) commands)"
for c in $cmds $model; do
	out=$("$mmsim" help "$c" 2>&1)
	case $out in
	"usage: $c"*) ok ;;
	*) fail "mmsim help $c prints its usage (got: $(printf '%s' "$out" | head -n 1))" ;;
	esac
	in_md "$c" $scen && ok || fail "$c is not documented in $scen"
	in_roff "$c" $man5 && ok || fail "$c is not in $man5"
done
for c in $cmds; do
	grep -q "^  $c\( \|$\)" "$tmp/help" && ok ||
		fail "$c is not in the command list of mmsim help"
done

# Subcommands and their options.
for s in run diff compare stress report help; do
	"$mmsim" help $s >"$tmp/sub" 2>&1 && ok || fail "mmsim help $s exits 0"
	grep -Eq "^\.B[R]? $s( |$)" $man1 && ok || fail "subcommand $s is not in $man1"
	for o in $(grep -o -- '--[a-z][a-z-]*' "$tmp/sub" | sort -u); do
		grep -qF -- "$(roff "$o")" $man1 && ok ||
			fail "mmsim $s $o is not in $man1"
		grep -qF -- "$o" $scen && ok || fail "mmsim $s $o is not in $scen"
	done
done

# Reports.
reports=$("$mmsim" help report 2>&1 | sed -n '/^reports:/,$s/^  \([a-z]*\) .*/\1/p')
[ -n "$reports" ] && ok || fail "mmsim help report lists the reports"
for r in $reports; do
	expect "mmsim help $r" "$mmsim" help "$r"
	grep -q "report .*$r" README.md && ok || fail "report $r is not in README.md"
	grep -q "$r" $man1 && ok || fail "report $r is not in $man1"
done

# Design switches: each KEY has a row naming each of its VALUEs.
printf 'require model\ndesign_list\n' >"$tmp/dl.mms"
words=$("$mmsim" run -v "$tmp/dl.mms" 2>&1 | sed -n 's/.*design_list => //p')
[ -n "$words" ] && ok || fail "design_list prints the switches"
for w in $words; do
	k=${w%%=*} v=${w#*=}
	case $w in kernel=*|mixed) continue ;; esac
	grep "^| \`$k\`" $scen | grep -qF "\`$v\`" && ok ||
		fail "design $k=$v is not in the switch table of $scen"
done

# madvise advice: what help names is accepted and documented.
advice=$(sed -n '/^  madvise /{n;p;}' "$tmp/help")
[ "$(echo $advice | wc -w)" -ge 15 ] && ok || fail "mmsim help madvise lists the advice"
for a in $advice; do
	printf 'mmap a 1p rw- private\nmadvise a 1p %s => ok\n' "$a" >"$tmp/adv.mms"
	"$mmsim" run "$tmp/adv.mms" >/dev/null 2>&1
	[ $? -ne 2 ] && ok || fail "madvise $a (in its help) is malformed"
	in_md "$a" $scen && ok || fail "madvise $a is not in $scen"
	in_roff "$a" $man5 && ok || fail "madvise $a is not in $man5"
done

# The profile's keys (lib/model/profile.c's parser): in its help and here.
"$mmsim" help profile >"$tmp/profile" 2>&1
keys=$(sed -n 's/.*strcmp(key, "\([a-z_0-9]*\)").*/\1/p' lib/model/profile.c | sort -u)
[ "$(echo $keys | wc -w)" -ge 5 ] && ok || fail "the profile's keys were read"
for k in $keys; do
	grep -q "$k" "$tmp/profile" && ok || fail "profile key $k is not in mmsim help profile"
	grep -q "\`$k[\`=]" $scen && ok || fail "profile key $k is not in $scen"
done

# The README's make targets.
targets=$(sed -n '/^## Make targets/,/^## /s/^| `make \([a-z][a-z-]*\).*/\1/p' README.md)
[ "$(echo $targets | wc -w)" -ge 5 ] && ok || fail "the README's make targets were read"
for t in $targets; do
	grep -q "^$t:" Makefile && ok || fail "make $t (README.md) is not a Makefile rule"
done

# The README's first command, as written but for the binary under test.
first=$(sed -n '/^```sh/{n;p;q;}' README.md | sed 's/^make && //; s/ *#.*//')
case $first in
"./mmsim run "*)
	set -- ${first#./mmsim }
	out=$("$mmsim" "$@" 2>&1)
	if [ $? -eq 0 ] && [ "$(printf '%s\n' "$out" | tail -n 1)" = "ok $3" ]; then
		ok
	else
		fail "the README's first command ($first) ends with ok $3"
	fi ;;
*)	fail "the README's first command is make && ./mmsim run ... (got: $first)" ;;
esac
for f in examples/*.mms; do
	expect "example $f passes on the model" "$mmsim" run "$f"
done

# Relative links in the Markdown documents.
for d in README.md docs/*.md; do
	for l in $(grep -o '](\([^)#:]*\))' "$d" | sed 's/^](//; s/)$//'); do
		[ -e "$(dirname "$d")/$l" ] && ok || fail "$d links to $l, which is not there"
	done
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
