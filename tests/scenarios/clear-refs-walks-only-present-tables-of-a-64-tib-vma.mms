# clear_refs walks the page tables (walk_page_vma), not every page of a
# VMA: over a 64 TiB PROT_NONE reservation with one page written it
# visits one PTE table (a page-by-page loop would take hours, and the
# fuzzer found it did).  The host run is skipped: the native guard
# counts the reservation against its memory limit.
mmap a 65536g --- private
mprotect a 1p rw-
write a 0x11
clear_refs 1
clear_refs 4
clear_refs 2
read a => 0x11
