/* Old version of a small file that exercises every reason and hazard of the object-level analysis. */
extern int puts(const char *);
extern void report(void);
extern int a1(int), a2(int), a3(int), a4(int), a5(int), a6(int);

int limit = 4;
static const int table[4] = { 1, 2, 3, 4 };

static int helper(int x) { return x * 3 + 1; }
int caller_a(int x) { return helper(x) + 2; }
int caller_b(int x) { return helper(x ^ 5) - 3; }

static __attribute__((noinline)) int scale(int x, int k) { return x * k + 7; }
int use(int x) { return scale(x, x & 3) + scale(x + 1, x & 1); }

void a(void) { puts("alpha"); }
void b(void) { puts("beta"); }

int lookup(int i) { return table[i & 3] + limit; }

int tick(void) { static int n; return ++n; }

int sw(int x, int y) {
  switch (x) {
  case 0: return a1(y); case 1: return a2(y + 1); case 2: return a3(y);
  case 3: return a4(y * 2); case 4: return a5(y); case 5: return a6(y - 1);
  default: return -1;
  }
}

int check(int v) {
  static int __already_done __attribute__((section(".data..once")));
  if (v < 0 && !__already_done) { __already_done = 1; report(); }
  return v;
}

__attribute__((section(".init.text"))) int setup(void) { return limit * 2; }

int where(void) { return __LINE__; }

struct conf { int a; int b; };
int conf_sum(struct conf *c) { return c->a + c->b; }
