mmap a 2m rw- private
split_huge_pages a 2m order=0x80000000
