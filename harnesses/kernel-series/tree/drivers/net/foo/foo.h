/* SPDX-License-Identifier: GPL-2.0 */
/* foo: a small example network driver */
#ifndef _FOO_H
#define _FOO_H

#include <linux/types.h>

/* on-the-wire frame: type, flags, payload */
#define FOO_HDR_LEN		2
#define FOO_MAX_PAYLOAD		8

#define FOO_TYPE_DATA		1
#define FOO_TYPE_CTRL		2
#define FOO_TYPE_ECHO		3

#define FOO_QUEUE_DATA		0
#define FOO_QUEUE_CTRL		1

#define FOO_MIN_MTU		68
#define FOO_MAX_MTU		1500
#define FOO_RING_MAX		16

struct foo_frame {
	u8 type;
	u8 flags;
	u16 len;
	u8 payload[FOO_MAX_PAYLOAD];
};

struct foo_desc {
	u32 addr;
	u16 len;
	u16 flags;
};

struct foo_stats {
	unsigned long rx_packets;
	unsigned long rx_errors;
	unsigned long mtu_changes;
	unsigned long config_errors;
};

struct foo_dev {
	bool up;
	int mtu;
	struct foo_desc *ring;
	unsigned int ring_size;
	struct foo_frame rx_frame;
	u32 regs[4];
};

extern struct foo_stats foo_stats;

/* foo_parse.c */
int foo_parse_frame(struct foo_frame *f, const u8 *buf, size_t len);
int foo_frame_queue(u8 type);
u16 foo_csum(const u8 *data, size_t len);

/* foo_hw.c */
int foo_hw_setup(struct foo_dev *dev, unsigned int nr_desc);
void foo_hw_stop(struct foo_dev *dev);

/* foo_main.c */
int foo_rx(struct foo_dev *dev, const u8 *buf, size_t len);
int foo_set_mtu(struct foo_dev *dev, int new_mtu);
int foo_ring_init(struct foo_dev *dev, unsigned int nr_desc);
void foo_ring_free(struct foo_dev *dev);

#endif /* _FOO_H */
