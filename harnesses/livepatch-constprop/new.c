/* Both calls now pass 3: gcc specialises scale() into scale.constprop.0. */
static __attribute__((noinline)) unsigned int scale(unsigned int x, unsigned int k)
{
	return x * k + 7;
}

unsigned int use(unsigned int x)
{
	return scale(x, 3) + scale(x + 1, 3);
}
