# Every function of driver.h and mm.h resolves against mmsim (the module
# loaded at all), and the driver opens.
require model
open f apicheck
close f
