// SPDX-License-Identifier: GPL-2.0
/*
 * workloads_process.c - whole scenarios as whole processes: `mmsim run
 * --profile=host FILE` with the checker on (its default) beside `mmsim run --native
 * FILE` on the host kernel, and beside `mmsim run --check=off FILE` for
 * the checker's share.  Nothing is left out of either side's time: the
 * process, the parsing, the machine or the agents, the teardown.  The
 * scenarios are written to a temporary directory:
 *
 *   storm    one mapping of 256 MiB, written page by page (65,536 faults)
 *   forkcow  256 MiB written, fork, the child writes it all (COW)
 *   churn    32 MiB written, then 4,096 mprotects of one page each
 *   writes   10,000 commands: one byte written into a fresh page each
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench.h"

const char *bench_mmsim = "./mmsim";

static const char *const scenario_names[NR_SCENARIOS] = {
	[SC_STORM] = "storm", [SC_FORKCOW] = "forkcow",
	[SC_CHURN] = "churn", [SC_WRITES] = "writes",
};

static char dir[64];

static int write_scenario(int sc, const char *path)
{
	FILE *f = fopen(path, "w");
	int i;

	if (!f)
		return -errno;
	switch (sc) {
	case SC_STORM:
		fputs("mmap a 256m rw- private\ntouch a 256m w\n", f);
		break;
	case SC_FORKCOW:
		fputs("mmap a 256m rw- private\ntouch a 256m w\nfork child\n"
		      "@child touch a 256m w\n", f);
		break;
	case SC_CHURN:
		fputs("mmap a 32m rw- private\ntouch a 32m w\n", f);
		for (i = 0; i < 4096; i++)
			fprintf(f, "mprotect a+%dp 1p r--\n", 2 * i);
		break;
	case SC_WRITES:
		fputs("mmap a 10000p rw- private\n", f);
		for (i = 0; i < 9999; i++)
			fprintf(f, "write a+%dp 1\n", i);
		break;
	}
	return fclose(f) ? -errno : 0;
}

/* The scenario's file, written once. */
static const char *scenario_path(int sc)
{
	static char paths[NR_SCENARIOS][128];

	if (!dir[0]) {
		snprintf(dir, sizeof(dir), "/tmp/mmsim-bench-XXXXXX");
		if (!mkdtemp(dir))
			return NULL;
	}
	if (!paths[sc][0]) {
		snprintf(paths[sc], sizeof(paths[sc]), "%s/%s.mms", dir,
			 scenario_names[sc]);
		if (write_scenario(sc, paths[sc])) {
			paths[sc][0] = '\0';
			return NULL;
		}
	}
	return paths[sc];
}

void bench_scenarios_cleanup(void)
{
	for (int sc = 0; sc < NR_SCENARIOS && dir[0]; sc++) {
		char path[160];

		snprintf(path, sizeof(path), "%s/%s.mms", dir, scenario_names[sc]);
		unlink(path);
	}
	if (dir[0])
		rmdir(dir);
}

/*
 * Run `mmsim run OPT FILE`: the wall time in ms, and the CPU time (user +
 * system, of mmsim and the agents it reaped) in *cpu_ms; 0 or a negative
 * errno.
 */
int bench_scenario(int sc, const char *opt, double *ms, double *cpu_ms)
{
	struct rusage ru;
	const char *path = scenario_path(sc);
	double t0, t1;
	int status;
	pid_t pid;

	if (!path)
		return -EIO;
	t0 = bench_now_ns();
	pid = fork();
	if (pid < 0)
		return -errno;
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);

		if (null >= 0) {
			dup2(null, STDOUT_FILENO);
			dup2(null, STDERR_FILENO);
		}
		/*
		 * The model configured as the host is (--profile=host): with
		 * the kernel's default THP=always it would map the 256 MiB
		 * with 128 PMD faults where a host in madvise mode takes
		 * 65,536 PTE faults.
		 */
		if (!strcmp(opt, "--native"))
			execl(bench_mmsim, bench_mmsim, "run", opt, path, (char *)NULL);
		else
			execl(bench_mmsim, bench_mmsim, "run", "--profile=host", opt,
			      path, (char *)NULL);
		_exit(127);
	}
	while (wait4(pid, &status, 0, &ru) < 0 && errno == EINTR)
		;
	t1 = bench_now_ns();
	if (!WIFEXITED(status) || WEXITSTATUS(status)) {
		fprintf(stderr, "bench: %s run %s %s: exit %#x\n", bench_mmsim,
			opt, path, status);
		return -EIO;
	}
	*ms = (t1 - t0) / 1e6;
	*cpu_ms = (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
		  (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
	return 0;
}
