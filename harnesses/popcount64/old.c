#include "../include/kern.h"

/* Count the set bits of a 64-bit word: test the low bit, shift it out. */
int popcount64(u64 w)
{
	int c = 0;

	while (w) {
		c += w & 1;
		w >>= 1;
	}
	return c;
}
