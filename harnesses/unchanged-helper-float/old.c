#include "../include/kern.h"

/*
 * Floating point behind an unchanged helper: damp() (a loop of double multiplications, which
 * bit-precise float arithmetic makes slow to inline twice) is the same in both versions and becomes
 * one shared function; only the caller's shape changes.
 */
static double damp(double x, int rounds)
{
	int i;

	for (i = 0; i < rounds; i++)
		x = x * 0.5 + 1.0;
	return x;
}

int rate_level(int raw, int rounds)
{
	double v;

	if (rounds < 0 || rounds > 1000)
		return -EINVAL;
	v = damp((double)raw, rounds);
	if (!(v <= 100.0))
		return 100;
	if (v < 0.0)
		return 0;
	return (int)v;
}
