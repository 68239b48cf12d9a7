capability ipc_lock maybe
