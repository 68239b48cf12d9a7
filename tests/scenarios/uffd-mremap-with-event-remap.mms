# With UFFD_FEATURE_EVENT_REMAP the monitor is told where a registered
# VMA moved (mm/mremap.c move_vma -> mremap_userfaultfd_prep), so the
# registration goes along: the moved range still hands missing faults
# to the monitor, and its write protection stays.
uffd_api event_remap,pagefault_flag_wp
mmap a 2p rw- private
uffd_register a 2p missing,wp
uffd_copy a 1p 5 wp
mremap a 2p 2p maymove to=a+1g as=b
smaps b VmFlags => rd wr mr mw me ac um uw
read b+1p => uffd-missing
pagemap b => present excl uffd-wp
write b 6 => uffd-wp
read b => 5
