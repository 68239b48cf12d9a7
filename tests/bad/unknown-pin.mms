unpin p
