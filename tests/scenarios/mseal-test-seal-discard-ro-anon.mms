# Port of tools/testing/selftests/mm/mseal_test.c, test_seal_discard_ro_anon().
# MADV_DONTNEED on sealed read-only anonymous memory is EPERM.
# not sealed
mmap p 4p r-- private at=0x100000000000
madvise p 4p dontneed
munmap p 4p
munmap 0x100000000000 64g
# sealed
mmap p 4p r-- private at=0x100000000000
mseal p 4p
madvise p 4p dontneed => EPERM
munmap p 4p => EPERM
