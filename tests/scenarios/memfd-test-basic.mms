# memfd_test.c, test_basic: seals add up, adding one again is allowed,
# F_SEAL_SEAL stops all further adding (even of nothing); without
# MFD_ALLOW_SEALING the file is born with F_SEAL_SEAL.
memfd f 2p sealing
seals f => none
seal f shrink,write
seals f => shrink write
seal f shrink,write
seals f => shrink write
seal f grow,seal
seals f => seal shrink grow write
seal f grow => EPERM
seal f 0 => EPERM
close f
memfd f 2p
seals f => seal
seal f shrink,grow,write => EPERM
seals f => seal
