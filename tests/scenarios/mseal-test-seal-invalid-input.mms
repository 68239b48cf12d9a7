# Port of tools/testing/selftests/mm/mseal_test.c, test_seal_invalid_input().
# Bad flags, unaligned start, too long, overflowing or starting in a hole: errors.
mmap p 8p r-- private at=0x100000000000
munmap p+4p 4p
mseal p+1 2p => EINVAL
mseal p 5p => ENOMEM
mseal p 0x7ffffffff000 => ENOMEM
mseal p-1p 5p => ENOMEM
