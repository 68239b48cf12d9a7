uffd_api wp_async,wp_sync
