/* The counter is widened: the static local changes type (and size). */
unsigned int next_seq(void)
{
	static unsigned int seq;

	return ++seq & 0xff;
}
