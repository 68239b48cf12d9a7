# Design pat=global (seed 004: no pointer in the VMA, a global table): the same steps as pat-conflicting-cache-mode-is-error.mms.
# Rule (arch/x86/mm/pat/memtype.c reserve_pfn_range, is_new_memtype_allowed):
# frames reserved WB may not be mapped WC: remap_pfn_range() is -EINVAL,
# which /dev/mem's mmap turns into EAGAIN.  A request a reservation can
# satisfy (UC- or WB over WC) is granted the existing mode instead.
require model
design pat=global
open a mem
open b mem cache=wc
open c mem cache=uc-
mmap s 2p rw- shared file=a
mmap t 2p rw- shared file=b off=1p => EAGAIN
munmap s 2p
mmap t 2p rw- shared file=b off=1p
mmap u 1p rw- shared file=c off=2p
mmap v 1p rw- shared file=a off=1p
memtype_list =>
| [mem 0x00001000-0x00003000] wc
| [mem 0x00001000-0x00002000] wc
| [mem 0x00002000-0x00003000] wc
entry v =>
| pgd present rw user accessed dirty pfn=table
| pud present rw user accessed dirty pfn=table
| pmd present rw user accessed dirty pfn=table
| pte present rw user pwt accessed special nx pfn=io
open d mem cache=wt => EINVAL
