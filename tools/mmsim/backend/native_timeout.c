// SPDX-License-Identifier: GPL-2.0
/*
 * native_timeout.c - the native backend's per-command deadline.
 *
 * A command can block in the host kernel for ever: a fault that goes to
 * a userfaultfd no monitor reads (process_vm_readv of another agent's
 * registered range: that agent is idle, its monitor not running), or one
 * the agent's monitor serves a page a second (native_uffd.c) across many
 * pages.  mmsim waits for each agent's answer until the deadline
 * (--timeout=SECONDS, default NAT_TIMEOUT_DEFAULT, 0: none); an agent
 * that misses it is killed with every other agent of the scenario
 * (native.c), and the scenario ends with
 * `FILE:LINE: the host did not answer within N s: COMMAND`, exit 1.
 *
 * A command the scenario expects to block (`=> blocks`, bcmd.may_block)
 * is given NAT_BLOCKS_GRACE_MS instead: unanswered by then, it is
 * answered BRES_BLOCKS and every agent is killed as on a timeout - but
 * the scenario, which ends there anyway, passes.  The grace is 1 s,
 * never more than --timeout (whose least is 1 s), and under --timeout=0
 * too: an agent answers a command that does not block within
 * milliseconds, and the corpus's blocking scenarios cost a second each.
 *
 * The same deadline bounds how long closing the backend waits for an
 * agent to exit before it is killed.
 */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "native.h"

unsigned int native_backend_timeout = NAT_TIMEOUT_DEFAULT;

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

long long nat_deadline(void)
{
	if (!native_backend_timeout)
		return -1;
	return now_ms() + (long long)native_backend_timeout * 1000;
}

long long nat_deadline_blocks(void)
{
	long long grace = NAT_BLOCKS_GRACE_MS;

	if (native_backend_timeout &&
	    (long long)native_backend_timeout * 1000 < grace)
		grace = (long long)native_backend_timeout * 1000;
	return now_ms() + grace;
}

int nat_wait_readable(int fd, long long deadline)
{
	struct pollfd pfd = { .fd = fd, .events = POLLIN };
	long long left;
	int n;

	for (;;) {
		left = deadline < 0 ? -1 : deadline - now_ms();
		if (deadline >= 0 && left < 0)
			left = 0;
		n = poll(&pfd, 1, left > 0x7fffffff ? 0x7fffffff : (int)left);
		if (n > 0)
			return 0;	/* data, EOF or an error: read says which */
		if (n < 0 && errno != EINTR)
			return -1;
		if (n == 0 && deadline >= 0 && now_ms() >= deadline)
			return -ETIMEDOUT;
	}
}

int nat_read_deadline(int fd, void *buf, size_t len, long long deadline)
{
	char *p = buf;
	ssize_t n;
	int err;

	while (len) {
		err = nat_wait_readable(fd, deadline);
		if (err)
			return err;
		n = read(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		p += n;
		len -= n;
	}
	return 0;
}

void nat_timeout_text(char *buf, size_t size)
{
	snprintf(buf, size, "the host did not answer within %u s",
		 native_backend_timeout);
}
