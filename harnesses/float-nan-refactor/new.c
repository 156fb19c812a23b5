/*
 * The same clamp without the explicit NaN test: a NaN fails both comparisons below, so x (the
 * NaN) is still what is returned.
 */
double clamp_unit(double x)
{
	if (x < 0.0)
		return 0.0;
	if (x > 1.0)
		return 1.0;
	return x;
}
