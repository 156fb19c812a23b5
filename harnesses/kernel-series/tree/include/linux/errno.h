/* SPDX-License-Identifier: GPL-2.0 */
/* The errno values the foo driver uses (values as in include/uapi/asm-generic/errno*.h). */
#ifndef _LINUX_ERRNO_H
#define _LINUX_ERRNO_H

#define EPERM		 1
#define EIO		 5
#define ENOMEM		12
#define EFAULT		14
#define EBUSY		16
#define EINVAL		22
#define EPROTO		71
#define EPROTONOSUPPORT	93
#define ENETDOWN	100

#endif /* _LINUX_ERRNO_H */
