/* klp-verify: the kernel's compiler.h, then two macros CBMC cannot evaluate as the kernel means them. */
#include_next <linux/compiler.h>
#ifndef KLP_SHIM_LINUX_COMPILER_H
#define KLP_SHIM_LINUX_COMPILER_H
/* The kernel's null-pointer/sizeof trick is 1 in CBMC even for variables; CBMC's builtin is exact. */
#undef __is_constexpr
#define __is_constexpr(x) __builtin_constant_p(x)
/* CBMC has no __builtin_has_attribute; it only feeds build-time checks gcc has already made. */
#undef __annotated
#define __annotated(var, attr) (0)
#endif
