# 10 - Looking inside: /proc/PID/maps, smaps and pagemap
#
# Three files in /proc show a process's memory at three levels:
# - maps:    one line per VMA (the ranges the process has asked for);
# - smaps:   the same VMAs with statistics and flags;
# - pagemap: one 64-bit entry per virtual page (what is behind each page).
# mmsim's `maps`, `smaps ADDR FIELD` and `pagemap ADDR` read exactly these.

mmap a 2p rw- private
memfd f 2p
pwrite f 0 0x01 2p
mmap m 2p r-- shared file=f
mmap p 2p rw- private file=f off=1p

# maps: START-END PERMS OFFSET PATH. PERMS ends in "p" (private) or "s"
# (shared); OFFSET is the file offset of START (off=1p gives 00001000).
maps =>
| 100000000000-100000002000 rw-p 00000000
| 100040000000-100040002000 r--s 00000000 /memfd:f (deleted)
| 100080000000-100080002000 rw-p 00001000 /memfd:f (deleted)

# smaps VmFlags: the VMA's flags as two-letter words.
# rd/wr = may read/write now; mr/mw/me = may be made readable/writable/
# executable by mprotect; sh = shared; ac = accountable (counted against the
# commit limit: private writable memory).
smaps a VmFlags => rd wr mr mw me ac
smaps m VmFlags => rd sh mr mw me ms   # mw: the memfd is open read-write,
                                        # so mprotect(rw-) would be allowed
smaps p VmFlags => rd wr mr mw me ac

# Nothing is resident until touched.
smaps a Rss => 0 kB
pagemap a => none

# Anonymous memory: counted as Anonymous and Private_Dirty once written.
write a 0x01 2p
smaps a Rss => 8 kB
smaps a Anonymous => 8 kB
smaps a Private_Dirty => 8 kB
pagemap a => present excl

# File memory read through a shared mapping: a page-cache page, "file" in
# pagemap, and not anonymous. Note Rss: one read, two pages! On a read fault
# in a file mapping the kernel also maps the neighbouring pages that are
# already in the page cache ("fault-around", mm/memory.c do_fault_around),
# saving the faults it expects next.
read m => 0x01
smaps m Rss => 8 kB
smaps m Anonymous => 0 kB
pagemap m => present file excl
pagemap m+1p => present file excl

# A private file mapping: reading maps the page-cache page, here file page 1
# (off=1p), the one m also maps at m+1p, so it is no longer "excl".
# Writing replaces it with a private anonymous copy.
read p => 0x01
frame p @main m+1p => same
pagemap p => present file
write p 0x02
pagemap p => present excl
smaps p Anonymous => 4 kB
frame p @main m+1p => different
read m+1p => 0x01

# p is 2 pages long at file offset 1p, but the file has only 2 pages: p's
# second page lies past the end of the file (see 06).
read p+1p => SIGBUS
