# mdwe_test.c, mdwe/not_inherited/mprotect_add_EXEC: making a mapping executable is refused under MDWE,
# in a child of a process that set MDWE with PR_MDWE_NO_INHERIT (so the child has none).
prctl mdwe no_inherit
prctl get_mdwe => refuse_exec_gain no_inherit
fork child
@child prctl get_mdwe => none
@child mmap p 1p r-- shared
@child mprotect p 1p r-x
