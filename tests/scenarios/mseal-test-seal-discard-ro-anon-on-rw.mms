# Port of tools/testing/selftests/mm/mseal_test.c, test_seal_discard_ro_anon_on_rw().
# Sealed but writable anonymous memory may be discarded.
# not sealed
mmap p 4p rw- private at=0x100000000000
write p 0x11
madvise p 4p dontneed
read p => 0x00
munmap p 4p
munmap 0x100000000000 64g
# sealed
mmap p 4p rw- private at=0x100000000000
write p 0x11
mseal p 4p
madvise p 4p dontneed
read p => 0x00
munmap p 4p => EPERM
