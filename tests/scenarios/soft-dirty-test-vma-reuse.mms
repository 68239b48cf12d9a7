require model
# soft-dirty.c, test_vma_reuse, on the model with soft-dirty built in:
# a new mapping is soft-dirty at once (VM_SOFTDIRTY, reported for the
# unpopulated page too), and so is a new mapping at an address just
# unmapped after clear_refs.
profile soft_dirty=on
mmap map 1p rw- private
pagemap map => soft-dirty
clear_refs 4
pagemap map => none
munmap map 1p
mmap map2 1p rw- private at=map
pagemap map2 => soft-dirty
smaps map2 VmFlags => rd wr mr mw me ac sd
