// SPDX-License-Identifier: GPL-2.0
/*
 * placement.c - where scenario mappings go, decided by the interpreter
 * alone so that every backend gets the same addresses.
 *
 * The interpreter remembers every range the scenario has asked for, in
 * any process: each mmap (placed or at=), each mremap that grows in place
 * or moves (to=).  These claims are never given back, even after munmap:
 * they depend only on the scenario's text, not on what a backend did.
 *
 * The k-th mmap without at= (k counted from 0 across all processes,
 * whether it succeeds or fails) goes to ARENA_START + k * 1 GiB if its
 * whole length is unclaimed there; else past the claim in the way, to
 * the first 1 GiB boundary above that claim's end (so a pushed mapping
 * never touches, and never merges with, the range that pushed it), and
 * so on until it fits.
 * While mappings are at most 1 GiB and nothing was placed by hand in the
 * arena, that is ARENA_START + k * 1 GiB, the rule of SCENARIOS.md.
 *
 * `maps` shows the VMAs that overlap a claim: every mapping the scenario
 * made, wherever it is, and nothing of the host process's own.
 */
#include <stdlib.h>
#include <string.h>

#include "interp_int.h"

#define PAGE_SIZE_	4096UL

static unsigned long page_align(unsigned long x)
{
	return (x + PAGE_SIZE_ - 1) & ~(PAGE_SIZE_ - 1);
}

/* The first claim that ends after @start (claims are sorted, disjoint). */
static int first_after(const struct interp *ip, unsigned long start)
{
	int lo = 0, hi = ip->nclaims;

	while (lo < hi) {
		int mid = (lo + hi) / 2;

		if (ip->claims[mid].end <= start)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

void place_claim(struct interp *ip, unsigned long start, unsigned long len)
{
	unsigned long end;
	int i, j;

	if (!len || __builtin_add_overflow(start, len, &end))
		return;
	end = page_align(end);
	if (!end)
		end = -PAGE_SIZE_;
	/* merge with every claim that overlaps or touches [start, end) */
	i = first_after(ip, start ? start - 1 : 0);
	for (j = i; j < ip->nclaims && ip->claims[j].start <= end; j++) {
		if (ip->claims[j].start < start)
			start = ip->claims[j].start;
		if (ip->claims[j].end > end)
			end = ip->claims[j].end;
	}
	if (j == i) {
		if (ip->nclaims == ip->claims_cap) {
			ip->claims_cap = ip->claims_cap ? 2 * ip->claims_cap : 16;
			ip->claims = xrealloc(ip->claims, ip->claims_cap *
					      sizeof(*ip->claims));
		}
		memmove(&ip->claims[i + 1], &ip->claims[i],
			(ip->nclaims - i) * sizeof(*ip->claims));
		ip->nclaims++;
	} else if (j > i + 1) {
		memmove(&ip->claims[i + 1], &ip->claims[j],
			(ip->nclaims - j) * sizeof(*ip->claims));
		ip->nclaims -= j - i - 1;
	}
	ip->claims[i] = (struct claim){ start, end };
}

int place_auto(struct interp *ip, unsigned long len, unsigned long *addr)
{
	unsigned long start = ARENA_START + ip->next_slot++ * ARENA_SLOT;
	unsigned long want = page_align(len ? len : 1);

	for (int i = first_after(ip, start); i < ip->nclaims; i++) {
		if (ip->claims[i].end <= start)
			continue;
		if (ip->claims[i].start >= start + want)
			break;
		/* the next slot boundary past it, never touching it */
		start = (ip->claims[i].end + ARENA_SLOT) & ~(ARENA_SLOT - 1);
	}
	if (start + want > TASK_SIZE_MAX)
		return bad(ip, "no room left in the arena for %#lx bytes", len);
	*addr = start;
	place_claim(ip, start, len);
	return 0;
}

bool place_shown(const struct interp *ip, unsigned long start,
		 unsigned long end)
{
	int i = first_after(ip, start);

	return i < ip->nclaims && ip->claims[i].start < end;
}

void place_free(struct interp *ip)
{
	free(ip->claims);
	ip->claims = NULL;
	ip->nclaims = ip->claims_cap = 0;
}
