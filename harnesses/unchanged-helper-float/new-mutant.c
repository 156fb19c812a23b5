#include "../include/kern.h"

/*
 * Floating point behind an unchanged helper: damp() (a loop of double multiplications, which
 * bit-precise float arithmetic makes slow to inline twice) is the same in both versions and becomes
 * one shared function; only the caller's shape changes.
 * Mutant: one more round (a different argument): unintended.
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
	int ret = -EINVAL;

	if (rounds >= 0 && rounds <= 1000) {
		double v = damp((double)raw, rounds + 1);

		ret = v <= 100.0 ? (v < 0.0 ? 0 : (int)v) : 100;
	}
	return ret;
}
