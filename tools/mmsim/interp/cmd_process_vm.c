// SPDX-License-Identifier: GPL-2.0
/*
 * cmd_process_vm.c - process_vm_readv(2): the current process reads
 * another's memory.
 *
 *   process_vm_readv @P ADDR LEN
 *
 * One remote range [ADDR, ADDR + LEN) of process P (itself included, or
 * one `kill` has sent SIGKILL and that has yet to exit)
 * into a buffer of the caller's own; LEN at most 64m.  The result is the
 * count read, in decimal (short at the first page the kernel could not
 * pin), or the errno: EFAULT when nothing could be read; or `blocks`
 * when a page's fault went to another process's userfaultfd monitor,
 * idle between that process's commands (blocks.c).
 */
#include "interp_int.h"

#define PVM_LEN_MAX	(64UL << 20)

int cmd_process_vm_readv(struct interp *ip, struct cmd *c)
{
	struct bcmd bc = { .op = BOP_PROCESS_VM_READV };
	int proc;

	if (c->argv[1][0] != '@')
		return bad(ip, "process_vm_readv: %s: expected @PROCESS", shown(c->argv[1]));
	if (arg_proc_target(ip, c->argv[1] + 1, &proc) || arg_addr(ip, c->argv[2], &bc.a[0]) ||
	    arg_len(ip, c->argv[3], &bc.a[2]))
		return -1;
	if (bc.a[2] > PVM_LEN_MAX)
		return bad(ip, "process_vm_readv: LEN above 64m");
	if (ip->expect_blocks && proc == c->proc)
		return bad(ip, "process_vm_readv of the process itself never blocks: "
			   "its own monitor serves the fault");
	bc.a[1] = (unsigned long)proc;
	exec_render_value(ip, c, &bc, RK_WORD, show_decimal, NULL);
	return 0;
}
