# A write through /proc/self/mem is a remote GUP with FOLL_TOUCH: it
# leaves the entry's accessed bit alone and marks the folio accessed
# (folio_mark_accessed()).  The first mark sets PG_referenced, the
# second activates the folio and clears it, the third sets it again,
# and a fourth leaves an active, referenced folio as it is.  A child's
# entries are old after fork (__copy_present_ptes), so the child's
# smaps Referenced shows only PG_referenced.
mmap a 1p rw- private
mmap b 1p rw- private
mmap c 1p rw- private
mmap d 1p rw- private
touch a 1p w
touch b 1p w
touch c 1p w
touch d 1p w
mem_write a 0x4e
mem_write b 0x4e
mem_write b 0x4e
mem_write c 0x4e
mem_write c 0x4e
mem_write c 0x4e
mem_write d 0x4e
mem_write d 0x4e
mem_write d 0x4e
mem_write d 0x4e
fork child
@child smaps a Referenced => 4 kB
@child smaps b Referenced => 0 kB
@child smaps c Referenced => 4 kB
@child smaps d Referenced => 4 kB
