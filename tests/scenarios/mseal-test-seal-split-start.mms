# Port of tools/testing/selftests/mm/mseal_test.c, test_seal_split_start().
# Sealing the tail splits the VMA; the head stays changeable.
mmap p 4p r-- private at=0x100000000000
mseal p+1p 3p
mprotect p 1p rw-
mprotect p+1p 3p rw- => EPERM
smaps p+1p VmFlags => rd mr mw me sl
