#include "../include/kern.h"

/* The patch touched this file elsewhere; tally_bits() and what it reaches are unchanged. */
#define TALLY_MASK 0xffffffffffffffffull

static unsigned int tally_word(u64 w)
{
	unsigned int n = 0;

	while (w) {
		w &= w - 1;
		n++;
	}
	return n;
}

unsigned long tally_bits(const u64 *words, size_t nr)
{
	unsigned long total = 0;
	size_t i;

	for (i = 0; i < nr; i++)
		total += tally_word(words[i] & TALLY_MASK);
	return total;
}
