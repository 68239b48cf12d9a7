# Port of mseal_test.c, test_seal_zero_address(): four pages mapped
# MAP_FIXED at address 0 - allowed to root, as CAP_SYS_RAWIO passes the
# vm.mmap_min_addr floor (cap_mmap_addr) - are one VMA of 4 pages; once
# sealed, mprotect of them is EPERM.  (`maps` shows only the arena.)
mmap z 4p --- private,fixed at=0
smaps 0 Size => 16 kB
mseal 0 4p
mprotect 0 4p rw- => EPERM
