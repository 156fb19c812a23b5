/* Sum a buffer of len bytes, walking a pointer to its end. */
unsigned int csum_bytes(const unsigned char *buf, unsigned int len)
{
	const unsigned char *p = buf, *end = buf + len;
	unsigned int sum = 0;

	while (p + 1 < end)
		sum += *p++;
	return sum;
}
