# Rule (vmf_insert_pfn_pud): a 1 GiB-aligned BAR range mapped at a 1 GiB-
# aligned address gets one special PUD leaf. This BAR is larger than the I/O
# region, so it sits in the PFN hole: reads see all ones.
require model
open b bar size=2g
mmap r 1g r-- shared file=b
read r+4097 => 0xff
entry r =>
| pgd present rw user accessed dirty pfn=table
| pud present user pcd accessed pse special nx pfn=hole
normal_page r => none
fork c
@c read r+1023m => 0xff
