# mincore_selftest.c, basic_interface: mincore(2)'s documented errors.
# A zero-length query is 0 (an empty vector); a range with nothing mapped
# is ENOMEM; an unaligned start EINVAL. The test's own mapping is one
# shared anonymous page. Left out: a length of -1 (ENOMEM; the language
# refuses lengths above 4g) and a NULL vector (EFAULT; the language
# always passes one).
mincore 0 0 =>
mmap addr 1p rw- shared
mincore 0x10000 1p => ENOMEM
mincore addr+1 1p => EINVAL
mincore addr 1p => 0
munmap addr 1p
mincore addr 1p => ENOMEM
