# Populating a range goes through GUP with FOLL_TOUCH, which marks each
# page accessed (PG_referenced) - the folio flag, not only the PTE's
# young bit.  fork gives the child old PTEs, yet smaps Referenced still
# counts the pages there, by the folio flag.  Found by `mmsim difffuzz`
# (the model never set the flag: the child read 0 kB); minimised
# reproducer: mmap b 511p rw- private,locked / fork child /
# @child smaps b Referenced
mmap b 511p rw- private,locked
fork child
@child smaps b Referenced => 2044 kB
mmap c 16p rw- private,populate
fork c2
@c2 smaps c Referenced => 64 kB
mmap d 8p rw- private
madvise d 8p populate_write
fork c3
@c3 smaps d Referenced => 32 kB
# without populating, the child's old PTEs are all there is
mmap e 4p rw- private
write e 0x01 4p
fork c4
@c4 smaps e Referenced => 0 kB
