#include "../include/kern.h"

struct blob { u8 *data; int len; };

int blob_fill(struct blob *b, int len);	/* in another file */

/* Fill a blob and report how much was filled. */
int blob_load(struct blob *b, int want)
{
	int ret;

	if (want <= 0)
		return -EINVAL;
	ret = blob_fill(b, want);
	if (ret < 0)
		return ret;
	b->len = ret;
	return 0;
}
