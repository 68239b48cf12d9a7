# mdwe_test.c, consecutive_prctl_flags/can_keep_no_flags: PR_SET_MDWE
# with none, then with none: allowed, and PR_GET_MDWE shows the second.
prctl mdwe none
prctl mdwe none
prctl get_mdwe => none
