# mdwe_test.c, prctl_flags: PR_SET_MDWE and PR_GET_MDWE refuse unknown
# bits, NO_INHERIT without REFUSE_EXEC_GAIN, and any nonzero unused
# argument, with EINVAL.
prctl mdwe no_inherit 0 0 7 => EINVAL
prctl mdwe 7 => EINVAL
prctl mdwe 0 7 => EINVAL
prctl mdwe 0 0 7 => EINVAL
prctl mdwe 0 0 0 7 => EINVAL
prctl get_mdwe 7 => EINVAL
prctl get_mdwe 0 7 => EINVAL
prctl get_mdwe 0 0 7 => EINVAL
prctl get_mdwe 0 0 0 7 => EINVAL
prctl mdwe 2 => EINVAL
prctl get_mdwe => none
