# mdwe_test.c, mdwe/not_inherited/mmap_WRITE_EXEC: a writable and executable mapping is refused under MDWE (EACCES),
# in a child of a process that set MDWE with PR_MDWE_NO_INHERIT (so the child has none).
prctl mdwe no_inherit
prctl get_mdwe => refuse_exec_gain no_inherit
fork child
@child prctl get_mdwe => none
@child mmap p 1p -wx shared
