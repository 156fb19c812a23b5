#include "../include/kern.h"

#define MSG_PAYLOAD 8

struct msg {
	u16 type;
	u16 len;
	u8 payload[MSG_PAYLOAD];
};

/* Copy a user-supplied payload into a message (CVE-style missing length check). */
int msg_fill(struct msg *m, const u8 *buf, size_t len)
{
	size_t i;

	if (m->type == 0)
		return -EINVAL;
	if (len > MSG_PAYLOAD)
		return -EINVAL;
	for (i = 0; i < len; i++)
		m->payload[i] = buf[i];
	m->len = len;
	return 0;
}
