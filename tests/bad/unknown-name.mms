
read b
