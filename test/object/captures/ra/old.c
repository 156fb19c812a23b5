/* IPA-RA: with -O2 caller keeps b and c in %esi/%edx/%ecx across the calls, because callee writes only %eax. */
__attribute__((noinline)) int callee(int x) { return x + 1; }
int caller(int a, int b, int c) { return callee(a) * b + callee(c) * b + c; }
int other(int x) { return x * 2; }
