# RLIMIT_DATA bounds the private writable mappings (data_vm): mmap and
# mprotect to writable past it are ENOMEM; shared and read-only
# mappings do not count, and making a page read-only again gives it
# back.
setrlimit data 4p
mmap a 4p rw- private
mmap b 1p rw- private => ENOMEM
mmap s 4p rw- shared
mmap r 4p r-- private
mprotect r 1p rw- => ENOMEM
mprotect a 1p r--
mprotect r 1p rw-
mprotect r+1p 1p rw- => ENOMEM
