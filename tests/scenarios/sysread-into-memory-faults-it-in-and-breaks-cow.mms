# pread(2) into memory the process has not touched faults it in as a
# write would: a private file mapping gets its own copy (the file keeps
# its bytes); a read-only private mapping is EFAULT.
memfd f 2p
pwrite f 0 1 2p
memfd src 1p
pwrite src 0 7 1p
mmap a 2p rw- private file=f
pagemap a => none
sysread src 0 a 4k => 4096
read a 4k => 7
pagemap a => present excl
pread f 0 => 1
mmap r 1p r-- private file=f
sysread src 0 r 10 => EFAULT
mmap z 1p rw- private
sysread src 0 z 1 => 1
pagemap z => present excl
