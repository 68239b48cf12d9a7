/* SPDX-License-Identifier: GPL-2.0 */
/*
 * draw.h - the model-only picture commands (draw.c), reached from
 * mmsim_ctl (ctl.c): pgtable ADDR [LEN], rmap ADDR, leaves START END.
 */
#ifndef MMSIM_LIB_MODEL_DRAW_H
#define MMSIM_LIB_MODEL_DRAW_H

struct task_struct;
struct seq_buf;

/* Run picture command argv[0] in @t; 0 or -EINVAL, -EFAULT, -ESRCH. */
int draw_ctl(struct task_struct *t, int argc, char **argv, struct seq_buf *out);

#endif /* MMSIM_LIB_MODEL_DRAW_H */
