require model
# madv_populate.c, test_softdirty, on the model with soft-dirty built in
# (the host has CONFIG_MEM_SOFT_DIRTY off: pagemap bit 55 never shows):
# after clear_refs no page is soft-dirty; MADV_POPULATE_READ leaves
# them clean, MADV_POPULATE_WRITE makes them all soft-dirty.
profile soft_dirty=on
mmap addr 2m rw- private
clear_refs 4
pagemap_scan addr 2m anyof=soft-dirty count => regions=0 pages=0 walk_end=100000200000
madvise addr 2m populate_read
pagemap_scan addr 2m anyof=soft-dirty count => regions=0 pages=0 walk_end=100000200000
madvise addr 2m populate_write
pagemap_scan addr 2m mask=soft-dirty return=soft-dirty count => regions=1 pages=512 walk_end=100000200000
pagemap addr+511p => present excl soft-dirty
