// SPDX-License-Identifier: GPL-2.0
/*
 * foo: frame parsing and checksums
 */
#include <linux/types.h>
#include <linux/errno.h>
#include "foo.h"

static bool foo_type_valid(u8 type)
{
	return type >= FOO_TYPE_DATA && type <= FOO_TYPE_CTRL;
}

/**
 * foo_parse_frame - parse a received frame
 * @f: where to store the parsed frame
 * @buf: the frame as received, header first
 * @len: length of @buf in bytes
 *
 * Return: 0 on success, a negative errno otherwise.
 */
int foo_parse_frame(struct foo_frame *f, const u8 *buf, size_t len)
{
	size_t i, plen;

	if (len < FOO_HDR_LEN)
		return -EINVAL;
	if (!foo_type_valid(buf[0]))
		return -EPROTO;

	plen = len - FOO_HDR_LEN;
	for (i = 0; i < plen; i++)
		f->payload[i] = buf[FOO_HDR_LEN + i];
	f->type = buf[0];
	f->flags = buf[1];
	f->len = plen;
	return 0;
}

/* Map a frame type to the queue that delivers it. */
int foo_frame_queue(u8 type)
{
	if (!foo_type_valid(type))
		return -EPROTONOSUPPORT;
	return type == FOO_TYPE_CTRL ? FOO_QUEUE_CTRL : FOO_QUEUE_DATA;
}

/* 16-bit ones' complement checksum over @len bytes, big-endian words. */
u16 foo_csum(const u8 *data, size_t len)
{
	u32 sum = 0;
	size_t i;

	for (i = 0; i + 1 < len; i += 2)
		sum += (data[i] << 8) | data[i + 1];
	if (len & 1)
		sum += data[len - 1] << 8;
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (u16)~sum;
}
