// SPDX-License-Identifier: GPL-2.0
/*
 * module.c - loading drivers built outside the tree (kernel/module/):
 * `mmsim run --driver=FILE.so` dlopen()s FILE.so, finds the module it
 * exports (MMSIM_MODULE() defines the symbol `mmsim_module`), checks the
 * ABI it was built for and registers its drivers by name.
 *
 * The driver resolves the API of <mmsim/driver.h> against the mmsim
 * executable itself, which exports its symbols (linked -rdynamic), so
 * there is one copy of the library, of its current machine and of the
 * registry.  A loaded object is never unloaded: its drivers stay
 * registered for the life of the process, as built-in ones do.
 */
#include <dlfcn.h>

#include "internal.h"

int mmsim_module_load(const char *path, char *err, size_t size)
{
	const struct mmsim_module *mod;
	const char *clash = NULL;
	void *handle;
	int ret;

	handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	if (!handle) {
		snprintf(err, size, "cannot load driver %s: %s", path, dlerror());
		return -ENOENT;
	}
	mod = dlsym(handle, "mmsim_module");
	if (!mod) {
		snprintf(err, size, "%s: no mmsim_module symbol (a driver declares its drivers with MMSIM_MODULE())",
			 path);
		dlclose(handle);
		return -ENOEXEC;
	}
	if (mod->abi_version != MMSIM_DRIVER_ABI) {
		snprintf(err, size, "%s: built for driver ABI %u, this mmsim has ABI %u (rebuild it against this mmsim's <mmsim/driver.h>)",
			 path, mod->abi_version, MMSIM_DRIVER_ABI);
		dlclose(handle);
		return -EPROTO;
	}
	ret = mmsim_module_register(mod, &clash);
	if (ret) {
		if (ret == -EEXIST)
			snprintf(err, size, "%s: driver %s: the name (or one of its command names) is already registered",
				 path, clash ? clash : "?");
		else
			snprintf(err, size, "%s: driver %s cannot be registered (%s)",
				 path, clash ? clash : "?", errno_name(-ret) ? errno_name(-ret) : "error");
		dlclose(handle);
		return ret;
	}
	return 0;
}
