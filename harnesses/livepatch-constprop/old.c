/* scale() is called with a varying factor once: gcc keeps one copy of it. */
static __attribute__((noinline)) unsigned int scale(unsigned int x, unsigned int k)
{
	return x * k + 7;
}

unsigned int use(unsigned int x)
{
	return scale(x, 3) + scale(x + 1, x & 3);
}
