# mdwe_test.c, mdwe/not_inherited/mmap_FIXED: MAP_FIXED over a readable mapping with a readable and executable one: allowed, the old mapping goes first and the new one is judged alone,
# in a child of a process that set MDWE with PR_MDWE_NO_INHERIT (so the child has none).
prctl mdwe no_inherit
prctl get_mdwe => refuse_exec_gain no_inherit
fork child
@child prctl get_mdwe => none
@child mmap p 1p r-- shared
@child mmap q 1p r-x shared,fixed at=p
@child maps =>
| 100000000000-100000001000 r-xs 00000000 /dev/zero (deleted)
