// SPDX-License-Identifier: GPL-2.0
/*
 * cmd_uffd.c - the userfaultfd commands: uffd_api, uffd_register,
 * uffd_unregister, uffd_wp/uffd_unwp, uffd_copy.  Each process has one
 * userfaultfd (created by its first uffd command, never inherited);
 * registering without uffd_api first does UFFDIO_API with no feature.
 * Flag words are Linux's <linux/userfaultfd.h>, or an integer.
 */
#include <string.h>

#include "interp_int.h"

#define UFFD_COPY_MAX_LEN	(1UL << 30)

static const struct flag_word uffd_feature_words[] = {
	{ "pagefault_flag_wp", 1UL << 0 }, { "event_fork", 1UL << 1 },
	{ "wp_hugetlbfs_shmem", 1UL << 12 }, { "wp_unpopulated", 1UL << 13 },
	{ "wp_async", 1UL << 15 }, { NULL, 0 },
};

static const struct flag_word uffd_mode_words[] = {
	{ "missing", 1UL << 0 }, { "wp", 1UL << 1 }, { NULL, 0 },
};

int cmd_uffd_api(struct interp *ip, struct cmd *c)
{
	unsigned long features;

	if (arg_flags(ip, c->argv[1], uffd_feature_words, "userfaultfd feature",
		      &features))
		return -1;
	return exec_simple(ip, c, BOP_UFFD_API, 1, &features);
}

int cmd_uffd_register(struct interp *ip, struct cmd *c)
{
	unsigned long a[3] = { 0, 0, 1UL << 1 };

	if (arg_addr(ip, c->argv[1], &a[0]) || arg_len(ip, c->argv[2], &a[1]) ||
	    (c->argc > 2 && arg_flags(ip, c->argv[3], uffd_mode_words,
				      "userfaultfd mode", &a[2])))
		return -1;
	return exec_simple(ip, c, BOP_UFFD_REGISTER, 3, a);
}

int cmd_uffd_unregister(struct interp *ip, struct cmd *c)
{
	unsigned long a[2];

	if (arg_addr(ip, c->argv[1], &a[0]) || arg_len(ip, c->argv[2], &a[1]))
		return -1;
	return exec_simple(ip, c, BOP_UFFD_UNREGISTER, 2, a);
}

/* uffd_wp and uffd_unwp: UFFDIO_WRITEPROTECT with or without MODE_WP. */
int cmd_uffd_wp(struct interp *ip, struct cmd *c)
{
	unsigned long a[3];

	if (arg_addr(ip, c->argv[1], &a[0]) || arg_len(ip, c->argv[2], &a[1]))
		return -1;
	a[2] = !strcmp(c->argv[0], "uffd_wp");
	return exec_simple(ip, c, BOP_UFFD_WP, 3, a);
}

/* uffd_copy ADDR LEN BYTE [wp]: a partial copy is EAGAIN, as the ioctl says. */
int cmd_uffd_copy(struct interp *ip, struct cmd *c)
{
	unsigned long a[4] = { 0, 0, 0, 0 };

	if (arg_addr(ip, c->argv[1], &a[0]) || arg_len(ip, c->argv[2], &a[1]) ||
	    arg_byte(ip, c->argv[3], &a[2]))
		return -1;
	if (a[1] > UFFD_COPY_MAX_LEN)	/* the agent makes the source */
		return bad(ip, "uffd_copy: %s: longer than 1g", shown(c->argv[2]));
	if (c->argc > 3) {
		if (strcmp(c->argv[4], "wp"))
			return bad(ip, "uffd_copy: %s: expected wp", shown(c->argv[4]));
		a[3] = 1UL << 1;	/* UFFDIO_COPY_MODE_WP */
	}
	return exec_simple(ip, c, BOP_UFFD_COPY, 4, a);
}
