# Port of mremap_test.c, mremap_move_within_range(): in a 20 MiB mapping,
# populated, the second half of a 2 MiB block (S below) moves 2 MiB down,
# onto the second half of the block before it (D); the first half of the
# source block, which did not move, keeps its bytes.  The moved MiB
# stays a VMA of its own: its faulted pages keep their old index.
#
#   |DDDDddddSSSSssss|   each letter 256 KiB; s moves onto d
mmap p 20m rw- private
write p 0 20m
write p+6m 0x5a 1m
write p+7m 0xa5 1m
mremap p+7m 1m 1m maymove to=p+5m
read p+6m 1m => 0x5a
read p+5m 1m => 0xa5
read p+4m 1m => 0
read p+7m => SIGSEGV
maps =>
| 100000000000-100000500000 rw-p 00000000
| 100000500000-100000600000 rw-p 00000000
| 100000600000-100000700000 rw-p 00000000
| 100000800000-100001400000 rw-p 00000000
