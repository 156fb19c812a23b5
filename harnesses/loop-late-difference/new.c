/* The same sum, except that iteration 1000 adds 1 instead of 1000. */
unsigned int sum_below(unsigned int n)
{
	unsigned int s = 0, i;

	for (i = 0; i < n; i++)
		s += (i == 1000) ? 1 : i;
	return s;
}
