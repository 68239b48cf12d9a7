mmap a 2m rw- private
split_huge_pages a 2m to=2
