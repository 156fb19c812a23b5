#include "../include/kern.h"

struct req { int id; u8 *buf; };

int req_check(struct req *r, u8 *buf);	/* in another file */

/* Allocate a scratch buffer, validate the request, keep the buffer on success. */
int req_setup(struct req *r, size_t len)
{
	u8 *buf;
	int err;

	buf = kmalloc(len, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	err = req_check(r, buf);
	if (err) {
		kfree(buf);
		return err;
	}
	r->buf = buf;
	return 0;
}
