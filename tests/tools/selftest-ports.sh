#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# selftest-ports.sh MMSIM [SUITE=GLOB[,GLOB...]]... - the counts behind
# docs/selftests.md: for each kernel selftest suite, the scenarios of
# tests/scenarios that port it, run on the model and compared with the host.
#
# Without SUITE arguments it measures the suites the ledger lists, with the
# scenario globs given there.  Every matching scenario runs with `MMSIM run`
# (the model) and, unless NODIFF=1, with `MMSIM diff` (host and model; run
# as root, as `make diff` is).  One line per scenario:
#
#   SUITE  SCENARIO  MODEL  DIFF
#
# MODEL and DIFF are pass, skip (exit 77: `require model`, or the host
# cannot run it) or FAIL(exit status); then one line per suite:
#
#   SUITE: N scenarios, model P pass / F fail / S skip, diff A agree / D differ / K skip
#
# Exit status 0: this is a measurement, not a test (`make test` and
# `make diff` are the tests); 2 for bad arguments, or when the native
# backend cannot start at all (an AddressSanitizer build, say), which would
# otherwise count every scenario as skipped on the host.

mmsim=$1
if [ -z "$mmsim" ] || [ ! -x "$mmsim" ]; then
	echo "usage: $0 MMSIM [SUITE=GLOB[,GLOB...]]..." >&2
	exit 2
fi
shift
dir=$(dirname "$0")/../scenarios
to=""
command -v timeout >/dev/null 2>&1 && to="timeout 120"

if [ $# -eq 0 ]; then
	set -- \
		guard-regions.c='guard-regions-anon-*,guard-regions-shmem-*,guard-regions-file-*' \
		mseal_test.c='mseal-test-*' \
		mremap_dontunmap.c='mremap-dontunmap-simple*,mremap-dontunmap-partial-*' \
		map_fixed_noreplace.c='map-fixed-noreplace-*' \
		mremap_test.c='mremap-test-*' \
		merge.c='merge-*' \
		mdwe_test.c='mdwe-test-*' \
		mlock2-tests.c='mlock2-tests-*' \
		mlock-random-test.c='mlock-random-test-*' \
		memfd_test.c='memfd-test-*' \
		cow.c='cowc-anon-*,cowc-memfd-*,cowc-tmpfile-*,cowc-zeropage-*,cowc-thp-*,cowc-mthp-*,cowc-hugezero-*' \
		gup_longterm.c='gup-longterm-*' \
		pfnmap.c='pfnmap-selftest-*' \
		pagemap_ioctl.c='pagemap-ioctl-*' \
		madv_populate.c='madv-populate-*' \
		map_populate.c='map-populate-*' \
		soft-dirty.c='soft-dirty-test-*,soft-dirty-compiled-out' \
		on-fault-limit.c='on-fault-limit-*' \
		droppable.c='droppable-*' \
		process_madv.c='process-madv-*' \
		mkdirty.c='mkdirty-*' \
		proc-pid-vm.c='proc-pid-vm-*' \
		proc-self-map-files.c='proc-self-map-files-*' \
		mrelease_test.c='mrelease-test-*' \
		memfd_secret.c='memfd-secret-*' \
		va_high_addr_switch.c='va-high-addr-switch-*' \
		virtual_address_range.c='virtual-address-range-*' \
		mincore_selftest.c='mincore-selftest-*' \
		uffd-unit-tests.c='uffd-unit-tests-*' \
		uffd-wp-mremap.c='uffd-wp-mremap-*' \
		prctl_thp_disable.c='prctl-thp-disable-completely-*,prctl-thp-disable-except-madvise-*' \
		split_huge_page_test.c='split-huge-page-test-*' \
		khugepaged.c='khugepaged-*'
fi

verdict() {
	case $1 in
	0)  echo pass ;;
	77) echo skip ;;
	*)  echo "FAIL($1)" ;;
	esac
}

# measure SUITE GLOBS: one line per scenario, then the suite's summary.
measure() {
	suite=$1
	n=0 mp=0 mf=0 ms=0 da=0 dd=0 ds=0
	for glob in $(echo "$2" | tr ',' ' '); do
		for f in "$dir"/$glob.mms; do
			[ -e "$f" ] || continue
			n=$((n + 1))
			$to "$mmsim" run "$f" >/dev/null 2>&1
			m=$(verdict $?)
			d=-
			if [ "${NODIFF:-0}" != 1 ]; then
				out=$($to "$mmsim" diff "$f" 2>&1)
				d=$(verdict $?)
				case $out in
				*"cannot start the native backend"*)
					# not a skip of this scenario: no host at all
					echo "$0: $out" >&2
					exit 2 ;;
				esac
			fi
			case $m in
			pass) mp=$((mp + 1)) ;;
			skip) ms=$((ms + 1)) ;;
			*)    mf=$((mf + 1)) ;;
			esac
			case $d in
			pass) da=$((da + 1)) ;;
			skip) ds=$((ds + 1)) ;;
			-)    ;;
			*)    dd=$((dd + 1)) ;;
			esac
			printf '%-22s %-60s %-8s %s\n' "$suite" \
				"$(basename "$f" .mms)" "$m" "$d"
		done
	done
	printf '%s: %d scenarios, model %d pass / %d fail / %d skip, diff %d agree / %d differ / %d skip\n' \
		"$suite" "$n" "$mp" "$mf" "$ms" "$da" "$dd" "$ds"
}

for arg in "$@"; do
	case $arg in
	?*=?*) ;;
	*)     echo "$0: $arg: not SUITE=GLOB[,GLOB...]" >&2; exit 2 ;;
	esac
done
for arg in "$@"; do
	measure "${arg%%=*}" "${arg#*=}"
done
exit 0
