#include <stdio.h>

/* How many of `want` bytes fit in what is left of a budget. */
unsigned int fit_bytes(unsigned int used, unsigned int budget, unsigned int want)
{
	unsigned int left = used < budget ? budget - used : 0;

	return want > left ? left : want;
}
