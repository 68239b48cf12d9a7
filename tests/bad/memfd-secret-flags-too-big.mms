memfd_secret s flags=0x100000000
