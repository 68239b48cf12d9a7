# mdwe_test.c, consecutive_prctl_flags/can_keep_both_flags: PR_SET_MDWE
# with no_inherit, then with no_inherit: allowed, and PR_GET_MDWE shows the second.
prctl mdwe no_inherit
prctl mdwe no_inherit
prctl get_mdwe => refuse_exec_gain no_inherit
