#include "../include/kern.h"

/*
 * A patch that reshapes quota_check() but leaves its static helper alone: nr_bits() is the same in
 * both versions, so klp-verify proves the caller with one shared function for both versions' calls
 * to it (never inlined, so its loop needs no unwinding bound).
 * Mutant: the caller counts only the low byte (a different argument): unintended.
 */
static unsigned int nr_bits(unsigned long w)
{
	unsigned int n = 0;

	while (w) {
		n += w & 1;
		w >>= 1;
	}
	return n;
}

int quota_check(unsigned long flags, int limit)
{
	unsigned int used;
	int ret = -EINVAL;

	if (limit >= 0) {
		used = nr_bits(flags & 0xff);
		ret = used > (unsigned int)limit ? -ENOSPC : (int)(limit - used);
	}
	return ret;
}
