# proc_mark takes no argument
proc_mark now
