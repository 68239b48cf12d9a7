require model
draw picture.png
