memfd f 1p sealing
seal f write,paint
