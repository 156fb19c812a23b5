/* Limit a length to the buffer size. */
int clamp_len(int len, int max)
{
	/* never more than max */
	return len > max ? max : len;
}
