# 02 - Copy-on-write after fork()
#
# fork(2) does not copy a process's memory. It copies the page tables and
# marks private pages read-only in BOTH processes. Parent and child then share
# each physical page (a "frame") until one of them writes: the write faults,
# and the kernel gives the writer its own copy (mm/memory.c, do_wp_page).
# This is copy-on-write (COW). Its one job: neither process may ever see the
# other's writes.

mmap a 2p rw- private
write a 0x11 2p              # both pages now exist, owned by main

# "fork NAME" creates a child. "@child CMD" runs CMD in the child.
fork child

# frame compares the physical frames behind two addresses, possibly in two
# processes: right after fork, both map the very same frame.
frame a @child a => same
frame a+1p @child a+1p => same
@child read a => 0x11

# pagemap's "excl" bit means "mapped by only one process". Shared pages lose it.
pagemap a => present
@child pagemap a => present

# The child writes page 0: COW fault in the child, which gets a fresh copy.
@child write a 0x22
frame a @child a => different
@child read a => 0x22
read a => 0x11               # the parent still has the original
@child pagemap a => present excl

# Page 1 was not written and is still shared.
frame a+1p @child a+1p => same

# The parent writes page 1: now the parent gets the copy.
write a+1p 0x33
frame a+1p @child a+1p => different
@child read a+1p => 0x11     # no leak from parent into child

# Reuse: since the child copied page 0, the parent is the only process that
# maps the original frame ("excl" again). Its page-table entry is still
# read-only, so the parent's write still faults, but the fault handler sees
# it is the only user (wp_can_reuse_anon_folio) and makes the page writable in
# place: no copy this time.
pagemap a => present excl
write a 0x44
read a => 0x44
@child read a => 0x22

# When a process exits, its mappings go away with it.
@child exit
frame a @main a => same      # trivially: one process, one frame
