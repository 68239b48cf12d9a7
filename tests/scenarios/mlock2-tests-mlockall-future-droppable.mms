# mlock2-tests.c, test_mlockall_future_droppable: after
# mlockall(MCL_CURRENT|MCL_FUTURE) a new MAP_DROPPABLE mapping is not
# locked: mmap clears the VM_LOCKED it inherits from def_flags, as for
# any VMA mlock cannot lock (6.18.y, "mm: prevent droppable mappings from
# being locked").  It is populated all the same (mmap saw VM_LOCKED), and
# with MCL_ONFAULT too.  A private mapping made meanwhile is locked.
mlockall current,future
mmap map 2p rw- droppable
smaps map VmFlags => rd wr mr mw me nr wf dd dp
smaps map Rss => 8 kB
mmap plain 2p rw- private
smaps plain VmFlags => rd wr mr mw me lo ac
munlockall
mlockall current,future,onfault
mmap late 2p rw- droppable
smaps late VmFlags => rd wr mr mw me nr wf dd dp
smaps late Rss => 8 kB
munlockall
