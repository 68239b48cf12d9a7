# mdwe_test.c, mdwe/enabled/mprotect_add_EXEC: making a mapping executable is refused under MDWE,
# with MDWE set.
prctl mdwe
prctl get_mdwe => refuse_exec_gain
mmap p 1p r-- shared
mprotect p 1p r-x => EACCES
