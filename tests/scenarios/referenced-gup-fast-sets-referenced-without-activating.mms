# vmsplice (gup_get) and io_uring buffer registration (pin) take present
# pages through GUP-fast, which only sets PG_referenced
# (gup_fast_pte_range(), gup_fast_pmd_leaf()): taken three times, the
# page stays referenced - never activated, as a FOLL_TOUCH mark would.
mmap a 2p rw- private
touch a 2p w
clear_refs 1
smaps a Referenced => 0 kB
gup_get g1 a 2p
gup_get g2 a 2p
gup_get g3 a 2p
fork child
@child smaps a Referenced => 8 kB
smaps a Referenced => 8 kB
mmap b 2p rw- private
touch b 2p w
clear_refs 1
pin p b 2p
smaps b Referenced => 8 kB
mmap t 2m rw- private
madvise t 2m hugepage
touch t 2m w
clear_refs 1
gup_get g4 t 1p
fork c2
@c2 smaps t Referenced => 2048 kB
