/* callee() is not inlined; under IPA-RA its callers may keep values in registers it does not write. */
__attribute__((noinline)) unsigned int callee(unsigned int x)
{
	return x + 1;
}

unsigned int caller(unsigned int a, unsigned int b, unsigned int c)
{
	return callee(a) * b + callee(c) * b + c;
}
