/* callee() reads its increment from a volatile table: the same value, through three more registers. */
__attribute__((noinline)) unsigned int callee(unsigned int x)
{
	volatile unsigned int step[4] = {0, 0, 0, 1};

	return x + step[0] + step[1] + step[2] + step[3];
}

unsigned int caller(unsigned int a, unsigned int b, unsigned int c)
{
	return callee(a) * b + callee(c) * b + c;
}
