# Rule (do_wp_page -> wp_page_copy): a write to a kernel page in a MAP_PRIVATE
# mixed map copies it into an anonymous folio; the driver's page is unchanged.
require model
open k kbuf pages=2
mmap s 2p rw- shared file=k
mmap p 2p rw- private file=k
write s 0x41
read p => 0x41
write p 0x42
normal_page p => anon
read s => 0x41
normal_page s => kernel
