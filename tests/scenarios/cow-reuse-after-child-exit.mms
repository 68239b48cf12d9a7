# Rule (mm/memory.c wp_can_reuse_anon_folio): once the child has exited, the
# parent is the only user of the formerly shared page; its write fault reuses
# the page in place (no copy). pagemap bit 56 ("exclusively mapped", i.e.
# mapcount 1) comes back as soon as the child's mapping is gone.
mmap a 1p rw- private
write a 0x11 1p
fork child
frame a @child a => same
pagemap a => present          # mapped twice: not exclusive
@child exit
pagemap a => present excl     # the child's mapping is gone
write a 0x22 1p
pagemap a => present excl
read a 1p => 0x22
