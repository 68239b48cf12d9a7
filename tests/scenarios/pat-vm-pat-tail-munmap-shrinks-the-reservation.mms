# Rule (Linux 3.7-6.15, arch/x86/mm/pat/memtype.c untrack_pfn and
# memtype_interval.c memtype_erase): a VMA that remap_pfn_range() covered
# whole is marked VM_PAT (VM_ARCH_1, smaps "ar") and nothing records the
# range; unmapping a VMA frees the range read back from its first entry
# and its size, and the tree takes a free that ends where an entry ends
# by cutting the entry back (what made mremap shrinking work).  Model
# only: the host runs 6.18, whose tracking is the pfnmap_track_ctx.
require model
design kernel=6.15
open m mem cache=uc
mmap s 4p rw- shared file=m
smaps s VmFlags => rd wr sh mr mw me ms pf io ar de dd
memtype_list => [mem 0x00000000-0x00004000] uc
munmap s+2p 2p
memtype_list => [mem 0x00000000-0x00002000] uc
mremap s 2p 1p
memtype_list => [mem 0x00000000-0x00001000] uc
munmap s 1p
memtype_list => none
