struct nl_hdr {
	unsigned short type;
	unsigned char flags;
	unsigned int len;
	const char *payload;
};

/* defined in another file */
int nl_send(const struct nl_hdr *h);

int send_ping(const char *payload, unsigned int len)
{
	struct nl_hdr h;

	h.type = 3;
	h.flags = 0;
	h.len = len;
	h.payload = payload;
	return nl_send(&h);
}
