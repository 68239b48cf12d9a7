require model
design nosuch=1
