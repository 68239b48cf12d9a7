// SPDX-License-Identifier: GPL-2.0
/*
 * native_guard.c - what keeps a scenario from harming the host through
 * the native backend, which runs as root:
 *
 *  - a memory limit: every agent runs under RLIMIT_AS at the limit, and
 *    mmsim refuses, before sending it, a command that would take the
 *    agents' address space plus their memfds' sizes past it (mmap,
 *    mremap growth, fork, memfd, ftruncate, pwrite).  Address space
 *    bounds memory, so no scenario can take more than the limit.  The
 *    default is half of the host's RAM; --mem-limit=SIZE sets it.
 *
 *  - the agent's own memory: a command that would change memory outside
 *    the scenario's arena (a fixed mmap, munmap, mprotect, mremap's
 *    source or target, madvise, mseal, a store) is refused when the
 *    range meets a mapping the scenario did not make - the agent's code,
 *    libraries, heap or stack.  Ranges inside the arena are the
 *    scenario's by construction (glibc never maps there).
 *
 * A refusal is a BRES_REFUSED result whose text says why; the
 * interpreter ends the scenario with it (exit 77: the host cannot run
 * it), rather than report a crash or an answer the host did not give.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "native.h"

unsigned long native_backend_mem_limit;

/* MemTotal / 2, or 4 GiB if /proc/meminfo cannot say. */
unsigned long nat_mem_limit(void)
{
	char *s, *p;
	unsigned long kb = 0;

	if (native_backend_mem_limit)
		return native_backend_mem_limit;
	s = nat_slurp("/proc/meminfo", NULL);
	p = s ? strstr(s, "MemTotal:") : NULL;
	if (p)
		kb = strtoul(p + strlen("MemTotal:"), NULL, 10);
	free(s);
	return kb ? kb * 1024 / 2 : 4UL << 30;
}

int nat_limit_apply(void)
{
	struct rlimit rl = { nat_mem_limit(), nat_mem_limit() };

	return setrlimit(RLIMIT_AS, &rl) ? -errno : 0;
}

/* The address space of process @pid (0: self), in bytes; 0 if unknown. */
unsigned long nat_vm_bytes(pid_t pid)
{
	char path[64], buf[128];
	unsigned long pages = 0;
	ssize_t n;
	int fd;

	if (pid)
		snprintf(path, sizeof(path), "/proc/%d/statm", (int)pid);
	else
		snprintf(path, sizeof(path), "/proc/self/statm");
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n > 0) {
		buf[n] = '\0';
		pages = strtoul(buf, NULL, 10);
	}
	return pages * (unsigned long)sysconf(_SC_PAGESIZE);
}

/*
 * The address space of agent @pid that can hold memory of its own: all
 * of it but shared mappings of memfds, whose pages the files' count
 * holds (native.c).  0 if unknown.
 */
unsigned long nat_agent_vm(pid_t pid)
{
	char path[64], *maps, *l;
	unsigned long total = 0;

	snprintf(path, sizeof(path), "/proc/%d/maps", (int)pid);
	maps = nat_slurp(path, NULL);
	if (!maps)
		return nat_vm_bytes(pid);
	for (l = maps; l && *l; ) {
		unsigned long s, e;
		char perms[8];
		int n = 0;

		if (sscanf(l, "%lx-%lx %7s %*s %*s %*s %n", &s, &e, perms, &n) >= 3 &&
		    !(perms[3] == 's' && n && !strncmp(l + n, "/memfd:", 7)))
			total += e - s;
		l = strchr(l, '\n');
		l = l ? l + 1 : NULL;
	}
	free(maps);
	return total;
}

void nat_refuse_limit(struct bres *r, unsigned long need, unsigned long used)
{
	char *s = NULL;

	bres_clear(r);
	r->kind = BRES_REFUSED;
	if (asprintf(&s, "the native agents' memory limit: %lu MiB more on %lu MiB would pass %lu MiB (--mem-limit=SIZE)",
		     need >> 20, used >> 20, nat_mem_limit() >> 20) < 0)
		s = NULL;
	r->text = s;
}

/* ---- the agent's own memory (runs in the agent) ----------------------- */

struct range {
	unsigned long start, end;
};

/* Mappings the scenario made outside the arena (an agent's fork copies it). */
static struct range *made;
static size_t nr_made;

