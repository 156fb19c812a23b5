/*
 * klp-verify: the kernel's container_of.h. CBMC's _Generic does not look at pointee qualifiers, so
 * container_of_const() would turn a plain pointer into a const one; pick the type with
 * __builtin_types_compatible_p, which CBMC gets right.
 */
#include_next <linux/container_of.h>
#ifndef KLP_SHIM_LINUX_CONTAINER_OF_H
#define KLP_SHIM_LINUX_CONTAINER_OF_H
#undef container_of_const
#define container_of_const(ptr, type, member)						\
	((__typeof__(__builtin_choose_expr(							\
		__builtin_types_compatible_p(__typeof__(ptr), const __typeof__(*(ptr)) *),	\
		(const type *)0, (type *)0))) container_of(ptr, type, member))
#endif
