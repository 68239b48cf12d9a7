require model
# soft-dirty (CONFIG_MEM_SOFT_DIRTY; selftests/mm/soft-dirty.c): a new VMA
# is soft-dirty; clear_refs 4 clears it (and VM_SOFTDIRTY) and
# write-protects the entry; mprotect does not set it or map the page
# writable; the next write faults and sets it again.
profile soft_dirty=on
mmap a 1p rw- private
pagemap a => soft-dirty          # a hole in a VM_SOFTDIRTY VMA
write a 0x01
pagemap a => present excl soft-dirty
clear_refs 4
pagemap a => present excl
smaps a VmFlags => rd wr mr mw me ac
mprotect a 1p r--
mprotect a 1p rw-
pagemap a => present excl
write a 0x02
pagemap a => present excl soft-dirty
mmap b 1p rw- private
pagemap b => soft-dirty          # new VMAs are soft-dirty
clear_refs 3
clear_refs 6 => EINVAL
clear_refs 5
