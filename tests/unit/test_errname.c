// SPDX-License-Identifier: GPL-2.0
/*
 * test_errname.c - lib/lib/errname.c: every Linux errno 1..133 has a name that
 * maps back to it, aliases resolve to the canonical value, signals have
 * their own names, unknown values and names give NULL / 0; and
 * lib/lib/seq_buf.c grows and stays NUL-terminated.
 */
#include <errno.h>
#include <signal.h>

#include <mmsim/mmsim.h>

#include "test.h"

TEST(errno_names_round_trip_for_every_linux_errno)
{
	for (int e = 1; e <= 133; e++) {
		const char *name = errno_name(e);

		if (e == 41 || e == 58) {	/* unused numbers on Linux */
			ASSERT_TRUE(name == NULL);
			continue;
		}
		ASSERT_TRUE(name != NULL);
		ASSERT_EQ(errno_from_name(name), e);
	}
	ASSERT_STREQ(errno_name(ENOMEM), "ENOMEM");
	ASSERT_STREQ(errno_name(-EFAULT), "EFAULT");
	ASSERT_STREQ(errno_name(EHWPOISON), "EHWPOISON");
	ASSERT_EQ(errno_from_name("EFAULT"), EFAULT);
}

TEST(errno_aliases_resolve_to_canonical_value)
{
	ASSERT_STREQ(errno_name(EWOULDBLOCK), "EAGAIN");
	ASSERT_EQ(errno_from_name("EWOULDBLOCK"), EAGAIN);
	ASSERT_STREQ(errno_name(EDEADLOCK), "EDEADLK");
	ASSERT_EQ(errno_from_name("EDEADLOCK"), EDEADLK);
	ASSERT_EQ(errno_from_name("ENOTSUP"), EOPNOTSUPP);
}

TEST(errno_and_signal_unknowns_give_null_or_zero)
{
	ASSERT_TRUE(errno_name(0) == NULL);
	ASSERT_TRUE(errno_name(4000) == NULL);
	ASSERT_EQ(errno_from_name("ENOPE"), 0);
	ASSERT_EQ(errno_from_name(NULL), 0);
	ASSERT_EQ(errno_from_name("SIGBUS"), 0);
	ASSERT_EQ(signal_from_name("ENOMEM"), 0);
	ASSERT_TRUE(signal_name(SIGINT) == NULL);
}

TEST(signal_names_round_trip)
{
	ASSERT_STREQ(signal_name(SIGSEGV), "SIGSEGV");
	ASSERT_STREQ(signal_name(SIGKILL), "SIGKILL");
	ASSERT_EQ(signal_from_name("SIGKILL"), SIGKILL);
	ASSERT_STREQ(signal_name(SIGBUS), "SIGBUS");
	ASSERT_EQ(signal_from_name("SIGSEGV"), SIGSEGV);
	ASSERT_EQ(signal_from_name("SIGBUS"), SIGBUS);
}

TEST(seq_buf_grows_and_stays_terminated)
{
	struct seq_buf s;
	size_t want = 0;

	seq_buf_init(&s);
	ASSERT_STREQ(s.buf, "");
	for (int i = 0; i < 1000; i++) {
		seq_buf_printf(&s, "%d,", i);
		want += snprintf(NULL, 0, "%d,", i);
	}
	ASSERT_EQ(s.err, 0);
	ASSERT_EQ(s.len, want);
	ASSERT_EQ(strlen(s.buf), want);
	ASSERT_TRUE(!strncmp(s.buf, "0,1,2,", 6));
	ASSERT_TRUE(!strcmp(s.buf + want - 4, "999,"));
	seq_buf_free(&s);
	ASSERT_EQ(s.len, 0);
	ASSERT_STREQ(s.buf, "");
	seq_buf_free(&s);
}
