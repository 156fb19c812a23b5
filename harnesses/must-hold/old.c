#include "../include/kern.h"

struct queue { spinlock_t lock; int n; int items[8]; };

/* Append an item. Caller holds q->lock (__must_hold(&q->lock)). */
int queue_push_locked(struct queue *q, int v)
{
	if (q->n < 0 || q->n >= 8)
		return -ENOSPC;
	q->items[q->n++] = v;
	return 0;
}
