/* HZ = 100: milliseconds to ticks, rounded up */
unsigned int ms_to_ticks(unsigned int ms)
{
	if (ms > 1000000)
		return 100000;
	return ms / 10 + (ms % 10 != 0);
}
