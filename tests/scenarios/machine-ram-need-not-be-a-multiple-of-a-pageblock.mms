# RAM of 63 MiB ends in the middle of a 4 MiB MAX_PAGE_ORDER block (and
# of a pageblock): the checker counts the frames allocated up there in
# their own pageblock.  It used to count them from the deferred-init
# frontier instead of from the block's start, and found "2 frames
# allocated, the allocator counts 0" at the first command (found by the
# fuzzer).  On the host, `machine` does nothing.
machine ram=63m
mmap a 8m rw- private
touch a 8m w
fork child
@child touch a 4m w
read a => 0
