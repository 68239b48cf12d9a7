# Rule (mm/pagewalk.c folio_walk_start FW_ZEROPAGE; mm/migrate.c
# do_pages_stat_array): the shared zero page is returned only with
# FW_ZEROPAGE (fw->page NULL), and move_pages reports it as EFAULT; an
# unmapped address is EFAULT, an empty PTE ENOENT, a real folio its node.
require model
mmap a 3p rw- private
read a => 0x00
folio_walk a => zero pte
page_status a => EFAULT
write a+1p 1
folio_walk a+1p => anon pte
page_status a+1p => node 0
page_status a+2p => ENOENT
page_status a+3p => EFAULT
memfd f 1p
mmap s 1p rw- shared file=f
read s => 0x00
folio_walk s => file pte
