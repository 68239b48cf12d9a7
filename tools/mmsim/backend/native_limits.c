// SPDX-License-Identifier: GPL-2.0
/*
 * native_limits.c - the agent's side of resource limits and credentials.
 *
 * A scenario's limits are on what the scenario maps.  An agent maps its
 * own binary, libraries, heap and stack besides, and the kernel counts
 * them too (total_vm, data_vm, locked_vm).  So the agent asks the kernel
 * for the scenario's limit plus what it has itself outside the scenario's
 * address range, measured from /proc/self/status and smaps at the moment
 * the limit is set - and keeps that part from changing: at start it
 * grows its heap and stack once and tells malloc never to give memory
 * back or to map it apart.  A soft limit of 0 stays 0: RLIMIT_DATA at 0
 * lets data mappings through up to the hard limit, RLIMIT_MEMLOCK at 0
 * forbids mlock, and both must keep that meaning.
 *
 * RLIMIT_MEMLOCK needs more: mlockall(MCL_CURRENT) locks the agent's own
 * memory too, and checks total_vm, not locked_vm, against the limit; the
 * agent lifts the limit by its own size for that check and resets it
 * (scenario limit + what it has locked itself) after mlockall and
 * munlockall.
 *
 * The agent also starts with the kernel's initial limits (RLIMIT_MEMLOCK
 * 8 MiB, RLIMIT_AS and RLIMIT_DATA unlimited), so that scenarios see the
 * model's defaults, and runs on one CPU: the kernel batches LRU work per
 * CPU (madvise's lru_add_drain() drains only its own), which would make
 * MADV_COLD/MADV_PAGEOUT results depend on where a page was faulted.
 * All of it is the agent's own process state; nothing global changes.
 *
 * RLIMIT_AS is also the guard's memory limit (native_guard.c): the
 * kernel's limit is never above it.  The scenario's own RLIMIT_AS is kept
 * here (its hard limit as_max, unlimited until set), and what the kernel gets is
 * it plus the agent's own size, capped at the guard's limit; raising the
 * hard limit needs CAP_SYS_RESOURCE, checked here when the cap hides it.
 */
#include <errno.h>
#include <malloc.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <linux/capability.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/syscall.h>

#include "native.h"

/*
 * The scenario's addresses (the arena and what at= places near it); the
 * agent's own code and heap lie above (a PIE is loaded from two thirds of
 * the address space, 0x555555554000, up), its libraries and stack higher.
 */
#define SCENARIO_LO	0x100000000000UL
#define SCENARIO_HI	0x550000000000UL
#define HEAP_RESERVE	(16UL << 20)
#define MMAP_THRESHOLD	(32 << 20)	/* glibc's largest */
#define STACK_RESERVE	(256UL << 10)
#define MLOCK_LIMIT	(8UL << 20)

/* The scenario's hard RLIMIT_AS (the kernel's is capped by the guard). */
static unsigned long as_max = RLIM_INFINITY;

/* The scenario's RLIMIT_MEMLOCK, when it set one (the agent's is more). */
static bool memlock_set;
static unsigned long memlock_cur, memlock_max;

/* Usage in pages, from /proc/self/status (@field) and the scenario's
 * part of it, from smaps (VMAs in the scenario's range). */
struct usage {
	unsigned long size, data, locked;		/* VmSize VmData VmLck */
	unsigned long scen_size, scen_data, scen_locked;
};

static unsigned long status_kb(const char *status, const char *field)
{
	const char *p = strstr(status, field);

	return p ? strtoul(p + strlen(field), NULL, 10) : 0;
}

/* One smaps entry: its range, perms and whether VmFlags has "lo". */
static void smaps_scan(const char *smaps, struct usage *u)
{
	for (const char *l = smaps; l && *l; ) {
		unsigned long start, end;
		char perms[8];
		const char *next = strchr(l, '\n');

		if (sscanf(l, "%lx-%lx %7s", &start, &end, perms) == 3 &&
		    start >= SCENARIO_LO && start < SCENARIO_HI) {
			unsigned long pages = (end - start) / 4096;
			const char *flags = strstr(l, "\nVmFlags:");
			const char *eol = flags ? strchr(flags + 1, '\n') : NULL;
			const char *lo = flags ? strstr(flags, " lo") : NULL;

			u->scen_size += pages;
			if (perms[1] == 'w' && perms[3] == 'p')
				u->scen_data += pages;
			if (lo && (!eol || lo < eol))
				u->scen_locked += pages;
		}
		l = next ? next + 1 : NULL;
	}
}

/* smaps first: its buffer is the larger, and status must see the heap
 * as it is once both are allocated. */
static int usage_get(struct usage *u)
{
	char *smaps = nat_slurp("/proc/self/smaps", NULL);
	char *status = nat_slurp("/proc/self/status", NULL);

	memset(u, 0, sizeof(*u));
	if (!status || !smaps) {
		free(status);
		free(smaps);
		return -1;
	}
	u->size = status_kb(status, "VmSize:") / 4;
	u->data = status_kb(status, "VmData:") / 4;
	u->locked = status_kb(status, "VmLck:") / 4;
	smaps_scan(smaps, u);
	free(status);
	free(smaps);
	return 0;
}

