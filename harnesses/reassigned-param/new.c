/*
 * After EqBench: the function reassigns its parameter (len &= 7) before it uses it, and a helper
 * has a local named like the device parameter. The report's inputs are what the harness passed.
 */
struct dev;

static int dev_ready(int flags)
{
	struct dev *dev = 0;

	return dev == 0 && (flags & 1);
}

int rd_len(struct dev *dev, int len, int flags)
{
	len = len & 7;
	if (!dev_ready(flags))
		return 0;
	return len > 6 ? len : 0;
}
