memfd_secret s
memfd_secret s
