#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# native-profile.sh MMSIM - the host profile's THP settings,
# vm.max_map_count and the queue limits of the disk under /var/tmp
# (read_ahead_kb, max_sectors_kb) are read as the host has them (run by make
# test-native): for each file the probe reads
# (tools/mmsim/backend/native.c), `require KEY=VALUE` with the value this
# script reads from the same file must run on the host (exit 0), and with
# any other value must be skipped (77) naming the host's value.  A file
# misread, skipped or read under the wrong key fails here (a misread only
# skips scenarios elsewhere).  Without THP in sysfs only max_map_count is
# checked.  Prints each failure, then one line: "N passed, N failed".

mmsim=$1
thp=/sys/kernel/mm/transparent_hugepage
passed=0 failed=0
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

# The bracketed word of a choice, or a plain value as it is.
value() {
	v=$(cat "$1") || return 1
	case $v in
	*\[*\]*) v=${v#*\[}; v=${v%%\]*} ;;
	esac
	printf '%s' "$v"
}

# other KEY VALUE: a value KEY takes that is not VALUE.
other() {
	case $1 in
	thp) [ "$2" = never ] && echo always || echo never ;;
	thp_*k) [ "$2" = never ] && echo inherit || echo never ;;
	thp_zero_page|thp_shrink_underused) [ "$2" = 0 ] && echo 1 || echo 0 ;;
	thp_max_ptes_none) [ "$2" = 0 ] && echo 1 || echo 0 ;;
	max_map_count|read_ahead_kb|max_sectors_kb) echo $(($2 + 1)) ;;
	esac
}

# spelled KEY VALUE: VALUE as the profile prints it (1 and 0 as on, off).
spelled() {
	case $1:$2 in
	thp_zero_page:1|thp_shrink_underused:1) echo on ;;
	thp_zero_page:0|thp_shrink_underused:0) echo off ;;
	*) echo "$2" ;;
	esac
}

# check KEY FILE
check() {
	key=$1
	v=$(value "$2") || return 0
	o=$(other "$key" "$v")
	printf 'require %s=%s\nmmap a 1p rw- private\n' "$key" "$v" >"$tmp/same.mms"
	printf 'require %s=%s\nmmap a 1p rw- private\n' "$key" "$o" >"$tmp/other.mms"
	out=$("$mmsim" run --native "$tmp/same.mms" 2>&1)
	rc=$?
	if [ $rc -eq 0 ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		printf 'FAIL native-profile: require %s=%s (sysfs) exit %d\n%s\n' \
			"$key" "$v" $rc "$out"
	fi
	out=$("$mmsim" run --native "$tmp/other.mms" 2>&1)
	rc=$?
	if [ $rc -eq 77 ] && printf '%s' "$out" | grep -qF "the host has $key=$(spelled "$key" "$v")"; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		printf 'FAIL native-profile: require %s=%s (sysfs has %s) exit %d\n%s\n' \
			"$key" "$o" "$v" $rc "$out"
	fi
}

check max_map_count /proc/sys/vm/max_map_count
# The queue of the disk under /var/tmp (native_disk.c): its own, or for a
# partition its disk's; a filesystem without a block device of its own
# reads its bdi's read_ahead_kb (and max_sectors_kb keeps its default).
dev=$(stat -c '%Hd:%Ld' /var/tmp)
for q in /sys/dev/block/$dev/queue /sys/dev/block/$dev/../queue; do
	if [ -r $q/read_ahead_kb ]; then
		check read_ahead_kb $q/read_ahead_kb
		check max_sectors_kb $q/max_sectors_kb
		break
	fi
done
[ -r /sys/dev/block/$dev/queue/read_ahead_kb ] ||
	[ -r /sys/dev/block/$dev/../queue/read_ahead_kb ] ||
	check read_ahead_kb /sys/class/bdi/$dev/read_ahead_kb
if [ -d $thp ]; then
	check thp $thp/enabled
	check thp_zero_page $thp/use_zero_page
	check thp_shrink_underused $thp/shrink_underused
	check thp_max_ptes_none $thp/khugepaged/max_ptes_none
	for order in 2 3 4 5 6 7 8 9; do
		kb=$((4 << order))
		[ -e $thp/hugepages-${kb}kB/enabled ] &&
			check thp_${kb}k $thp/hugepages-${kb}kB/enabled
	done
fi
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
