# comment
frobnicate a
