/* The same sum, two bytes per iteration, then the odd byte left over. */
unsigned int sum_bytes(const unsigned char *buf, unsigned long len)
{
	unsigned int sum = 0;
	unsigned long i;

	for (i = 0; i + 1 < len; i += 2)
		sum += buf[i] + buf[i + 1];
	return sum;
}
