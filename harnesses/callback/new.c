#include "../include/kern.h"

struct table { int n; int items[4]; };

/* Call fn on every item until it returns non-zero; return that value. */
int table_walk(struct table *t, int (*fn)(int item, void *ctx), void *ctx)
{
	int i;

	if (t->n < 0 || t->n > 4)
		return -EINVAL;
	for (i = 0; i < t->n; i++) {
		int ret = fn(t->items[i], ctx);

		if (ret)
			return ret;
	}
	return 0;
}
