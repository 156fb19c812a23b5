#include "../include/kern.h"

/* The sum of the decimal digits, recursively: the recursive call first, the test rewritten.
 * Mutant: the recursive call skips a digit (a different argument): unintended. */
unsigned int digit_sum(unsigned int n)
{
	unsigned int rest;

	if (n <= 9)
		return n;
	rest = digit_sum(n / 100);
	return rest + n % 10;
}
