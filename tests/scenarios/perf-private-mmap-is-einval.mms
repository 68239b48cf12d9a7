# Rule (kernel/events/core.c perf_mmap): the ring buffer must be mapped
# MAP_SHARED (VM_SHARED required); a private mapping fails with EINVAL.
open p perf
mmap r 3p rw- private file=p => EINVAL
mmap r 3p r-- private file=p => EINVAL
maps =>
