# An access of zero bytes touches no page, so no address is wrong for it:
# writing zero bytes at the top of the address space, in a hole or on a
# PROT_NONE page succeeds, and faults nothing in.  Found by
# `mmsim difffuzz` (the model checked the address first and raised
# SIGSEGV); minimised reproducer: write 0x7ffffffff000 0xce 0
# Nor does it dirty a present clean writable page (the host's agent did,
# through memset()'s masked store: mmsim difffuzz --seed=2290).
write 0x7ffffffff000 0xce 0
write 0xfffffffff000 0xce 0
mmap a 4p --- private
write a 0x11 0
mem_write a+1p 0x11 0
munmap a+2p 1p
write a+2p 0x11 0
smaps a Rss => 0 kB
write a 0x11 => SIGSEGV
mmap s 2p rw- shared,populate
write s+1p 0x11 0
smaps s Private_Dirty => 0 kB
smaps s Private_Clean => 8 kB
