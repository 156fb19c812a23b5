/* EqBench-style rename: the patch renames the struct tag; members and layout stay the same. */
struct oldV {
	unsigned int len;
	unsigned char flags;
};

unsigned int v_size(struct oldV *v)
{
	if (v->flags & 1)
		return v->len + 1;
	return v->len;
}
