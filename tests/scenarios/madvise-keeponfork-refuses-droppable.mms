# A MAP_DROPPABLE mapping is wiped on fork whatever it is advised:
# MADV_KEEPONFORK on it is EINVAL (mm/madvise.c, Linux 6.11), while
# MADV_WIPEONFORK is accepted and the mapping stays VM_WIPEONFORK.
# Found by `mmsim difffuzz` (the model accepted the advice); minimised
# reproducer: the mmap and the first madvise.
mmap c 4m -w- droppable
madvise c+2m 64p keeponfork => EINVAL
madvise c 1p keeponfork => EINVAL
madvise c 1p wipeonfork
smaps c VmFlags => wr mr mw me nr wf dd dp
# the advice still works on an ordinary private mapping
mmap a 4p rw- private
madvise a 4p wipeonfork
madvise a 4p keeponfork
smaps a VmFlags => rd wr mr mw me ac
