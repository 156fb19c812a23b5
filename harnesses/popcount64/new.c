#include "../include/kern.h"

/* Count the set bits of a 64-bit word: clear the lowest set bit until none is left. */
int popcount64(u64 w)
{
	int c = 0;

	while (w) {
		w &= w - 1;
		c++;
	}
	return c;
}
