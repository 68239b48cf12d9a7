profile thp_63k=always
