# statm names one of its seven numbers
proc_mark
statm bogus
