// SPDX-License-Identifier: GPL-2.0
/*
 * foo: a small example network driver
 */
#include <linux/types.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/printk.h>
#include "foo.h"

struct foo_stats foo_stats;

int foo_rx(struct foo_dev *dev, const u8 *buf, size_t len)
{
	int err;

	if (!dev->up)
		return -ENETDOWN;
	err = foo_parse_frame(&dev->rx_frame, buf, len);
	if (err) {
		foo_stats.rx_errors++;
		return err;
	}
	foo_stats.rx_packets++;
	return dev->rx_frame.len;
}

int foo_set_mtu(struct foo_dev *dev, int new_mtu)
{
	if (new_mtu < FOO_MIN_MTU || new_mtu > FOO_MAX_MTU)
		return -EINVAL;
	dev->mtu = new_mtu;
	foo_stats.mtu_changes++;
	return 0;
}

int foo_ring_init(struct foo_dev *dev, unsigned int nr_desc)
{
	struct foo_desc *ring;
	int err;

	if (!nr_desc || nr_desc > FOO_RING_MAX)
		return -EINVAL;
	ring = kcalloc(nr_desc, sizeof(*ring), GFP_KERNEL);
	if (!ring)
		return -ENOMEM;
	err = foo_hw_setup(dev, nr_desc);
	if (err) {
		pr_err("foo: hardware setup failed: %d\n", err);
		return err;
	}
	dev->ring = ring;
	dev->ring_size = nr_desc;
	return 0;
}

void foo_ring_free(struct foo_dev *dev)
{
	foo_hw_stop(dev);
	kfree(dev->ring);
	dev->ring = NULL;
	dev->ring_size = 0;
}
