#include <stdio.h>

/* How many of `want` bytes fit in what is left of a budget; says so when they do not all fit. */
unsigned int fit_bytes(unsigned int used, unsigned int budget, unsigned int want)
{
	unsigned int left = 0;

	if (used < budget)
		left = budget - used;
	if (want <= left)
		return want;
	printf("short by %u bytes\n", want - left);
	return left;
}
