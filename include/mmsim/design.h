/* SPDX-License-Identifier: GPL-2.0 */
/*
 * design.h - the designs argued over in the seeds, as switches of one
 * machine: each switch has values, each value a label saying which Linux
 * versions have it ("Linux 6.14-", "Linux 3.7-6.15") or that it is a
 * proposal and where it comes from ("proposal: ...").  A kernel version
 * (6.13 to 6.19) selects the mainline value of every switch at once.
 *
 * The library keeps one table of switches (lib/model/designs.c); the
 * command `design` of scenarios, `mmsim --kernel=`, `mmsim compare` and
 * the reports read it through this header.  struct mmsim_design_state
 * is the pure part (which value each switch has, and whether the
 * scenario allowed combinations no kernel had), so that a front end can
 * validate `design` lines the same way the machine applies them.
 */
#ifndef MMSIM_DESIGN_H
#define MMSIM_DESIGN_H

#include <stdbool.h>
#include <stddef.h>

struct machine;

/* A kernel version as a number: 6.18 is 618. */
#define MMSIM_KERNEL(major, minor)	((major) * 100 + (minor))
#define MMSIM_KERNEL_DEFAULT		MMSIM_KERNEL(6, 18)
#define MMSIM_KERNEL_FIRST		MMSIM_KERNEL(6, 13)
#define MMSIM_KERNEL_LAST		MMSIM_KERNEL(6, 19)

/*
 * struct mmsim_design_value - one value of a switch.
 * @name:	as `design KEY=NAME` spells it
 * @label:	"Linux A.B-C.D" (mainline; "A.B-" still mainline in the
 *		newest kernel the model knows) or "proposal: SOURCE"
 * @first, @last: the mainline versions the kernel presets use
 *		(MMSIM_KERNEL; @last 0: still mainline); both -1 for a
 *		proposal, which combines with any kernel
 * @summary:	what the value does, one line
 */
struct mmsim_design_value {
	const char *name;
	const char *label;
	int first, last;
	const char *summary;
};

/*
 * struct mmsim_design - one switch.
 * @key:	as `design KEY=...` spells it
 * @seed:	the seed it comes from ("000" .. "004"), or "" for none
 * @summary:	what it switches, one line
 * @values:	its values; the index is what mmsim_design() returns
 */
struct mmsim_design {
	const char *key;
	const char *seed;
	const char *summary;
	const struct mmsim_design_value *values;
	int nr_values;
};

#define MMSIM_NR_DESIGNS	8

/**
 * mmsim_design_at - the @i-th switch of the table
 * @i: 0, 1, ...
 *
 * Context: any.
 * Return: the switch, or NULL past the last.
 */
const struct mmsim_design *mmsim_design_at(unsigned int i);

/**
 * mmsim_design_find - the switch called @key
 * @key: e.g. "pat"
 *
 * Context: any.
 * Return: its index in the table, or -EINVAL.
 */
int mmsim_design_find(const char *key);

/**
 * mmsim_design_find_value - the value called @name of switch @key
 * @key: the switch's index
 * @name: e.g. "vm_pat"
 *
 * Context: any.
 * Return: its index, or -EINVAL.
 */
int mmsim_design_find_value(int key, const char *name);

/**
 * mmsim_kernel_parse - a kernel version as `--kernel=` and `design
 * kernel=` take it
 * @s: "6.13" .. "6.19"
 *
 * Context: any.
 * Return: the version (MMSIM_KERNEL), or -EINVAL.
 */
int mmsim_kernel_parse(const char *s);

/*
 * struct mmsim_design_state - the value of every switch, the kernel
 * version last selected, whether combinations no kernel had are allowed
 * (`design mixed`), and which switches are pinned (their values fixed
 * from outside, as `mmsim compare` does: `design` leaves them alone).
 */
struct mmsim_design_state {
	int value[MMSIM_NR_DESIGNS];
	int kernel;
	bool mixed;
	unsigned int pinned;
};

/**
 * mmsim_design_state_init - every switch at its mainline value in @kernel
 * @st: the state
 * @kernel: MMSIM_KERNEL_FIRST .. MMSIM_KERNEL_LAST
 *
 * Context: any.
 * Return: 0, or -EINVAL for a kernel outside the table.
 */
int mmsim_design_state_init(struct mmsim_design_state *st, int kernel);

/**
 * mmsim_design_state_apply - the words of one `design` line
 * @st: the state, changed only on success
 * @argc: the number of words
 * @argv: KEY=VALUE, kernel=VERSION or mixed
 * @msg: where to write why the line is refused
 * @size: its size
 *
 * All words are applied, then the combination is checked: the mainline
 * values must have a kernel in common (proposals fit any) unless
 * `mixed` was given on this or an earlier line.
 * Context: any.
 * Return: 0, or -EINVAL with @msg naming the word and the valid ones.
 */
int mmsim_design_state_apply(struct mmsim_design_state *st, int argc,
			     char *const *argv, char *msg, size_t size);

/**
 * mmsim_design_state_setup - apply "WORD WORD ..." (as one `design` line)
 * @st: the state
 * @words: KEY=VALUE, kernel=VERSION, mixed, separated by blanks
 * @pin: pin the switches named, so that later `design` lines leave them
 * @msg: where to write why the words are refused
 * @size: its size
 *
 * Context: any.
 * Return: 0, or -EINVAL with @msg.
 */
int mmsim_design_state_setup(struct mmsim_design_state *st, const char *words,
			     bool pin, char *msg, size_t size);

/**
 * mmsim_design_label - "KEY=VALUE (LABEL)" for messages and reports
 * @key: the switch's index
 * @value: the value's index
 * @buf: where to write
 * @size: its size
 *
 * Context: any.
 * Return: @buf.
 */
const char *mmsim_design_label(int key, int value, char *buf, size_t size);

/**
 * mmsim_design_get_state - a machine's switches
 * @m: the machine
 * @st: filled with its state
 *
 * Context: any.
 */
void mmsim_design_get_state(struct machine *m, struct mmsim_design_state *st);

/**
 * mmsim_machine_design - set up @m's switches before anything runs
 * @m: the machine
 * @words: as for mmsim_design_state_setup()
 * @pin: likewise
 *
 * Context: before the machine's first process maps anything.
 * Return: 0, or -EINVAL for words mmsim_design_state_setup() refuses.
 */
int mmsim_machine_design(struct machine *m, const char *words, bool pin);

/**
 * mmsim_design - the current value of switch @key on the current machine
 * @key: e.g. "perf"
 *
 * For drivers whose behaviour differs by design.  Consulting a switch
 * marks it touched (mmsim_design_touched()).
 * Context: a driver hook, or after any call that set the machine.
 * Return: the value's index in the switch's table, or -EINVAL.
 */
int mmsim_design(const char *key);

/**
 * mmsim_design_touched - the switches @m consulted since it was made
 * @m: the machine
 *
 * Context: any.
 * Return: a bit per switch index.
 */
unsigned int mmsim_design_touched(struct machine *m);

#endif /* MMSIM_DESIGN_H */
