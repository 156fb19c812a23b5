#include "../include/kern.h"

struct conn {
	int state;
	int refs;
};

int conn_get(struct conn *c)
{
	if (c->state != 1)
		return -EINVAL;
	c->refs++;
	return 0;
}
