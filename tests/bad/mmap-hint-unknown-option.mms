mmap_hint 0x40000000 1p rw- private touched
