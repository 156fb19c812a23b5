// SPDX-License-Identifier: GPL-2.0
/*
 * foo: hardware access
 */
#include <linux/types.h>
#include <linux/errno.h>
#include "foo.h"

#define FOO_REG_CTRL		0
#define FOO_REG_RING		1

#define FOO_CTRL_RESET		0x1u
#define FOO_CTRL_ENABLE		0x2u

int foo_hw_setup(struct foo_dev *dev, unsigned int nr_desc)
{
	if (dev->regs[FOO_REG_CTRL] & FOO_CTRL_RESET)
		return -EBUSY;
	dev->regs[FOO_REG_RING] = nr_desc;
	dev->regs[FOO_REG_CTRL] |= FOO_CTRL_ENABLE;
	return 0;
}

void foo_hw_stop(struct foo_dev *dev)
{
	dev->regs[FOO_REG_CTRL] &= ~FOO_CTRL_ENABLE;
}
