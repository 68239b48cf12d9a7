prctl mdwe forever
