# A model-only command's arguments are counted from the library's list.
require model
entry
