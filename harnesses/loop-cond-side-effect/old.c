/* Length of a 16-bit string, at most max: the pointer moves inside the loop's condition. */
unsigned long wstr_len(const unsigned short *w, unsigned long max)
{
	unsigned long n = 0;

	while (n < max && *w++ != 0)
		n++;
	return n;
}
