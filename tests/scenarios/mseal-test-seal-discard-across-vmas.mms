# Port of tools/testing/selftests/mm/mseal_test.c, test_seal_discard_across_vmas().
# MADV_DONTNEED over a writable VMA and a sealed read-only one is EPERM.
# not sealed
mmap p 2p r-- private at=0x100000000000
mprotect p 1p rw-
write p 0x11
madvise p 2p dontneed
read p => 0x00
munmap 0x100000000000 64g
# sealed
mmap p 2p r-- private at=0x100000000000
mprotect p 1p rw-
write p 0x11
mseal p+1p 1p
madvise p 2p dontneed => EPERM
read p => 0x00
