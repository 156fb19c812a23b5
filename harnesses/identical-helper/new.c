#include "../include/kern.h"

/*
 * The patch touched this file elsewhere (comments and layout only here): tally_bits() and
 * everything it reaches are token for token the same after preprocessing.
 */
#define TALLY_MASK 0xffffffffffffffffull

static unsigned int tally_word(u64 w)
{
	unsigned int n = 0;

	/* clear the lowest set bit until none is left */
	while (w)
	{
		w &= w - 1;
		n++;
	}
	return n;
}

unsigned long tally_bits(const u64 *words, size_t nr)
{
	unsigned long total = 0;
	size_t i;

	for (i = 0; i < nr; i++)   // one word at a time
		total += tally_word(words[i]
				    & TALLY_MASK);
	return total;
}
