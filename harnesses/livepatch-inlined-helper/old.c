/* A static helper gcc inlines into both callers: the live patch replaces the callers. */
static int scale(int x)
{
	return (x & 0xff) * 3;
}

int rx_weight(int x)
{
	return scale(x) + 2;
}

int tx_weight(int x)
{
	return scale(x ^ 5) - 3;
}

int untouched(int x)
{
	return x - 9;
}
