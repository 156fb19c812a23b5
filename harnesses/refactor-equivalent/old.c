#include "../include/kern.h"

/* A refactor: the checksum loop moves into a static helper and the early-exit test changes shape. */
struct pkt {
	u8 count;
	u8 flags;
	u16 csum;
};

static unsigned int nr_checked;

u16 pkt_csum(struct pkt *p, const u8 *data, size_t len)
{
	u16 sum = 0;
	size_t i;

	if (len == 0 || p->flags & 1)
		return 0;
	for (i = 0; i < len; i++)
		sum = (u16)(sum + data[i]);
	p->csum = sum;
	p->count++;
	nr_checked++;
	return sum;
}
