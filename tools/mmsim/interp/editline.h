/* SPDX-License-Identifier: GPL-2.0 */
/*
 * editline.h - libedit for the REPL, loaded when a REPL starts rather
 * than with every mmsim process (editline.c).  The REPL calls it through
 * `el`: el.readline(...), *el.rl_line_buffer, with libedit's own types.
 */
#ifndef MMSIM_INTERP_EDITLINE_H
#define MMSIM_INTERP_EDITLINE_H

#ifdef HAVE_LIBEDIT
#include <stdbool.h>
#include <stdio.h>
#include <editline/readline.h>

struct editline {
	__typeof__(&readline) readline;
	__typeof__(&add_history) add_history;
	__typeof__(&stifle_history) stifle_history;
	__typeof__(&read_history) read_history;
	__typeof__(&write_history) write_history;
	__typeof__(&rl_completion_matches) rl_completion_matches;
	__typeof__(&rl_readline_name) rl_readline_name;
	__typeof__(&rl_attempted_completion_function) rl_attempted_completion_function;
	__typeof__(&rl_completer_word_break_characters) rl_completer_word_break_characters;
	__typeof__(&rl_basic_word_break_characters) rl_basic_word_break_characters;
	__typeof__(&rl_attempted_completion_over) rl_attempted_completion_over;
	__typeof__(&rl_line_buffer) rl_line_buffer;
};

extern struct editline el;

/*
 * editline_load - dlopen libedit and look its symbols up, once.
 * Return: true if the REPL can edit lines; false (with the reason in
 * editline_error()) if the library cannot be had, and the REPL reads
 * plain lines.
 */
bool editline_load(void);
const char *editline_error(void);
#endif

#endif
