// SPDX-License-Identifier: GPL-2.0
/*
 * min_addr.c - how low in the address space a process may map
 * (security/min_addr.c and the capability LSM's cap_mmap_addr(),
 * security/commoncap.c).
 *
 * Two floors: dac_mmap_min_addr, the vm.mmap_min_addr sysctl
 * (CONFIG_DEFAULT_MMAP_MIN_ADDR, 4096 by Kconfig's default on x86-64),
 * below which only a process with CAP_SYS_RAWIO may place a mapping -
 * mmap(MAP_FIXED) and mremap(MREMAP_FIXED) alike; and mmap_min_addr
 * (MMAP_MIN_ADDR: the larger of that and CONFIG_LSM_MMAP_MIN_ADDR,
 * 65536 where SELinux is built in, as on x86-64's defconfig), below
 * which the kernel never picks an address itself and userfaultfd
 * registers nothing.  An LSM's own check below CONFIG_LSM_MMAP_MIN_ADDR
 * (SELinux's mmap_zero permission) is not modelled: no LSM policy is
 * loaded.  A new process has every capability (root), so mapping at
 * address 0 works until CAP_SYS_RAWIO is dropped.
 */
#include "../internal.h"

/**
 * security_mmap_addr - may the current process map at @addr?
 * @t: the process
 * @addr: the lowest address of the new mapping
 *
 * Context: mmap's and mremap's placement of a fixed address.
 * Return: 0, or -EPERM below dac_mmap_min_addr without CAP_SYS_RAWIO.
 */
int security_mmap_addr(struct task_struct *t, unsigned long addr)
{
	if (addr < DEFAULT_MMAP_MIN_ADDR && !has_capability(t, CAP_SYS_RAWIO))
		return -EPERM;
	return 0;
}
