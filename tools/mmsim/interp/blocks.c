// SPDX-License-Identifier: GPL-2.0
/*
 * blocks.c - the result word `blocks`: the command never completes, its
 * process waiting for ever in the kernel.  The language has one such
 * wait: process_vm_readv of another process's page whose fault goes to
 * that process's userfaultfd monitor, which runs only during that
 * process's own commands (docs/scenarios.md, Userfaultfd).  The model
 * says so (SYSCALL_BLOCKS); on the host a command expected to block that
 * has not answered within a grace blocks (native_timeout.c).
 *
 * The scenario ends at a command that blocks: its process cannot go on,
 * and on the host every process of the scenario is killed.  So
 * `=> blocks` (or a one-line block `| blocks`) ends a scenario: a command
 * after it is malformed, found before the command runs - on every
 * backend alike, whatever the command answers.  Only a command that can
 * block may expect it (block_commands[]; process_vm_readv checks it is
 * not the process reading itself, cmd_process_vm.c).  A person at the
 * REPL types one line at a time: there nothing is read ahead, and the
 * session ends where a process blocks.
 */
#include <stdlib.h>
#include <string.h>

#include "interp_int.h"
#include "source.h"

/*
 * The commands that can wait for ever: a remote GUP, which waits
 * killably in handle_userfault() (FAULT_FLAG_ALLOW_RETRY).  /proc/PID/mem
 * (mem_write) is the process's own, and its GUP (no @locked, so no
 * FAULT_FLAG_ALLOW_RETRY) gets SIGBUS from handle_userfault() instead.
 */
static const char *const block_commands[] = { "process_vm_readv" };

bool expects_blocks(const char *expected)
{
	return !strcmp(expected, "blocks") || !strcmp(expected, "blocks\n");
}

static bool command_can_block(const char *name)
{
	for (size_t i = 0; i < sizeof(block_commands) / sizeof(block_commands[0]); i++)
		if (!strcmp(name, block_commands[i]))
			return true;
	return false;
}

/*
 * Read the rest of @s: only blank and comment lines may follow the
 * command on @line; 0, or -1 with the message set and *lineno the
 * offending line's.
 */
static int nothing_after(struct interp *ip, struct src *s, int line,
			 int *lineno)
{
	struct lex_line l;
	const char *err;
	char *text;
	int ret = 0;

	while (!ret && (text = src_get(s, ""))) {
		*lineno = s->lineno;
		if (s->toolong || s->nul)
			ret = bad(ip, s->nul ? "NUL byte in the line" :
				  "line longer than %d bytes", LINE_MAX_BYTES);
		else if (lex_split(text, &l, &err))
			ret = bad(ip, "%s", err);
		else if (l.argc || l.block)
			ret = bad(ip, "a command after `=> blocks` (line %d): "
				  "the scenario ends where a process blocks", line);
		free(text);
	}
	if (!ret)
		*lineno = line;
	return ret;
}

int blocks_expected(struct interp *ip, struct src *s, const char *name,
		    int *lineno)
{
	if (!command_can_block(name))
		return bad(ip, "%s never blocks: only process_vm_readv of another "
			   "process can wait for ever (`blocks`)", name);
	if (!ip->o.repl && nothing_after(ip, s, *lineno, lineno))
		return -1;
	ip->expect_blocks = true;
	return 0;
}

void blocks_end(struct interp *ip, const struct cmd *c, int proc)
{
	for (int i = 0; i < ip->nb; i++) {
		if (c->res[i].kind != RK_BLOCKS)
			continue;
		ip->quit = true;
		if (ip->o.repl)
			fprintf(ip->err, "process %s waits for ever in the kernel: "
				"the session ends here\n", ip->procs.v[proc].name);
		return;
	}
}
