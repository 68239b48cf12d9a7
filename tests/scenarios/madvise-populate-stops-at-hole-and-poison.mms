# MADV_POPULATE_READ/WRITE fault the range in through GUP, in address
# order, and stop at the first problem: a hole is ENOMEM at once (not
# after the mapped rest is advised, as other advice does), an
# incompatible mapping after it is never reached; a poisoned entry
# (UFFDIO_POISON) is EHWPOISON, since madvise asks GUP for FOLL_HWPOISON,
# while mlock's population of the same entry is a plain fault.
# Found by `mmsim difffuzz`: the minimised reproducers were
#   mmap d 2m r-- private,locked / munmap d 4097 / madvise d 2m populate_write
#   mmap a 16p r-- shared,fixed / uffd_register a 16p missing,wp,minor ioctls /
#   uffd_poison a+3p 1p / madvise a+3p 2p populate_read
mmap d 2m r-- private
munmap d 1p
madvise d 2m populate_write => ENOMEM
madvise d 2m populate_read => ENOMEM
madvise d+1p 4p populate_write => EINVAL
madvise d+1p 4p populate_read
# a hole after a good range: what came before is populated, then ENOMEM
mmap e 8p rw- private
munmap e+4p 1p
madvise e 8p populate_write => ENOMEM
smaps e Rss => 16 kB
# a poisoned entry
mmap a 16p rw- private
uffd_register a 16p missing
uffd_poison a+3p 1p
madvise a+3p 2p populate_read => EHWPOISON
madvise a+2p 2p populate_write => EHWPOISON
mlock a+3p 1p => ENOMEM
