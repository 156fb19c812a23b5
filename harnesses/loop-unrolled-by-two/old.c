/* Sum the bytes of a buffer, one at a time. */
unsigned int sum_bytes(const unsigned char *buf, unsigned long len)
{
	unsigned int sum = 0;
	unsigned long i;

	for (i = 0; i < len; i++)
		sum += buf[i];
	return sum;
}
