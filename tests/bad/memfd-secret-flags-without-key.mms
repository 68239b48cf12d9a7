memfd_secret s 1
