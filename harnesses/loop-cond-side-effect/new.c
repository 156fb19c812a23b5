/* The same length, indexing instead of moving the pointer. */
unsigned long wstr_len(const unsigned short *w, unsigned long max)
{
	unsigned long n = 0;

	while (n < max && w[n] != 0)
		n++;
	return n;
}
