memfd f 1p
mmap a 1p rw- private
sysread f 0 a
