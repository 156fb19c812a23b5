#include "../include/kern.h"

/* The sum of the decimal digits, recursively. */
unsigned int digit_sum(unsigned int n)
{
	if (n < 10)
		return n;
	return n % 10 + digit_sum(n / 10);
}
