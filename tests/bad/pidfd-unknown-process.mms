pidfd pf @nobody
