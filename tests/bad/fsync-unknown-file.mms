fsync nosuch
