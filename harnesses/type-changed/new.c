#include "../include/kern.h"

struct conn {
	int state;
	int refs;
	int max_refs;
};

int conn_get(struct conn *c)
{
	if (c->state != 1)
		return -EINVAL;
	if (c->refs >= c->max_refs)
		return -EBUSY;
	c->refs++;
	return 0;
}