static unsigned long plus(unsigned long limit, unsigned long pages)
{
	if (limit == RLIM_INFINITY)
		return limit;
	return limit + pages * 4096;
}

/* Grow the heap and the stack now, once, so they never grow later. */
static void __attribute__((noinline)) stack_reserve(void)
{
	volatile char buf[STACK_RESERVE];

	memset((char *)buf, 0, sizeof(buf));
}

void nat_limits_init(void)
{
	struct rlimit inf = { RLIM_INFINITY, RLIM_INFINITY };
	struct rlimit ml = { MLOCK_LIMIT, MLOCK_LIMIT };
	cpu_set_t set;
	void *p;

	mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD);
	mallopt(M_TRIM_THRESHOLD, -1);
	p = malloc(HEAP_RESERVE);
	free(p);
	stack_reserve();
	nat_limit_apply();		/* RLIMIT_AS: the guard's limit */
	setrlimit(RLIMIT_DATA, &inf);
	setrlimit(RLIMIT_MEMLOCK, &ml);
	if (!sched_getaffinity(0, sizeof(set), &set)) {
		for (int cpu = 0; cpu < CPU_SETSIZE; cpu++) {
			if (CPU_ISSET(cpu, &set)) {
				CPU_ZERO(&set);
				CPU_SET(cpu, &set);
				sched_setaffinity(0, sizeof(set), &set);
				break;
			}
		}
	}
}

/* RLIMIT_MEMLOCK = the scenario's + @pages of the agent's own. */
static int memlock_apply(unsigned long pages)
{
	struct rlimit rl = { memlock_cur ? plus(memlock_cur, pages) : 0,
			     plus(memlock_max, pages) };

	return setrlimit(RLIMIT_MEMLOCK, &rl) ? -errno : 0;
}

int nat_setrlimit(unsigned int resource, unsigned long cur, unsigned long max,
		  bool keepmax)
{
	struct rlimit rl;
	struct usage u;
	unsigned long own;

	if (getrlimit(resource, &rl) || usage_get(&u))
		return -errno;
	switch (resource) {
	case RLIMIT_AS:
		own = u.size - u.scen_size;
		break;
	case RLIMIT_DATA:
		own = u.data - u.scen_data;
		break;
	case RLIMIT_MEMLOCK:
		own = u.locked - u.scen_locked;
		break;
	default:
		return -EINVAL;
	}
	if (keepmax && resource == RLIMIT_AS)
		max = as_max;
	else if (keepmax)
		max = rl.rlim_max == RLIM_INFINITY ? RLIM_INFINITY :
		      rl.rlim_max - own * 4096;
	if (cur > max)
		return -EINVAL;
	/* a soft limit of 0 means something of its own (may_expand_vm's
	 * allowance under a larger hard limit, can_do_mlock): keep it 0 */
	rl.rlim_cur = cur || resource == RLIMIT_AS ? plus(cur, own) : 0;
	rl.rlim_max = plus(max, own);
	if (resource == RLIMIT_AS) {
		unsigned long cap = nat_mem_limit();

		if (max > as_max && !nat_has_cap(CAP_SYS_RESOURCE))
			return -EPERM;
		rl.rlim_cur = rl.rlim_cur < cap ? rl.rlim_cur : cap;
		rl.rlim_max = rl.rlim_max < cap ? rl.rlim_max : cap;
	}
	if (setrlimit(resource, &rl))
		return -errno;
	if (resource == RLIMIT_AS)
		as_max = max;
	if (resource == RLIMIT_MEMLOCK) {
		memlock_set = true;
		memlock_cur = cur;
		memlock_max = max;
	}
	return 0;
}

/* After mlockall/munlockall: the agent's own locked pages may differ. */
static void memlock_resync(void)
{
	struct usage u;

	if (memlock_set && !usage_get(&u))
		memlock_apply(u.locked - u.scen_locked);
}

int nat_mlockall(int flags)
{
	struct usage u;
	int ret;

	/* MCL_CURRENT checks total_vm: let the agent's own size through */
	if (memlock_set && (flags & MCL_CURRENT) && !usage_get(&u))
		memlock_apply(u.size - u.scen_size);
	ret = mlockall(flags) ? -errno : 0;
	memlock_resync();
	return ret;
}

int nat_munlockall(void)
{
	int ret = munlockall() ? -errno : 0;

	memlock_resync();
	return ret;
}

/* Whether @cap is in the effective set. */
bool nat_has_cap(int cap)
{
	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct d[2];

	if (cap < 0 || cap >= 64 || syscall(SYS_capget, &h, d))
		return false;
	return d[cap / 32].effective & (1U << (cap % 32));
}

/* Raise or drop @cap in the effective set (capset(2), version 3). */
int nat_capability(int cap, bool on)
{
	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct d[2];

	if (cap < 0 || cap >= 64)
		return -EINVAL;
	if (syscall(SYS_capget, &h, d))
		return -errno;
	if (on)
		d[cap / 32].effective |= 1U << (cap % 32);
	else
		d[cap / 32].effective &= ~(1U << (cap % 32));
	return syscall(SYS_capset, &h, d) ? -errno : 0;
}
