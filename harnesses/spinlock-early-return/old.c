#include "../include/kern.h"

struct counter { spinlock_t lock; int val; int max; };

/* Increment under the lock, saturating at max. */
int counter_inc(struct counter *c)
{
	int ret;

	spin_lock(&c->lock);
	if (c->val >= c->max) {
		ret = -ERANGE;
		goto out;
	}
	c->val++;
	ret = c->val;
out:
	spin_unlock(&c->lock);
	return ret;
}
