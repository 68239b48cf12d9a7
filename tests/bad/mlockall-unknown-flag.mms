mlockall current,past
