require model
draw /tmp/x.svg
