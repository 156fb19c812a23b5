/* The same sum, kept negated: equal for every n, but the relation old.s == -new.t is not a candidate. */
unsigned int sum_below(unsigned int n)
{
	unsigned int t = 0, i;

	for (i = 0; i < n; i++)
		t -= i;
	return -t;
}
