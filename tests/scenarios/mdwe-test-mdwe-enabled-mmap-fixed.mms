# mdwe_test.c, mdwe/enabled/mmap_FIXED: MAP_FIXED over a readable mapping with a readable and executable one: allowed, the old mapping goes first and the new one is judged alone,
# with MDWE set.
prctl mdwe
prctl get_mdwe => refuse_exec_gain
mmap p 1p r-- shared
mmap q 1p r-x shared,fixed at=p
maps =>
| 100000000000-100000001000 r-xs 00000000 /dev/zero (deleted)
