#include "../include/kern.h"

/* Average of n samples, rounded down; n == 0 is rejected. */
int avg_samples(const int *s, unsigned int n)
{
	long sum = 0;
	unsigned int i;

	if (n == 0)
		return -EINVAL;
	for (i = 0; i < n; i++)
		sum += s[i];
	return (int)(sum / n);
}
