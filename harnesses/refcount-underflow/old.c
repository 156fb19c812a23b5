#include "../include/kern.h"

struct kobj {
	int refcount;
	int state;
	struct kobj *parent;
};

static int nr_released;

static void kobj_release(struct kobj *o)
{
	o->state = 0;
	nr_released++;
}

/* Drop a reference; release the object when the last one goes. */
int kobj_put(struct kobj *o)
{
	if (!o)
		return 0;
	o->refcount--;
	if (o->refcount == 0)
		kobj_release(o);
	return o->refcount;
}
