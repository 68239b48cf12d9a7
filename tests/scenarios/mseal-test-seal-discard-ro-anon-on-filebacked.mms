# Port of tools/testing/selftests/mm/mseal_test.c, test_seal_discard_ro_anon_on_filebacked().
# File-backed memory may be discarded even sealed.
# not sealed
memfd f 4p
mmap p 4p r-- private file=f at=0x100000000000
madvise p 4p dontneed
munmap p 4p
munmap 0x100000000000 64g
# sealed
mmap p 4p r-- private file=f at=0x100000000000
mseal p 4p
madvise p 4p dontneed
munmap p 4p => EPERM
