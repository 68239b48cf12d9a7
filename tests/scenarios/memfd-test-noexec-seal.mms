# memfd_test.c, test_noexec_seal: MFD_NOEXEC_SEAL, with or without
# MFD_ALLOW_SEALING, is born with F_SEAL_EXEC only, and may take more
# seals.  (The chmod checks are not ported.)
memfd f 2p sealing,noexec
seals f => exec
close f
memfd f 2p noexec
seals f => exec
seal f shrink
seals f => exec shrink
