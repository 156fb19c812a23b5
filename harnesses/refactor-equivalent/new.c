#include "../include/kern.h"

/* A refactor: the checksum loop moves into a static helper and the early-exit test changes shape. */
struct pkt {
	u8 count;
	u8 flags;
	u16 csum;
};

static unsigned int nr_checked;

static u16 sum_bytes(const u8 *data, size_t len)
{
	u16 sum = 0;

	while (len--)
		sum = (u16)(sum + *data++);
	return sum;
}

u16 pkt_csum(struct pkt *p, const u8 *data, size_t len)
{
	u16 count;

	if (!len)
		return 0;
	if (p->flags & 1)
		return 0;
	count = sum_bytes(data, len);
	p->csum = count;
	p->count += 1;
	nr_checked += 1;
	return count;
}
