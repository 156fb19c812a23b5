/* A clamp that passes NaN through: it returns x itself when x is not a number. */
double clamp_unit(double x)
{
	if (x != x)
		return x;
	if (x < 0.0)
		return 0.0;
	if (x > 1.0)
		return 1.0;
	return x;
}
