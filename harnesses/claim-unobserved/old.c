#include "../include/kern.h"

/* Clamp a requested queue depth. */
int set_depth(int depth)
{
	if (depth <= 0)
		return -EINVAL;
	if (depth > 1024)
		depth = 1024;
	return depth;
}
