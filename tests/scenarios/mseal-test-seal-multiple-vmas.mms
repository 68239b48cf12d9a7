# Port of tools/testing/selftests/mm/mseal_test.c, test_seal_multiple_vmas().
# One seal across two VMAs (split by mprotect) covers both.
mmap p 4p r-- private at=0x100000000000
mprotect p 2p rw-
mseal p 4p
mprotect p 2p r-- => EPERM
mprotect p+2p 2p rw- => EPERM
maps =>
| 100000000000-100000002000 rw-p 00000000
| 100000002000-100000004000 r--p 00000000
