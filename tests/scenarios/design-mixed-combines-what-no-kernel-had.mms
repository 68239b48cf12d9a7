# `design mixed` lets a scenario combine mainline values that no single
# kernel had (pat=vm_pat, gone in 6.16, with the 6.18 walkers); without
# it such a line is malformed (tests/bad/design-combination-*).  The mix
# stays allowed for the rest of the scenario.
require model
design mixed pat=vm_pat
open m mem
mmap s 1p rw- shared file=m
smaps s VmFlags => rd wr sh mr mw me ms pf io ar de dd
munmap s 1p
design pat=vma-ctx
design walk=pre-6.18 guard=maybe-guard
