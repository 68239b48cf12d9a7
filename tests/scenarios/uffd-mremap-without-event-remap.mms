# mremap of a VMA registered with userfaultfd (mm/mremap.c move_vma ->
# mremap_userfaultfd_prep, Linux 6.18): without UFFD_FEATURE_EVENT_REMAP
# the monitor never learns where the VMA went, so the moved VMA is no
# longer registered (smaps loses um, uw; a read of a hole is an ordinary
# fault), and the moved entries lose their uffd-wp bits - a uffd-wp
# marker is dropped, in anonymous memory and in shmem alike.
uffd_api pagefault_flag_wp,wp_unpopulated
mmap a 2p rw- private
uffd_register a 2p missing
mremap a 2p 2p maymove to=a+1g as=b
read b => 0
smaps b VmFlags => rd wr mr mw me ac
mmap w 3p rw- private
uffd_register w 3p wp
write w 1
uffd_wp w 2p
pagemap w => present excl uffd-wp
pagemap w+1p => swapped uffd-wp
mremap w 3p 3p maymove to=w+1g as=x
pagemap x => present excl
pagemap x+1p => none
write x 2
read x => 2
memfd f 2p
mmap s 2p rw- shared file=f
uffd_register s 2p wp
write s 1
uffd_wp s 2p
mremap s 2p 2p maymove to=s+1g as=t
pagemap t => present file excl
pagemap t+1p => none
write t 3
