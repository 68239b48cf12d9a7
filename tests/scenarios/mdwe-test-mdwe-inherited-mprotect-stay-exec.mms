# mdwe_test.c, mdwe/inherited/mprotect_stay_EXEC: an executable mapping may stay executable,
# in a child that inherited MDWE.
prctl mdwe
prctl get_mdwe => refuse_exec_gain
fork child
@child prctl get_mdwe => refuse_exec_gain
@child mmap p 1p r-x shared
@child mprotect p 1p r-x
