# MADV_DONTNEED on a shared memfd mapping only zaps the page table entries:
# the data lives in the page cache, so the next access sees it again.
memfd f 2p
mmap m 2p rw- shared file=f
write m 0x55 2p
madvise m 2p dontneed
pagemap m => none
read m 2p => 0x55
pread f 1p => 0x55
