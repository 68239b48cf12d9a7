# Rule (seed 002; mm/pagewalk.c folio_walk_start, mm/migrate.c
# do_pages_stat_array): folio_walk_start() trusts the special bit, so the
# anonymous COW folio inside a MAP_PRIVATE /dev/mem mapping is found and
# move_pages(nodes=NULL) reports its node; the proposed early rejection of
# VM_PFNMAP|VM_IO misses it (ENOENT). smaps shows it in neither design:
# walk_page_test() already skips VM_PFNMAP VMAs (the gap David points out).
require model
open m mem
mmap d 2p rw- private file=m
write d+1p 0x5a
read d => 0x00
folio_walk d => none
page_status d => ENOENT
folio_walk d+1p => anon pte
page_status d+1p => node 0
smaps d Anonymous => 0 kB
smaps d Rss => 0 kB
pagemap d+1p => none
design walk=early-reject
folio_walk d+1p => none
page_status d+1p => ENOENT
smaps d Anonymous => 0 kB
normal_page d+1p => anon
design walk=6.18
page_status d+1p => node 0
