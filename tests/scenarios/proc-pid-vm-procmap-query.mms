# proc-pid-vm.c, the PROCMAP_QUERY cases, on a one-page executable
# mapping of an executable memfd (the test's exec'd file): an exact
# match at its start, with its flags, page size, offset and name; no
# match just below it, but it is the next VMA from there; no match just
# after it (nothing of the scenario's is mapped beyond); and no match
# for a writable VMA at its start.
memfd exe 1p exec
mmap text 1p r-x private file=exe
procmap_query text => 100000000000-100000001000 r-xp 00000000 page_size=4096 /memfd:exe (deleted)
procmap_query text-1 => ENOENT
procmap_query text-1 covering_or_next => 100000000000-100000001000 r-xp 00000000 page_size=4096 /memfd:exe (deleted)
procmap_query text+1p covering_or_next => ENOENT
procmap_query text writable => ENOENT
# beyond the test: flags that skip to a later VMA, anonymous ones
mmap anon 2p rw- private
procmap_query text writable,covering_or_next => 100040000000-100040002000 rw-p 00000000 page_size=4096
procmap_query anon+1p file_backed,covering_or_next => ENOENT
procmap_query anon+1p shared => ENOENT
procmap_query anon+1p 0x40 => EINVAL
