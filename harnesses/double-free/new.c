#include "../include/kern.h"

struct frame { u8 *data; int len; };

int frame_parse(u8 *data, int len);	/* in another file */

/* Parse a frame into a fresh buffer; drop the buffer if parsing fails. */
int frame_load(struct frame *f, int len)
{
	u8 *data;
	int err;

	if (len <= 0 || len > 64)
		return -EINVAL;
	data = kmalloc(len, GFP_KERNEL);
	if (!data)
		return -ENOMEM;
	err = frame_parse(data, len);
	if (err < 0)
		goto fail;
	if (err == 0) {		/* "cleanup" added by the patch */
		kfree(data);
		goto fail;
	}
	f->data = data;
	f->len = len;
	return 0;
fail:
	kfree(data);
	return err ? err : -EIO;
}
