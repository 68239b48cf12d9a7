# A driver forgets a page in ->release: found when nothing is left, by name.
require model
open f kleak
mmap a 1p rw- shared file=f
write a 0x5a
read a => 0x5a
munmap a 1p
close f
exit
