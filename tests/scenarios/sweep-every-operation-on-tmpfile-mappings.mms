# Every operation of the scenario language on the two mappings of a tmpfile
# (a regular file on a disk filesystem), shared and private: madvise of
# each kind, mprotect, mlock, fork, mremap, munmap, msync and fsync, and
# what smaps, pagemap and maps then show, as the host kernel gives them
# (generated with mmsim diff -v, which agreed).  MADV_REMOVE on the shared
# mapping is left out here: ext4 keeps a punched range of a large folio
# cached (zeroed), which the model's order-0 page cache cannot show
# (see guard-regions-file-hole-punch.mms for its data).
file f 8p => ok
pwrite f 0 5 4p => ok
mmap s 8p rw- shared file=f => ok
mmap p 8p rw- private file=f => ok
read s => 0x05
read p => 0x05
write s+1p 6 => ok
write p+2p 7 => ok
madvise s+3p 1p dontneed => ok
madvise p+2p 1p dontneed => ok
read p+2p => 0x05
madvise s 8p willneed => ok
madvise p 8p willneed => ok
madvise s 8p populate_read => ok
madvise p 8p populate_write => ok
madvise s+4p 2p populate_write => ok
madvise s 1p free => EINVAL
madvise p 1p free => EINVAL
madvise s 1p cold => ok
madvise s+5p 1p pageout => ok
pagemap s+5p => none
mincore s 8p => 11111111
madvise p 1p remove => EACCES
madvise s 1p wipeonfork => EINVAL
madvise s 2p random => ok
madvise s+2p 2p sequential => ok
madvise s 2p hugepage => ok
mprotect s+6p 1p r-- => ok
mprotect p+6p 1p r-- => ok
mprotect s+6p 1p rw- => ok
mprotect s+6p 1p rwx => ok
mlock s+7p 1p => ok
mlock p+7p 1p => ok
fork c => ok
@c read s+1p => 0x06
@c read p+2p => 0x05
@c write s+1p 8 => ok
@c write p+7p 9 => ok
read s+1p => 0x08
read p+7p => 0x00
frame s+1p @c s+1p => same
frame p+4p @c p+4p => same
@c exit => ok
mremap s+7p 1p 2p => ok
mremap p 2p 1p => ok
munmap s+2p 1p => ok
msync s 2p sync => ok
msync p 1p sync => ok
fsync f => ok
smaps s Rss => 8 kB
smaps s Private_Dirty => 0 kB
smaps s Private_Clean => 8 kB
smaps p Rss => 4 kB
smaps p Anonymous => 4 kB
smaps p Private_Dirty => 4 kB
smaps s VmFlags => rd wr sh mr mw me ms rr hg
smaps p VmFlags => rd wr mr mw me ac
pagemap s => present file excl
pagemap s+1p => present file excl
pagemap p => present excl
pagemap p+1p => none
pagemap p+3p => present excl
pagemap p+4p => present excl
maps =>
| 100000000000-100000002000 rw-s 00000000 /var/tmp/f (deleted)
| 100000003000-100000004000 rw-s 00003000 /var/tmp/f (deleted)
| 100000004000-100000006000 rw-s 00004000 /var/tmp/f (deleted)
| 100000006000-100000007000 rwxs 00006000 /var/tmp/f (deleted)
| 100000007000-100000009000 rw-s 00007000 /var/tmp/f (deleted)
| 100040000000-100040001000 rw-p 00000000 /var/tmp/f (deleted)
| 100040002000-100040006000 rw-p 00002000 /var/tmp/f (deleted)
| 100040006000-100040007000 r--p 00006000 /var/tmp/f (deleted)
| 100040007000-100040008000 rw-p 00007000 /var/tmp/f (deleted)
