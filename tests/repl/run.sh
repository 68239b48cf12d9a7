#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# repl/run.sh MMSIM - the REPL in a real terminal, driven through tmux:
# the banner, results, help and ?, tab completion (commands, bound names,
# @processes, design KEY=VALUE, profile and require KEY=VALUE, madvise's
# advice), help of a subcommand pointing to the shell, the Up arrow
# recalling the last line, the exit hint, quit, the history file kept across sessions, the
# newline Ctrl-D leaves, the session ended by a command that blocks, and a libedit that cannot be loaded (plain
# lines).  Without tmux every case is skipped (one visible
# line); a build without libedit skips the editing cases.
# Prints each failure, then "N passed, N failed[, N skipped]".

mmsim=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
passed=0 failed=0 skipped=0
sock=mmsim-repl-test-$$

if ! command -v tmux >/dev/null 2>&1; then
	echo "skipped: tmux not installed (apt-get install tmux)"
	echo "0 passed, 0 failed, 1 skipped"
	exit 0
fi
tmp=$(mktemp -d) || exit 2
trap 'tmux -L "$sock" kill-server 2>/dev/null; rm -rf "$tmp"' EXIT

t() { tmux -L "$sock" "$@"; }

# start: a fresh session running mmsim with the history file in $tmp
# (and $start_env in its environment); when mmsim ends, the shell around
# it prints "EXITED status".
n=0
start_env=
start() {
	n=$((n + 1))
	t new-session -d -s "repl$n" -x 110 -y 50 \
		"env MMSIM_HISTORY='$tmp/history' TERM=xterm $start_env '$mmsim'; echo EXITED \$?; sleep 60" ||
		return 1
	wait_for "mmsim>"
}

screen() { t capture-pane -p -t "repl$n" -S -200; }

# Polls give up after $patience tenths of a second: long enough for a
# loaded machine, and a passing case never waits for it.
patience=200

