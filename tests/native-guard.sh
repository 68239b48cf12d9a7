#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# native-guard.sh MMSIM - the native backend protects the host (run by
# make test-native): each tests/native/*.mms runs with --native and must
# end as its name says: `limit-*` and `guard-refuses-*` skipped (77) with
# the limit or the agent's-own-memory message; `timeout-*` (a command
# the host answers too late) failed (1) with --timeout=1, under
# `run --native` and `diff` alike, with `FILE:LINE: the host did not
# answer within 1 s: COMMAND`, and no agent process left; other files
# passing.  Then a command that blocks: expected (`=> blocks`) it passes
# within the grace, --timeout=0 too, leaving no agent; not expected, it
# is a timeout, which --keep-going does not go past, and under
# --timeout=0 it waits for ever (mmsim is killed after 2 s), the agents
# going with mmsim.  Prints each failure, then one line: "N passed, N
# failed".

dir=$(dirname "$0")/native
passed=0 failed=0
# The agents are mmsim's forks: a link of a name of this run's own gives
# them a command name no other mmsim has (at most 15 bytes).
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
comm=mmsim-ng$$
comm=$(printf '%.15s' "$comm")
ln -s "$(cd "$(dirname "$1")" && pwd)/$(basename "$1")" "$tmp/$comm" || exit 2
mmsim=$tmp/$comm

pass() { passed=$((passed + 1)); }
fail() {
	failed=$((failed + 1))
	printf 'FAIL %s\n%s\n' "$1" "$2"
}

# survivors [STATES]: the agents still there a second after mmsim
# returned (in those pgrep --runstates, default any).
survivors() {
	for i in 1 2 3 4 5 6 7 8 9 10; do
		pgrep -x ${1:+-r "$1"} "$comm" >/dev/null || return 1
		sleep 0.1
	done
	pgrep -a -x ${1:+-r "$1"} "$comm"
}

# timed_out FILE SUBCOMMAND...: exit 1, the message naming FILE's line,
# and no agent left.
timed_out() {
	f=$1
	shift
	out=$(timeout 30 "$mmsim" "$@" --timeout=1 "$f" 2>&1)	# 124: it hung
	rc=$?
	left=$(survivors)
	if [ "$rc" -eq 1 ] && [ -z "$left" ] &&
	   printf '%s' "$out" | grep -Eq "^$f:[0-9]+: the host did not answer within 1 s: [a-z@]"; then
		pass
	else
		fail "$f ($*: exit $rc, want 1 with the timeout message and no agent left)" "$out${left:+
$left}"
	fi
}

for f in "$dir"/*.mms; do
	name=$(basename "$f" .mms)
	case $name in
	limit-*)          opt=--mem-limit=1g want=77 msg="memory limit" ;;
	guard-refuses-*)  opt=--mem-limit=131072g want=77 msg="own memory" ;;
	timeout-*)
		timed_out "$f" run --native
		timed_out "$f" diff
		continue ;;
	*)                opt= want=0 msg= ;;
	esac
	out=$("$mmsim" run --native $opt "$f" 2>&1)
	rc=$?
	if [ "$rc" -eq "$want" ] && { [ -z "$msg" ] || printf '%s' "$out" | grep -q "$msg"; }; then
		pass
	else
		fail "$f (exit $rc, want $want with \"$msg\")" "$out"
	fi
done

# A command expected to block answers `blocks` after the grace (1 s),
# whatever --timeout, and the agents are gone: the scenario passes.
blocks=$(dirname "$0")/scenarios/uffd-remote-read-of-an-idle-processs-missing-page-blocks.mms
for t in 10 0; do
	for sub in "run --native" diff; do
		start=$(date +%s)
		out=$(timeout 30 "$mmsim" $sub --timeout=$t "$blocks" 2>&1)
		rc=$? secs=$(($(date +%s) - start))
		left=$(survivors)
		if [ "$rc" -eq 0 ] && [ "$secs" -le 3 ] && [ -z "$left" ]; then
			pass
		else
			fail "$blocks ($sub --timeout=$t: exit $rc in $secs s; want 0 within 3 s, no agent left)" \
			     "$out${left:+
$left}"
		fi
	done
done

# Not expected to block, the same command is a timeout; diff says the
# model's answer.
sed 's/ => blocks$//' "$blocks" >"$tmp/timeout-unexpected-block.mms"
f=$tmp/timeout-unexpected-block.mms
timed_out "$f" run --native
out=$(timeout 30 "$mmsim" diff --timeout=1 "$f" 2>&1)
if printf '%s' "$out" | grep -q "^  model: blocks"; then
	pass
else
	fail "$f (diff: want the model's answer, blocks)" "$out"
fi

# --keep-going does not go past a timeout: the host's side is gone, so
# the line after it is never run (one message, not one per line).
{ cat "$f"; echo "read a"; } >"$tmp/then-more.mms"
out=$(timeout 30 "$mmsim" run --native --keep-going --timeout=1 "$tmp/then-more.mms" 2>&1)
rc=$?
n=$(printf '%s\n' "$out" | grep -c "did not answer")
if [ "$rc" -eq 1 ] && [ "$n" -eq 1 ]; then
	pass
else
	fail "--keep-going past a timeout (exit $rc, $n messages; want 1 and 1)" "$out"
fi

# --timeout=0: no deadline, so only timeout(1) ends it; the agents go
# with mmsim (agent 0 by PR_SET_PDEATHSIG, the blocked one woken when the
# userfaultfd it waits on goes with its owner).  mmsim killed cannot
# reap: an agent whose parent went first is init's zombie to reap, so
# only live ones count here.
timeout 2 "$mmsim" run --native --timeout=0 "$f" >/dev/null 2>&1
rc=$?
left=$(survivors R,S,D,T,t)
if [ "$rc" -eq 124 ] && [ -z "$left" ]; then
	pass
else
	fail "--timeout=0 $f (exit $rc, want 124 from timeout(1) and no agent left)" "$left"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
