#include "../include/kern.h"

int scale;

/* Scale a value; the multiplication can overflow in both versions. */
int scale_value(int v)
{
	if (v < 0)
		return -ERANGE;
	return v * scale;
}
