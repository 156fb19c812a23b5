#include "../include/kern.h"

struct buf { u8 *data; size_t len; };

int hw_read(u8 *dst, size_t len);

int fill_buf(struct buf *b)
{
	if (b->len == 0)
		return 0;
	return hw_read(b->data, b->len);
}
