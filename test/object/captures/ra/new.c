/* IPA-RA: the new callee writes %ecx and %edx, which the old caller kept values in. */
__attribute__((noinline)) int callee(int x) { int s = 0; for (int i = 0; i < x; i++) s += i * x; return s + 1; }
int caller(int a, int b, int c) { return callee(a) * b + callee(c) * b + c; }
int other(int x) { return x * 2; }
