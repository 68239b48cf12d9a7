maps --rular
