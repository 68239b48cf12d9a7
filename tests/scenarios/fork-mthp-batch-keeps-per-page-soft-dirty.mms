require model
# fork copies the PTEs of a large folio in batches (copy_present_ptes with
# folio_pte_batch_flags): where soft-dirty is tracked, a batch ends where
# the bit changes, so every child entry keeps its own page's bit.  Written
# once, cleared (clear_refs 4), then one page in the middle written again:
# the child must see soft-dirty on that page alone.  Model-only: the host's
# mTHP sizes are all never and a scenario may not change them.
profile thp_2048k=never thp_64k=always soft_dirty=on
mmap a 64k rw- private
madvise a 64k hugepage
write a 0x01 64k
pagemap a+15p => present excl soft-dirty
clear_refs 4
write a+5p 0x02
pagemap a+5p => present excl soft-dirty
pagemap a+4p => present excl
fork c
@c pagemap a => present
@c pagemap a+4p => present
@c pagemap a+5p => present soft-dirty
@c pagemap a+6p => present
@c pagemap a+15p => present
pagemap a+5p => present soft-dirty
pagemap a+6p => present
@c read a+5p 1 => 0x02
@c read a+6p 1 => 0x01
