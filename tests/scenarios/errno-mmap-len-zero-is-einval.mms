# mmap with length 0 fails with EINVAL (and creates no VMA).
mmap a 0 rw- private => EINVAL
mmap b 0 r-- shared => EINVAL
maps =>
