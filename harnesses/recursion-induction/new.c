#include "../include/kern.h"

/* The sum of the decimal digits, recursively: the recursive call first, the test rewritten. */
unsigned int digit_sum(unsigned int n)
{
	unsigned int rest;

	if (n <= 9)
		return n;
	rest = digit_sum(n / 10);
	return rest + n % 10;
}