# wait_for TEXT: poll the screen until TEXT shows.
wait_for() {
	i=0
	while [ $i -lt $patience ]; do
		screen | grep -qF -- "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

keys() { t send-keys -t "repl$n" "$@"; }

# ready: wait until mmsim prompts for a new line.
ready() {
	i=0
	while [ $i -lt $patience ]; do
		[ "$(screen | grep -v '^$' | tail -n 1)" = "mmsim>" ] && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# line KEYS...: type a new line once the prompt is there.
line() { ready; keys "$@"; }

# case NAME TEXT: pass if TEXT shows on the screen.
case_() {
	if wait_for "$2"; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		printf 'FAIL repl: %s (no "%s" on the screen)\n' "$1" "$2"
		screen | grep -v '^$' | tail -n 15 | sed 's/^/  | /'
	fi
}

# recalled: the read and its result are on the screen twice, the second
# time from the recalled line.
recalled() {
	[ "$(screen | grep -c '^0x05$')" -ge 2 ] &&
	[ "$(screen | grep -c 'mmsim> read buf+1p$')" -ge 2 ]
}

# poll FN: run FN until it succeeds.
poll() {
	i=0
	while [ $i -lt $patience ]; do
		"$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

skip() {
	skipped=$((skipped + 1))
	echo "skipped: repl: $1"
}

if ! start; then
	echo "FAIL repl: mmsim did not prompt in tmux"
	echo "0 passed, 1 failed"
	exit 1
fi
case_ "the banner names the version and the kernel" "Linux 6.18 memory manager (x86-64)"
case_ "the banner says how to leave" "quit or Ctrl-D leaves"
editing=yes
screen | grep -q "built without libedit" && editing=

line "mmap buf 2p rw- private" Enter
case_ "a result is printed" "ok"
line "help read" Enter
case_ "help COMMAND shows its usage" "usage: read ADDR [LEN]"
line "?" Enter
case_ "? lists the commands" "Model-only commands"
line "frob" Enter
case_ "an unknown command points to help" "unknown command frob (try help)"

if [ -n "$editing" ]; then
	line "rea" Tab "b" Tab Enter
	case_ "tab completes commands and bound names" "mmsim> read buf"
	line "fork kid" Enter
	line "@k" Tab "read buf" Enter
	case_ "tab completes @processes" "mmsim> @kid read buf"
	line "design wa" Tab
	keys "e" Tab Enter
	case_ "tab completes design KEY=VALUE" "mmsim> design walk=early-reject"
	line "profile thp_sh" Tab "f" Tab Enter
	case_ "tab completes the profile's THP keys" "mmsim> profile thp_shrink_underused=off"
	line "require thp_20" Tab "ma" Tab Enter
	case_ "tab completes require KEY=VALUE" "mmsim> require thp_2048k=madvise"
	line "madvise buf 1p wipe" Tab Enter
	case_ "tab completes madvise's advice" "mmsim> madvise buf 1p wipeonfork"
	line "help report" Enter
	case_ "help of a subcommand points to the shell" "in the shell, mmsim help report)"
	line "x" C-v Escape "y" Enter
	case_ "a raw control byte is escaped when echoed" 'unknown command x\x1by'
	line "write buf+1p 5" Enter
	line "read buf+1p" Enter
	wait_for "0x05"
	ready
	keys Up
	keys Enter
	# The keys may not have reached libedit yet when the old prompt is
	# still the last line: poll for the recalled line's second result.
	if poll recalled; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAIL repl: the Up arrow recalls the last line"
		screen | grep -v '^$' | tail -n 8 | sed 's/^/  | /'
	fi
else
	for c in "tab completes commands" "tab completes @processes" \
		 "tab completes design KEY=VALUE" "tab completes profile" \
		 "tab completes require" "tab completes madvise" \
		 "help of a subcommand" "control byte escaped" \
		 "the Up arrow recalls"; do
		skip "$c (built without libedit)"
	done
fi

line "@kid exit" Enter
line "exit" Enter
case_ "exit of the last process tells how to leave" "(no process is left"
line "quit" Enter
case_ "quit leaves" "EXITED 0"

if [ -n "$editing" ]; then
	if grep -q 'design' "$tmp/history" 2>/dev/null; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAIL repl: the history file holds the session's lines"
	fi
	start
	ready
	keys Up
	case_ "the history is recalled in the next session" "mmsim> quit"
	keys Enter
	case_ "the recalled quit leaves" "EXITED 0"
	start
	ready
	keys C-d
	case_ "Ctrl-D leaves" "EXITED 0"
	if ! screen | grep -q '^EXITED 0$'; then
		failed=$((failed + 1))
		echo "FAIL repl: Ctrl-D leaves the shell's prompt on a line of its own"
	else
		passed=$((passed + 1))
	fi
else
	skip "history file (built without libedit)"
fi

# A command that blocks ends the session: its process waits for ever.
start
line "mmap buf 1p rw- private" Enter
line "fork kid" Enter
line "uffd_register buf 1p missing" Enter
line "@kid process_vm_readv @main buf 1p" Enter
case_ "a command that blocks says so" "process kid waits for ever in the kernel: the session ends here"
case_ "a command that blocks ends the session" "EXITED 0"

# libedit is opened when the REPL starts: where it cannot be (here a
# library path whose libedit files are empty), the REPL says so and reads
# plain lines.
if [ -n "$editing" ]; then
	mkdir -p "$tmp/nolibedit" && : >"$tmp/nolibedit/libedit.so.2" &&
		: >"$tmp/nolibedit/libedit.so"
	start_env="LD_LIBRARY_PATH='$tmp/nolibedit'"
	start
	start_env=
	case_ "without a loadable libedit the REPL says so" "mmsim: no line editing:"
	line "mmap buf 2p rw- private" Enter
	case_ "without a loadable libedit the REPL still runs commands" "ok"
	keys "quit" Enter
	case_ "without a loadable libedit quit leaves" "EXITED 0"
else
	skip "a libedit that cannot be loaded (built without libedit)"
fi

if [ "$skipped" -gt 0 ]; then
	echo "$passed passed, $failed failed, $skipped skipped"
else
	echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
