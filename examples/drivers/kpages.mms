# The kernel buffer of kpages.c, mapped by the core from ->mmap_prepare
# after vm_page_prot is settled: every page is there at once, read-only,
# so the first write to each reaches ->page_mkwrite.
open k kpages pages=4
mmap buf 3p rw- shared file=k off=1p
smaps buf VmFlags => rd wr sh mr mw me ms de mm
smaps buf Rss => 12 kB
# offset 1p: the driver's pages 1, 2 and 3 (filled with 2, 3 and 4)
read buf => 0x02
read buf+2p => 0x04
normal_page buf => kernel
kpages_dirty buf => 0
write buf 0x20
write buf+8 0x21
kpages_dirty buf => 1
write buf+2p 0x22
kpages_dirty buf => 2
read buf+8 => 0x21
# past the buffer
mmap big 4p rw- shared file=k off=1p => ENXIO
munmap buf 3p
close k
