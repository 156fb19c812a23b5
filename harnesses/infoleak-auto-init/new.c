#include "../include/kern.h"
void *memset(void *s, int c, size_t n);

struct link_info { u8 state; /* 3 bytes of padding */ u32 speed; u64 errors; };

/* Report a link's state to user space; the speed is only known while the link is up. */
long link_info_get(void __user *arg, bool up, u32 speed, u64 errors)
{
	struct link_info info;
	long ret;

	memset(&info, 0, sizeof(info));	/* neither the padding nor a down link's speed leaks stack bytes */
	info.state = up;
	if (up)
		info.speed = speed;
	info.errors = errors;
	ret = copy_to_user(arg, &info, sizeof(info)) ? -EFAULT : 0;
	return ret;
}
