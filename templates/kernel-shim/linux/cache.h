/* klp-verify: the kernel's cache.h; CBMC does not take GNU `a ?: b` as a constant (an alignment here). */
#include_next <linux/cache.h>
#ifndef KLP_SHIM_LINUX_CACHE_H
#define KLP_SHIM_LINUX_CACHE_H
#undef __cacheline_group_begin_aligned
#define __cacheline_group_begin_aligned(GROUP, ...)		\
	__cacheline_group_begin(GROUP)				\
	__aligned((__VA_ARGS__ + 0) ? (__VA_ARGS__ + 0) : SMP_CACHE_BYTES)
#undef __cacheline_group_end_aligned
#define __cacheline_group_end_aligned(GROUP, ...)		\
	__cacheline_group_end(GROUP) __aligned(sizeof(long));	\
	struct { } __cacheline_group_pad__##GROUP		\
	__aligned((__VA_ARGS__ + 0) ? (__VA_ARGS__ + 0) : SMP_CACHE_BYTES)
#endif
