# Linux 6.18's userfaultfd range check (validate_unaligned_range) wants a
# page-aligned, non-empty range inside the task's address space and no
# more: nothing below vm.mmap_min_addr is refused as such.  A range at
# address 0 or 0x1000 finds no VMA, so the fills, moves and
# write-protection answer ENOENT; registering answers EINVAL because it
# wants a VMA.  Found by `mmsim difffuzz` (the model refused these with
# EINVAL).
uffd_api 0
uffd_wp 0 16p => ENOENT
uffd_unwp 0 16p => ENOENT
uffd_unwp 0x1000 1p => ENOENT
uffd_copy 0 1p 0x01 => ENOENT
uffd_zeropage 0 1p => ENOENT
uffd_move 0 0x10000 1p => ENOENT
uffd_move 0x10000 0 1p => ENOENT
uffd_register 0 1p => EINVAL
uffd_unregister 0 1p => EINVAL
# the rest of the check stands
uffd_wp 0 0 => EINVAL
uffd_wp 0x800 1p => EINVAL
uffd_wp 0x7ffffffff000 2p => EINVAL
