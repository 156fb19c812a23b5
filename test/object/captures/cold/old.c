/* A function whose unlikely path gcc splits off into f.cold (.text.unlikely.f); only that path changes. */
extern void slow(int) __attribute__((cold));
int f(int x) { if (__builtin_expect(x < 0, 0)) { slow(x); slow(x + 1); return -1; } return x * 2; }
