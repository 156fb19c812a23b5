/* The same sum, with the exit test moved into the body. */
unsigned int sum_below(unsigned int n)
{
	unsigned int s = 0, i = 0;

	while (1) {
		if (i >= n)
			break;
		s += i;
		i++;
	}
	return s;
}
