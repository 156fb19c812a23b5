double ext_wave(double x);
double scaled(double x)
{
	if (!(x > 0.0 && x < 1.0))
		return 0.0;
	return ext_wave(x);
}
