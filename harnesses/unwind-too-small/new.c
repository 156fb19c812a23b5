#include "../include/kern.h"

/* Count set bits in a bitmap of n words. */
int bitmap_weight(const u32 *map, unsigned int n)
{
	int w = 0;
	unsigned int i;

	for (i = 0; i < n; i++)
		w += __builtin_popcount(map[i]);
	return w;
}
