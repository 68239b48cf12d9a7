# Soft-dirty tracking needs write-notify: after clear_refs 4 a shared
# mapping's new entries start read-only, so the first store to a page
# faults and marks it soft-dirty.  Without write-notify the read fault
# would map the page writable and the store would go unseen.
# Model-only: the host has soft-dirty compiled out.
require model
profile soft_dirty=on
memfd f 2p
mmap a 2p rw- shared file=f
write a 0x01
pagemap a => present file excl soft-dirty
clear_refs 4
pagemap a => present file excl
read a+1p => 0x00
pagemap a+1p => present file excl
write a+1p 0x02
pagemap a+1p => present file excl soft-dirty
write a 0x03
pagemap a => present file excl soft-dirty
