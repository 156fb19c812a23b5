#include "../include/kern.h"

/* Count set bits in a bitmap of n words. */
int bitmap_weight(const u32 *map, unsigned int n)
{
	int w = 0;
	unsigned int i, b;

	for (i = 0; i < n; i++)
		for (b = 0; b < 32; b++)
			if (map[i] & (1u << b))
				w++;
	return w;
}
