# mdwe_test.c, mdwe/enabled/mprotect_stay_EXEC: an executable mapping may stay executable,
# with MDWE set.
prctl mdwe
prctl get_mdwe => refuse_exec_gain
mmap p 1p r-x shared
mprotect p 1p r-x
