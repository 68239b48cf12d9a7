# A read fault maps a shared memfd page writable but clean (no
# write-notify on shmem); the store through the MMU then sets the dirty
# bit, as the hardware does, and smaps counts the page dirty.
memfd f 2p
mmap a 2p rw- shared file=f
read a => 0x00
smaps a Private_Dirty => 0 kB
write a 0x01
smaps a Private_Dirty => 4 kB
read a+1p
smaps a Private_Dirty => 4 kB
