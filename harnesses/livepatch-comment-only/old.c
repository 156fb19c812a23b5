int clamp_len(int len, int max)
{
	return len > max ? max : len;
}
