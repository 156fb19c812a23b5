#include <math.h>

/* The root of a length, now of its magnitude: a negative length no longer gives NaN. */
double root_len(double x)
{
	return sqrt(fabs(x));
}
