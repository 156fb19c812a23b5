#include "../include/kern.h"

struct cfg { u32 flags; u32 timeout; u8 name[8]; };

/* ioctl helper: read a configuration from user space. */
long cfg_set(struct cfg *dst, const void __user *arg, unsigned long size)
{
	struct cfg tmp = { 0 };

	if (size < sizeof(u32))
		return -EINVAL;
	if (copy_from_user(&tmp, arg, min(size, sizeof(tmp))))
		return -EFAULT;
	*dst = tmp;
	return 0;
}
