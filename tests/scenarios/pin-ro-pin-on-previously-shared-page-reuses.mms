require model
# Rule (cow.c "R/O GUP pin on R/O-mapped previously-shared page"; mm/gup.c
# gup_must_unshare): after the child exits the page is mapped once but
# read-only and not AnonExclusive; a R/O long-term pin must make it exclusive
# (unshare fault reuses it), so the later write does not copy away from it.
mmap a 1p rw- private
write a 0x01 1p
fork child
@child exit
pin P a 1p ro
write a 0xff 1p
pagemap a => present excl
read a 1p => 0xff
fork c2                         # still pinned: copied at fork
frame a @c2 a => different
