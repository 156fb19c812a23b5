/* A sequence number kept in a static local. */
unsigned int next_seq(void)
{
	static unsigned char seq;

	return ++seq;
}
