
mremap 0x100000000000 1p 2p maymove
