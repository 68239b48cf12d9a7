# mdwe_test.c, mdwe/inherited/mprotect_add_EXEC: making a mapping executable is refused under MDWE,
# in a child that inherited MDWE.
prctl mdwe
prctl get_mdwe => refuse_exec_gain
fork child
@child prctl get_mdwe => refuse_exec_gain
@child mmap p 1p r-- shared
@child mprotect p 1p r-x => EACCES
