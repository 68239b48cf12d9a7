# mdwe_test.c, consecutive_prctl_flags/can_keep_exec_gain: PR_SET_MDWE
# with refuse_exec_gain, then with refuse_exec_gain: allowed, and PR_GET_MDWE shows the second.
prctl mdwe refuse_exec_gain
prctl mdwe refuse_exec_gain
prctl get_mdwe => refuse_exec_gain
