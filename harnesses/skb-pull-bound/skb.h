/*
 * A minimal struct sk_buff laid out as Linux 6.12 lays it out on 64-bit (NET_SKBUFF_DATA_USES_OFFSET:
 * tail and end are offsets from head), with the header accessors the kernel defines inline in
 * include/linux/skbuff.h. klp-verify gives a struct sk_buff input a linear packet: head points at a
 * buffer, data into it after some headroom, len == tail - (data - head), data_len == 0.
 */
#ifndef SKB_PULL_BOUND_SKB_H
#define SKB_PULL_BOUND_SKB_H
#include "../include/kern.h"

typedef unsigned int sk_buff_data_t;

struct sk_buff {
	struct sk_buff *next, *prev;
	unsigned int len, data_len;
	u16 mac_len, hdr_len;
	u16 protocol;
	u16 transport_header, network_header, mac_header;
	sk_buff_data_t tail, end;
	unsigned char *head, *data;
	unsigned int truesize;
};

void *__pskb_pull_tail(struct sk_buff *skb, int delta);

static inline unsigned int skb_headlen(const struct sk_buff *skb)
{
	return skb->len - skb->data_len;
}

static inline bool pskb_may_pull(struct sk_buff *skb, unsigned int len)
{
	if (likely(len <= skb_headlen(skb)))
		return true;
	if (unlikely(len > skb->len))
		return false;
	return __pskb_pull_tail(skb, len - skb_headlen(skb)) != NULL;
}

static inline unsigned char *__skb_pull(struct sk_buff *skb, unsigned int len)
{
	skb->len -= len;
	return skb->data += len;
}

#endif
