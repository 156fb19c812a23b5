#include "../include/kern.h"

struct req {
	int prio;
	int id;
};

/* Hand out request ids; a static local remembers the last one. */
int req_assign_id(struct req *r)
{
	static int next_id;

	if (r->prio < 0)
		return -EINVAL;
	r->id = next_id;
	/* bug: the wrap-around mask was widened by mistake */
	next_id = (next_id + 1) & 0x1ffff;
	return 0;
}
