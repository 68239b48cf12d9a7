fork child
pidfd pf child
