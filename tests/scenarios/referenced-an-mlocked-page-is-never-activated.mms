# mlock populates with FOLL_TOUCH (referenced); an mlocked folio is
# unevictable, so later marks leave it referenced rather than activate
# it (folio_mark_accessed()).
mmap a 1p rw- private
touch a 1p w
mlock a 1p
mem_write a 0x4e
mem_write a 0x4e
fork child
@child smaps a Referenced => 4 kB
