/* Sum of 0 .. n-1 (wrapping), counting up in a for loop. */
unsigned int sum_below(unsigned int n)
{
	unsigned int s = 0, i;

	for (i = 0; i < n; i++)
		s += i;
	return s;
}
