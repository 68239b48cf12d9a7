# Rule (the FBINFO_KMEMFB proposal, seed 001): a framebuffer in memory
# without struct page (a carve-out) can be mapped only as a PFN map:
# vmf_insert_pfn() from ->fault, ->pfn_mkwrite lists the page, the flush
# write-protects through mapping_wrprotect_range(mapping, pgoff, pfn, 1),
# which needs no struct page.  The designs that hand struct pages out
# from ->fault (mkclean, wrprotect) cannot serve it: open is EINVAL.
require model
open x fbdefio pages=4 carveout=on design=wrprotect => EINVAL
open y fbdefio pages=4 carveout=on design=mkclean => EINVAL
open k fbdefio pages=4 carveout=on design=kmemfb
mmap f 4p rw- shared file=k
write f+2p 0x66
normal_page f+2p => none
entry f+2p =>
| pgd present rw user accessed dirty pfn=table
| pud present rw user accessed dirty pfn=table
| pmd present rw user accessed dirty pfn=table
| pte present rw user accessed dirty special nx pfn=io
defio_dirty f => 2
defio_flush f => 1
read f+2p => 0x66
write f+2p 0x67
defio_dirty f => 2
smaps f VmFlags => rd wr sh mr mw me ms pf io de dd
