#include "skb.h"

#define OPT_HDR 2

/*
 * Read one type-length-value option at the front of a packet and consume it: type (1 byte),
 * length (1 byte), then `length` bytes of value whose last byte (the option's flags) is returned. The fix: the value
 * the header announces must be in the packet too.
 */
int opt_consume(struct sk_buff *skb)
{
	unsigned int olen, flags;

	if (!pskb_may_pull(skb, OPT_HDR))
		return -EINVAL;
	olen = skb->data[1];
	if (!olen)
		return 0;
	if (!pskb_may_pull(skb, OPT_HDR + olen))
		return -EINVAL;
	flags = skb->data[OPT_HDR + olen - 1];
	__skb_pull(skb, OPT_HDR + olen);
	return flags;
}
