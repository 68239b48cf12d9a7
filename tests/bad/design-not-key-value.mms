design bias
