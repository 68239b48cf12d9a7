# mlock2-tests.c, test_mlock_droppable: mlock (and mlock2 MLOCK_ONFAULT)
# of a MAP_DROPPABLE mapping succeeds but locks nothing - mlock_fixup()
# passes over a VM_DROPPABLE VMA, so VmFlags gain no `lo` and VmLck
# stays 0 - while the population mlock asks for still happens.  An
# ordinary private mapping beside it is locked and counted.
mmap map 2p rw- droppable
mlock map 2p
smaps map VmFlags => rd wr mr mw me nr wf dd dp
smaps map Rss => 8 kB
status VmLck => 0 kB
mlock map 2p onfault
smaps map VmFlags => rd wr mr mw me nr wf dd dp
munlock map 2p
status VmLck => 0 kB
mmap plain 2p rw- private
mlock plain 1p
status VmLck => 4 kB
