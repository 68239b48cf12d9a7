# may_expand_vm()'s allowance for Valgrind: with a soft RLIMIT_DATA of 0
# and a larger hard limit, a data mapping within the hard limit is
# allowed; with both at 0 it is not.
setrlimit data 0 8p
mmap a 4p rw- private
setrlimit data 0 0
mmap b 1p rw- private => ENOMEM
mmap c 1p r-- private
