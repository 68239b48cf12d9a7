# memfd_test.c, test_share_fork: seals belong to the file, whichever
# process holds it open; F_SEAL_SEAL stops further seals before and after
# the child is gone.
memfd f 2p sealing
seals f => none
fork child
seal f seal
seals f => seal
seal f write => EPERM
seals f => seal
@child exit
seal f write => EPERM
seals f => seal
