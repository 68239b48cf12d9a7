uffd_api 0 dev dev
