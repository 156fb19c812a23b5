#include <math.h>

/* The root of a length: NaN for a negative one. */
double root_len(double x)
{
	return sqrt(x);
}
