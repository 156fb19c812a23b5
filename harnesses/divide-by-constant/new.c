/* HZ = 100: milliseconds to ticks, rounded up */
unsigned int ms_to_ticks(unsigned int ms)
{
	if (ms > 1000000)
		ms = 1000000;
	return (ms + 9) / 10;
}