static bool in_arena(unsigned long start, unsigned long end)
{
	return start >= ARENA_START && end <= ARENA_START + ARENA_SIZE &&
	       start <= end;
}

/* Is [start, end) wholly inside what the scenario made? */
static bool scenario_made(unsigned long start, unsigned long end)
{
	while (start < end) {
		size_t i;

		for (i = 0; i < nr_made; i++)
			if (made[i].start <= start && start < made[i].end)
				break;
		if (i == nr_made)
			return false;
		start = made[i].end;
	}
	return true;
}

/* The first of the agent's own mappings meeting [start, end), or false. */
static bool meets_own_memory(unsigned long start, unsigned long end,
			     struct range *own)
{
	char *maps = nat_slurp("/proc/self/maps", NULL), *l;
	bool found = false;

	if (!maps)
		return true;	/* cannot tell: refuse */
	for (l = maps; *l && !found; ) {
		unsigned long s, e;

		if (sscanf(l, "%lx-%lx", &s, &e) == 2 && s < end && e > start) {
			unsigned long a = s > start ? s : start;
			unsigned long b = e < end ? e : end;

			/* the arena is the scenario's, whoever mapped it */
			if (!in_arena(a, b) && !scenario_made(a, b)) {
				*own = (struct range){ s, e };
				found = true;
			}
		}
		l = strchr(l, '\n');
		if (!l)
			break;
		l++;
	}
	free(maps);
	return found;
}

/* Does [start, end) hold a hole, an address no mapping covers? */
static bool has_hole(unsigned long start, unsigned long end)
{
	char *maps = nat_slurp("/proc/self/maps", NULL), *l;
	unsigned long cur = start;

	if (!maps)
		return false;	/* cannot tell: no */
	for (l = maps; l && *l && cur < end; ) {
		unsigned long s, e;

		if (sscanf(l, "%lx-%lx", &s, &e) == 2 && e > cur && s < end) {
			if (s > cur)
				break;
			cur = e;
		}
		l = strchr(l, '\n');
		l = l ? l + 1 : NULL;
	}
	free(maps);
	return cur < end;
}

/* mseal changes nothing unless all of its range is mapped. */
const char *nat_guard_seal(unsigned long addr, unsigned long len)
{
	unsigned long end = addr + len;

	if (len && end > addr && has_hole(addr, end))
		return NULL;
	return nat_guard_range(addr, len);
}

const char *nat_guard_range(unsigned long addr, unsigned long len)
{
	static char why[256];
	unsigned long end = addr + len;
	struct range own = { 0, 0 };

	if (!len)
		return NULL;
	if (end < addr)
		end = -1UL;
	if (in_arena(addr, end) || !meets_own_memory(addr, end, &own))
		return NULL;
	snprintf(why, sizeof(why),
		 "%#lx-%#lx would change the native agent's own memory (%#lx-%#lx: its code, libraries, heap or stack); scenario addresses belong in the arena",
		 addr, end, own.start, own.end);
	return why;
}

/* Lengths as mmap and munmap take them: whole pages. */
static unsigned long page_len(unsigned long len)
{
	return (len + 4095) & ~4095UL;
}

void nat_guard_mapped(unsigned long addr, unsigned long len)
{
	struct range *p;

	len = page_len(len);

	if (!len || in_arena(addr, addr + len))
		return;
	p = realloc(made, (nr_made + 1) * sizeof(*made));
	if (!p)
		return;		/* later stores there are refused: safe */
	made = p;
	made[nr_made++] = (struct range){ addr, addr + len };
}

void nat_guard_unmapped(unsigned long addr, unsigned long len)
{
	unsigned long end = addr + page_len(len);
	size_t i = 0;

	while (i < nr_made) {
		struct range *m = &made[i];

		if (m->end <= addr || m->start >= end) {
			i++;
		} else if (m->start >= addr && m->end <= end) {
			*m = made[--nr_made];
		} else if (m->start < addr && m->end > end) {
			struct range tail = { end, m->end };

			m->end = addr;
			nat_guard_mapped(tail.start, tail.end - tail.start);
			i++;
		} else {
			if (m->start < addr)
				m->end = addr;
			else
				m->start = end;
			i++;
		}
	}
}
