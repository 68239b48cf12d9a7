# A fixed mapping below vm.mmap_min_addr (4096, CONFIG_DEFAULT_MMAP_MIN_ADDR's
# Kconfig default, as on this host) needs CAP_SYS_RAWIO (cap_mmap_addr, the
# capability LSM's check behind security_mmap_addr()): root has it, so
# address 0 maps; without it mmap is EPERM there, and so is an mremap
# whose target is there - mremap places its target as mmap(MAP_FIXED)
# does.  At the floor itself no capability is needed.
mmap a 2p rw- private
write a 0x33 2p
capability sys_rawio off
mmap z 1p rw- private,fixed at=0 => EPERM
mmap zz 1p rw- private,fixed,noreplace at=0 => EPERM
mremap a 1p 1p maymove to=0 => EPERM
read a 2p => 0x33
mmap f 1p rw- private,fixed at=0x1000
munmap 0x1000 1p
capability sys_rawio on
mremap a 1p 1p maymove to=0
read 0 => 0x33
smaps 0 Size => 4 kB
munmap 0 1p
mmap z2 1p rw- private,fixed at=0
munmap 0 1p
