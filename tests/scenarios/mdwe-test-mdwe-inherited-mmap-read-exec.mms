# mdwe_test.c, mdwe/inherited/mmap_READ_EXEC: a readable and executable shared anonymous mapping is allowed,
# in a child that inherited MDWE.
prctl mdwe
prctl get_mdwe => refuse_exec_gain
fork child
@child prctl get_mdwe => refuse_exec_gain
@child mmap p 1p r-x shared
