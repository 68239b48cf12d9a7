# memfd_test.c, test_exec_no_seal: MFD_EXEC without MFD_ALLOW_SEALING
# is born with F_SEAL_SEAL.  (The mode and chmod checks are not ported.)
memfd f 2p exec
seals f => seal
