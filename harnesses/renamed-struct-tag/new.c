/* EqBench-style rename: the patch renames the struct tag; members and layout stay the same. */
struct newV {
	unsigned int len;
	unsigned char flags;
};

unsigned int v_size(struct newV *v)
{
	unsigned int n = v->len;

	if (v->flags & 1)
		n++;
	return n;
}
