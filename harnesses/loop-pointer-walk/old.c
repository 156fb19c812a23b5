/* Sum a buffer of len bytes, indexing it. */
unsigned int csum_bytes(const unsigned char *buf, unsigned int len)
{
	unsigned int sum = 0;
	unsigned int i;

	for (i = 0; i < len; i++)
		sum += buf[i];
	return sum;
}
