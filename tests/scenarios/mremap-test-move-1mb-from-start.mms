# Port of mremap_test.c, mremap_move_1mb_from_start(): two 6 MiB shared
# anonymous mappings at 1.25 MiB-aligned (not 2 MiB-aligned) addresses;
# the first MiB of the destination is unmapped, so the 2 MiB-aligned
# address below the target lies on no mapping; moving the source's
# second MiB there leaves the source's first MiB intact.
mmap s 6m rw- shared at=0x100000140000
mmap d 6m rw- shared at=0x100040140000
write s 0x5a 1m
write s+1m 0xa5 1m
munmap d 1m
mremap s+1m 1m 1m maymove to=d+1m
read s 1m => 0x5a
read d+1m 1m => 0xa5
read d => SIGSEGV
read s+1m => SIGSEGV
