// SPDX-License-Identifier: GPL-2.0
/*
 * editline.c - libedit, opened when a REPL starts.
 *
 * Linking mmsim against libedit made every process load it and the
 * three libraries it needs (libtinfo, libbsd, libmd) and resolve their
 * symbols: about a fifth of the start-up of a scenario run, which never
 * edits a line.  The REPL instead opens the library here, by its soname,
 * and finds what it uses by name; the prototypes still come from
 * <editline/readline.h>, so a wrong type does not compile.
 */
#ifdef HAVE_LIBEDIT
#include <dlfcn.h>
#include <string.h>

#include "editline.h"

struct editline el;

static const char *load_error;

#define EL_SYM(name)	{ #name, (void **)&el.name }

static const struct {
	const char *name;
	void **slot;
} el_syms[] = {
	EL_SYM(readline), EL_SYM(add_history), EL_SYM(stifle_history),
	EL_SYM(read_history), EL_SYM(write_history),
	EL_SYM(rl_completion_matches), EL_SYM(rl_readline_name),
	EL_SYM(rl_attempted_completion_function),
	EL_SYM(rl_completer_word_break_characters),
	EL_SYM(rl_basic_word_break_characters),
	EL_SYM(rl_attempted_completion_over), EL_SYM(rl_line_buffer),
};

bool editline_load(void)
{
	static const char *const sonames[] = { "libedit.so.2", "libedit.so" };
	static int state;	/* 0 not tried, 1 loaded, -1 failed */
	void *h = NULL;

	if (state)
		return state > 0;
	state = -1;
	for (size_t i = 0; !h && i < sizeof(sonames) / sizeof(sonames[0]); i++)
		h = dlopen(sonames[i], RTLD_NOW | RTLD_LOCAL);
	if (!h) {
		load_error = dlerror();
		return false;
	}
	for (size_t i = 0; i < sizeof(el_syms) / sizeof(el_syms[0]); i++) {
		*el_syms[i].slot = dlsym(h, el_syms[i].name);
		if (!*el_syms[i].slot) {
			load_error = "libedit lacks a readline symbol";
			memset(&el, 0, sizeof(el));
			dlclose(h);
			return false;
		}
	}
	state = 1;
	return true;
}

const char *editline_error(void)
{
	return load_error ? load_error : "";
}
#endif
