// SPDX-License-Identifier: GPL-2.0
/*
 * native_proc.c - the agent's side of `proc_mark`: settling its own
 * memory so that the whole-process views (/proc/self/status, statm,
 * smaps_rollup) move afterwards only with what the scenario does.
 *
 * The agent maps far more than a scenario (its code, libraries, heap,
 * stack), so a scenario compares those views as differences from a mark.
 * For the differences to be the scenario's alone, the agent's own pages
 * must not come and go after the mark:
 *
 *  - first it reads the views it will serve (smaps the largest), so that
 *    its heap has grown to what those reads need;
 *  - then it faults in every page of its own mappings outside the arena
 *    (MADV_POPULATE_READ, and MADV_POPULATE_WRITE where private and
 *    writable, so later stores copy nothing): code run for the first
 *    time, heap and stack touched for the first time add no RSS later;
 *  - then it makes the high-water marks current: VmHWM with clear_refs 5
 *    (the kernel's reset), VmPeak - which has no reset - by reserving
 *    VmPeak - VmSize of inaccessible address space (PROT_NONE, outside
 *    the arena, never freed), so that VmSize equals VmPeak.
 *
 * What it cannot settle: PSS moves when another process maps the agent's
 * pages (fork: take the mark after the forks), and a command that makes
 * the agent allocate a large buffer (process_vm_readv of megabytes) may
 * map and unmap one outside the arena.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>

#include "native.h"

#ifndef MADV_POPULATE_READ
#define MADV_POPULATE_READ	22
#define MADV_POPULATE_WRITE	23
#endif

/* Fault in one mapping of /proc/self/maps's line @l, if it is the agent's. */
static void settle_mapping(const char *l)
{
	unsigned long start, end;
	char perms[5];
	int name = 0;

	if (sscanf(l, "%lx-%lx %4s %*s %*s %*s %n", &start, &end, perms,
		   &name) < 3)
		return;
	if (start < ARENA_START + ARENA_SIZE && end > ARENA_START)
		return;		/* the scenario's */
	if (name && (!strncmp(l + name, "[vsyscall]", 10) ||
		     !strncmp(l + name, "[vvar", 5)))
		return;		/* no pages to fault in */
	if (perms[0] != 'r')
		return;
	if (perms[1] == 'w' && perms[3] == 'p')
		madvise((void *)start, end - start, MADV_POPULATE_WRITE);
	else
		madvise((void *)start, end - start, MADV_POPULATE_READ);
}

/* VmPeak - VmSize of /proc/self/status, in bytes. */
static unsigned long peak_gap(void)
{
	char *s = nat_slurp("/proc/self/status", NULL);
	char *peak = s ? strstr(s, "VmPeak:") : NULL;
	char *size = s ? strstr(s, "VmSize:") : NULL;
	unsigned long gap = 0, p, z;

	if (peak && size) {
		p = strtoul(peak + 7, NULL, 10);
		z = strtoul(size + 7, NULL, 10);
		gap = p > z ? (p - z) << 10 : 0;
	}
	free(s);
	return gap;
}

/**
 * nat_proc_settle - fault in the calling process's own memory (outside
 * the arena), after growing its heap to what reading the views needs.
 *
 * mmsim itself calls it too: the agents share its code pages, and a page
 * of it faulted in for the first time would halve an agent's PSS of it.
 *
 * Context: in mmsim or an agent, between commands.
 * Return: 0, or -1 with errno when /proc/self/maps could not be read.
 */
int nat_proc_settle(void)
{
	static const char *const views[] = {
		"/proc/self/smaps", "/proc/self/smaps_rollup",
		"/proc/self/status", "/proc/self/statm", "/proc/self/maps",
	};
	char *maps;

	for (size_t i = 0; i < sizeof(views) / sizeof(views[0]); i++)
		free(nat_slurp(views[i], NULL));
	maps = nat_slurp("/proc/self/maps", NULL);
	if (!maps)
		return -1;
	for (const char *l = maps; *l; ) {
		size_t n = strcspn(l, "\n");

		settle_mapping(l);
		l += n + (l[n] == '\n');
	}
	free(maps);
	return 0;
}

/**
 * nat_proc_mark - settle the agent's memory before a baseline, and make
 * its high-water marks current.
 *
 * Context: in an agent, between commands.
 * Return: 0, or -1 with errno when /proc could not be read or written.
 */
int nat_proc_mark(void)
{
	unsigned long gap;
	int fd;

	if (nat_proc_settle())
		return -1;
	gap = peak_gap();
	if (gap && mmap(NULL, gap, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS |
			MAP_NORESERVE, -1, 0) == MAP_FAILED)
		return -1;
	fd = open("/proc/self/clear_refs", O_WRONLY | O_CLOEXEC);
	if (fd < 0 || write(fd, "5", 1) != 1) {
		if (fd >= 0)
			close(fd);
		return -1;
	}
	close(fd);
	return 0;
}
