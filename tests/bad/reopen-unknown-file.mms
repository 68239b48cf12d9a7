reopen g nosuch rdonly
