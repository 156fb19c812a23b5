/* callee() adds a small sum: its loop runs in %rcx, %rdx and %rsi, registers it did not write before. */
__attribute__((noinline)) unsigned int callee(unsigned int x)
{
	unsigned int r = x + 1;

	for (unsigned int i = 0; i < (x & 3); i++)
		r += i * x;
	return r;
}

unsigned int caller(unsigned int a, unsigned int b, unsigned int c)
{
	return callee(a) * b + callee(c) * b + c;
}
