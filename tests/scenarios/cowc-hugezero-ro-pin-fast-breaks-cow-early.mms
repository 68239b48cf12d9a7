require model
# cow.c non-anon "R/O longterm GUP-fast pin" with the huge zeropage (GUP-fast:
# the model has one GUP path; the rules are the same): as the GUP case.
# Model-only: read-only long-term pins need gup_test (CONFIG_GUP_TEST),
# which the host lacks.
profile thp=madvise thp_2048k=always
mmap mem 2m rw- private
mmap smem 2m r-- private
madvise mem 2m hugepage
madvise smem 2m hugepage
read mem => 0
read smem => 0
pin P mem 2m ro
write mem 0xff 2m
pin_read P => 0xff
read smem 2m => 0
unpin P
