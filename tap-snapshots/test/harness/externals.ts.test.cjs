/* IMPORTANT
 * This snapshot file is auto-generated, but designed for humans.
 * It should be checked into source control and tracked carefully.
 * Re-generate by setting TAP_SNAPSHOT=1 and running tests.
 * Make sure to inspect the output below.  Do not ignore changes!
 */
'use strict'
exports[`test/harness/externals.ts > TAP > a world sized to the call sites: one call each, a log of three, one world object > sized runtime and kmalloc 1`] = `
/* the world outside the function: external calls (klp-verify stubs) */
static int klp_cur; /* 0 while old runs, 1 while new runs */
static int klp_nseq[2];
static int klp_seq_fn[2][3];
static int klp_seq_k[2][3];
static long long klp_seq_arg[2][3][3];
static long long klp_seq_ret[2][3];
static const unsigned char *klp_seq_blob[2][3];
static unsigned long klp_seq_bloblen[2][3];
static const void *klp_dyn[2][1];
static long long klp_held[2][6];
static long long klp_entry_held[2][6];
static char klp_rcu_lock;
void free(void *);
/* a floating-point value as logged: its bits (so -0.0 and 0.0 are different calls), every NaN one value */
static long long klp_fbits(double x) {
  union { double d; long long u; } b;
  if (x != x) return 0x7ff8000000000000LL;
  b.d = x;
  return b.u;
}
/* bytes readable behind a pointer an external function is given, at most cap (its call log keeps them);
   a dangling pointer is a valid argument (only its use is not), so asking about it is no finding */
static unsigned long klp_avail(const void *q, unsigned long cap) {
  unsigned long m;
#pragma CPROVER check push
#pragma CPROVER check disable "pointer-primitive"
  if (!q || !__CPROVER_r_ok(q, 1)) return 0;
  m = __CPROVER_OBJECT_SIZE(q) - __CPROVER_POINTER_OFFSET(q);
#pragma CPROVER check pop
  return m < cap ? m : cap;
}
/* kmalloc(): model alloc */
typedef size_t klp_x_kmalloc_p0_t;
typedef unsigned int klp_x_kmalloc_p1_t;
typedef void *klp_x_kmalloc_r_t;
static int klp_kmalloc_n[2];
static int klp_kmalloc_s[2][1];
static klp_x_kmalloc_r_t klp_kmalloc_ret[2][1];
static _Bool klp_kmalloc_fail[2][1];
static void *klp_kmalloc_proto[1];
klp_x_kmalloc_r_t kmalloc(klp_x_kmalloc_p0_t klp_a0, klp_x_kmalloc_p1_t klp_a1)
{
  int v = klp_cur;
  int k = klp_kmalloc_n[v];
  __CPROVER_assert(k < 1 && klp_nseq[v] < 3, "KLP_LIMIT external calls");
  __CPROVER_assume(k < 1 && klp_nseq[v] < 3);
  klp_kmalloc_n[v] = k + 1;
  int s = klp_nseq[v]++;
  klp_seq_fn[v][s] = 2;
  klp_seq_k[v][s] = k;
  klp_seq_arg[v][s][0] = (long long)klp_a0;
  klp_seq_arg[v][s][1] = (long long)klp_a1;
  klp_kmalloc_s[v][k] = s;
  _Bool match = v == 1 && k < klp_kmalloc_n[0] && klp_seq_arg[0][klp_kmalloc_s[0][k]][0] == klp_seq_arg[1][s][0] && klp_seq_arg[0][klp_kmalloc_s[0][k]][1] == klp_seq_arg[1][s][1];
  _Bool fail;
  if (match) fail = klp_kmalloc_fail[0][k];
  klp_kmalloc_fail[v][k] = fail;
  void *p = 0;
  if (!fail) {
    unsigned long n = (unsigned long)(klp_a0);
    p = __CPROVER_allocate(n, 0);
  if (match) memcpy(p, klp_kmalloc_proto[k], n);
  else if (v == 0) { klp_kmalloc_proto[k] = __CPROVER_allocate(n, 0); memcpy(klp_kmalloc_proto[k], p, n); }
    klp_dyn[v][0 + k] = p;
  }
  klp_kmalloc_ret[v][k] = (klp_x_kmalloc_r_t)p;
  klp_seq_ret[v][s] = (long long)klp_abs((const void *)(klp_x_kmalloc_r_t)p, v);
  return (klp_x_kmalloc_r_t)p;
}
`

exports[`test/harness/externals.ts > TAP > snapshots: the generated C of one stub of each kind > alloc, zeroed: kzalloc 1`] = `
/* kzalloc(): model alloc */
typedef size_t klp_x_kzalloc_p0_t;
typedef unsigned int klp_x_kzalloc_p1_t;
typedef void *klp_x_kzalloc_r_t;
static int klp_kzalloc_n[2];
static int klp_kzalloc_s[2][6];
static klp_x_kzalloc_r_t klp_kzalloc_ret[2][6];
static _Bool klp_kzalloc_fail[2][6];
static void *klp_kzalloc_proto[6];
klp_x_kzalloc_r_t kzalloc(klp_x_kzalloc_p0_t klp_a0, klp_x_kzalloc_p1_t klp_a1)
{
  int v = klp_cur;
  int k = klp_kzalloc_n[v];
  __CPROVER_assert(k < 6 && klp_nseq[v] < 16, "KLP_LIMIT external calls");
  __CPROVER_assume(k < 6 && klp_nseq[v] < 16);
  klp_kzalloc_n[v] = k + 1;
  int s = klp_nseq[v]++;
  klp_seq_fn[v][s] = 8;
  klp_seq_k[v][s] = k;
  klp_seq_arg[v][s][0] = (long long)klp_a0;
  klp_seq_arg[v][s][1] = (long long)klp_a1;
  klp_kzalloc_s[v][k] = s;
  _Bool match = v == 1 && k < klp_kzalloc_n[0] && klp_seq_arg[0][klp_kzalloc_s[0][k]][0] == klp_seq_arg[1][s][0] && klp_seq_arg[0][klp_kzalloc_s[0][k]][1] == klp_seq_arg[1][s][1];
  _Bool fail;
  if (match) fail = klp_kzalloc_fail[0][k];
  klp_kzalloc_fail[v][k] = fail;
  void *p = 0;
  if (!fail) {
    unsigned long n = (unsigned long)(klp_a0);
    p = __CPROVER_allocate(n, 1);
    klp_dyn[v][12 + k] = p;
  }
  klp_kzalloc_ret[v][k] = (klp_x_kzalloc_r_t)p;
  klp_seq_ret[v][s] = (long long)klp_abs((const void *)(klp_x_kzalloc_r_t)p, v);
  return (klp_x_kzalloc_r_t)p;
}

`

exports[`test/harness/externals.ts > TAP > snapshots: the generated C of one stub of each kind > alloc: kmalloc 1`] = `
/* kmalloc(): model alloc */
typedef size_t klp_x_kmalloc_p0_t;
typedef unsigned int klp_x_kmalloc_p1_t;
typedef void *klp_x_kmalloc_r_t;
static int klp_kmalloc_n[2];
static int klp_kmalloc_s[2][6];
static klp_x_kmalloc_r_t klp_kmalloc_ret[2][6];
static _Bool klp_kmalloc_fail[2][6];
static void *klp_kmalloc_proto[6];
klp_x_kmalloc_r_t kmalloc(klp_x_kmalloc_p0_t klp_a0, klp_x_kmalloc_p1_t klp_a1)
{
  int v = klp_cur;
  int k = klp_kmalloc_n[v];
  __CPROVER_assert(k < 6 && klp_nseq[v] < 16, "KLP_LIMIT external calls");
  __CPROVER_assume(k < 6 && klp_nseq[v] < 16);
  klp_kmalloc_n[v] = k + 1;
  int s = klp_nseq[v]++;
  klp_seq_fn[v][s] = 7;
  klp_seq_k[v][s] = k;
  klp_seq_arg[v][s][0] = (long long)klp_a0;
  klp_seq_arg[v][s][1] = (long long)klp_a1;
  klp_kmalloc_s[v][k] = s;
  _Bool match = v == 1 && k < klp_kmalloc_n[0] && klp_seq_arg[0][klp_kmalloc_s[0][k]][0] == klp_seq_arg[1][s][0] && klp_seq_arg[0][klp_kmalloc_s[0][k]][1] == klp_seq_arg[1][s][1];
  _Bool fail;
  if (match) fail = klp_kmalloc_fail[0][k];
  klp_kmalloc_fail[v][k] = fail;
  void *p = 0;
  if (!fail) {
    unsigned long n = (unsigned long)(klp_a0);
    p = __CPROVER_allocate(n, 0);
  if (match) memcpy(p, klp_kmalloc_proto[k], n);
  else if (v == 0) { klp_kmalloc_proto[k] = __CPROVER_allocate(n, 0); memcpy(klp_kmalloc_proto[k], p, n); }
    klp_dyn[v][6 + k] = p;
  }
  klp_kmalloc_ret[v][k] = (klp_x_kmalloc_r_t)p;
  klp_seq_ret[v][s] = (long long)klp_abs((const void *)(klp_x_kmalloc_r_t)p, v);
  return (klp_x_kmalloc_r_t)p;
}

`

exports[`test/harness/externals.ts > TAP > snapshots: the generated C of one stub of each kind > bug: BUG 1`] = `
/* BUG(): model bug */
typedef void klp_x_BUG_r_t;
static int klp_BUG_n[2];
static int klp_BUG_s[2][6];
void BUG(void)
{
  int v = klp_cur;
  int k = klp_BUG_n[v];
  __CPROVER_assert(k < 6 && klp_nseq[v] < 16, "KLP_LIMIT external calls");
  __CPROVER_assume(k < 6 && klp_nseq[v] < 16);
  klp_BUG_n[v] = k + 1;
  int s = klp_nseq[v]++;
  klp_seq_fn[v][s] = 1;
  klp_seq_k[v][s] = k;
  klp_BUG_s[v][k] = s;
  _Bool match = v == 1 && k < klp_BUG_n[0];
  __CPROVER_assert(0, "BUG() reached"); __CPROVER_assume(0);
}

`

exports[`test/harness/externals.ts > TAP > snapshots: the generated C of one stub of each kind > copy-in: copy_from_user 1`] = `
/* copy_from_user(): model copy-in */
typedef void *klp_x_copy_from_user_p0_t;
typedef const void *klp_x_copy_from_user_p1_t;
typedef unsigned long klp_x_copy_from_user_p2_t;
typedef unsigned long klp_x_copy_from_user_r_t;
static int klp_copy_from_user_n[2];
static int klp_copy_from_user_s[2][6];
static klp_x_copy_from_user_r_t klp_copy_from_user_ret[2][6];
static unsigned char *klp_copy_from_user_src[6];
klp_x_copy_from_user_r_t copy_from_user(klp_x_copy_from_user_p0_t klp_a0, klp_x_copy_from_user_p1_t klp_a1, klp_x_copy_from_user_p2_t klp_a2)
{
  int v = klp_cur;
  int k = klp_copy_from_user_n[v];
  __CPROVER_assert(k < 6 && klp_nseq[v] < 16, "KLP_LIMIT external calls");
  __CPROVER_assume(k < 6 && klp_nseq[v] < 16);
  klp_copy_from_user_n[v] = k + 1;
  int s = klp_nseq[v]++;
  klp_seq_fn[v][s] = 2;
  klp_seq_k[v][s] = k;
  klp_seq_arg[v][s][0] = klp_abs((const void *)klp_a0, v);
  klp_seq_arg[v][s][1] = klp_abs((const void *)klp_a1, v);
  klp_seq_arg[v][s][2] = (long long)klp_a2;
  klp_copy_from_user_s[v][k] = s;
  _Bool match = v == 1 && k < klp_copy_from_user_n[0] && klp_seq_arg[0][klp_copy_from_user_s[0][k]][0] == klp_seq_arg[1][s][0] && klp_seq_arg[0][klp_copy_from_user_s[0][k]][1] == klp_seq_arg[1][s][1] && klp_seq_arg[0][klp_copy_from_user_s[0][k]][2] == klp_seq_arg[1][s][2];
  unsigned long n = (unsigned long)(klp_a2);
  unsigned long left;
  if (match) left = (unsigned long)klp_copy_from_user_ret[0][k];
  __CPROVER_assume(left <= n);
  unsigned char *src;
  if (match) src = klp_copy_from_user_src[k];
  else { src = __CPROVER_allocate(n, 0); if (v == 0) klp_copy_from_user_src[k] = src; }
  if (n - left) memcpy((void *)(klp_a0), src, n - left);
  klp_copy_from_user_ret[v][k] = (klp_x_copy_from_user_r_t)left;
  klp_seq_ret[v][s] = (long long)(klp_x_copy_from_user_r_t)left;
  return (klp_x_copy_from_user_r_t)left;
}

`

exports[`test/harness/externals.ts > TAP > snapshots: the generated C of one stub of each kind > copy-out, void: copy_out_void 1`] = `
/* copy_out_void(): model copy-out */
typedef void *klp_x_copy_out_void_p0_t;
typedef const void *klp_x_copy_out_void_p1_t;
typedef unsigned long klp_x_copy_out_void_p2_t;
typedef void klp_x_copy_out_void_r_t;
static int klp_copy_out_void_n[2];
static int klp_copy_out_void_s[2][6];
void copy_out_void(klp_x_copy_out_void_p0_t klp_a0, klp_x_copy_out_void_p1_t klp_a1, klp_x_copy_out_void_p2_t klp_a2)
{
  int v = klp_cur;
  int k = klp_copy_out_void_n[v];
  __CPROVER_assert(k < 6 && klp_nseq[v] < 16, "KLP_LIMIT external calls");
  __CPROVER_assume(k < 6 && klp_nseq[v] < 16);
  klp_copy_out_void_n[v] = k + 1;
  int s = klp_nseq[v]++;
  klp_seq_fn[v][s] = 3;
  klp_seq_k[v][s] = k;
  klp_seq_arg[v][s][0] = klp_abs((const void *)klp_a0, v);
  klp_seq_arg[v][s][1] = klp_abs((const void *)klp_a1, v);
  klp_seq_arg[v][s][2] = (long long)klp_a2;
  klp_copy_out_void_s[v][k] = s;
  _Bool match = v == 1 && k < klp_copy_out_void_n[0] && klp_seq_arg[0][klp_copy_out_void_s[0][k]][0] == klp_seq_arg[1][s][0] && klp_seq_arg[0][klp_copy_out_void_s[0][k]][1] == klp_seq_arg[1][s][1] && klp_seq_arg[0][klp_copy_out_void_s[0][k]][2] == klp_seq_arg[1][s][2];
  unsigned long n = (unsigned long)(klp_a2);
  unsigned char *snap = __CPROVER_allocate(n, 0);
  if (n) memcpy(snap, (const void *)(klp_a1), n);
  klp_seq_blob[v][s] = snap;
  klp_seq_bloblen[v][s] = n;
}

`

exports[`test/harness/externals.ts > TAP > snapshots: the generated C of one stub of each kind > copy-out: copy_to_user 1`] = `
/* copy_to_user(): model copy-out */
typedef void *klp_x_copy_to_user_p0_t;
typedef const void *klp_x_copy_to_user_p1_t;
typedef unsigned long klp_x_copy_to_user_p2_t;
typedef unsigned long klp_x_copy_to_user_r_t;
static int klp_copy_to_user_n[2];
static int klp_copy_to_user_s[2][6];
static klp_x_copy_to_user_r_t klp_copy_to_user_ret[2][6];
klp_x_copy_to_user_r_t copy_to_user(klp_x_copy_to_user_p0_t klp_a0, klp_x_copy_to_user_p1_t klp_a1, klp_x_copy_to_user_p2_t klp_a2)
{
  int v = klp_cur;
  int k = klp_copy_to_user_n[v];
  __CPROVER_assert(k < 6 && klp_nseq[v] < 16, "KLP_LIMIT external calls");
  __CPROVER_assume(k < 6 && klp_nseq[v] < 16);
  klp_copy_to_user_n[v] = k + 1;
  int s = klp_nseq[v]++;
  klp_seq_fn[v][s] = 4;
  klp_seq_k[v][s] = k;
  klp_seq_arg[v][s][0] = klp_abs((const void *)klp_a0, v);
  klp_seq_arg[v][s][1] = klp_abs((const void *)klp_a1, v);
  klp_seq_arg[v][s][2] = (long long)klp_a2;
  klp_copy_to_user_s[v][k] = s;
  _Bool match = v == 1 && k < klp_copy_to_user_n[0] && klp_seq_arg[0][klp_copy_to_user_s[0][k]][0] == klp_seq_arg[1][s][0] && klp_seq_arg[0][klp_copy_to_user_s[0][k]][1] == klp_seq_arg[1][s][1] && klp_seq_arg[0][klp_copy_to_user_s[0][k]][2] == klp_seq_arg[1][s][2];
  unsigned long n = (unsigned long)(klp_a2);
  unsigned char *snap = __CPROVER_allocate(n, 0);
  if (n) memcpy(snap, (const void *)(klp_a1), n);
  klp_seq_blob[v][s] = snap;
  klp_seq_bloblen[v][s] = n;
  klp_x_copy_to_user_r_t left;
  if (match) left = klp_copy_to_user_ret[0][k];
  __CPROVER_assume(left >= 0 && (unsigned long)left <= n);
  klp_copy_to_user_ret[v][k] = left;
  klp_seq_ret[v][s] = (long long)left;
  return left;
}

`

exports[`test/harness/externals.ts > TAP > snapshots: the generated C of one stub of each kind > free: kfree 1`] = `
/* kfree(): model free */
typedef const void *klp_x_kfree_p0_t;
typedef void klp_x_kfree_r_t;
static int klp_kfree_n[2];
static int klp_kfree_s[2][6];
void kfree(klp_x_kfree_p0_t klp_a0)
{
  int v = klp_cur;
  int k = klp_kfree_n[v];
  __CPROVER_assert(k < 6 && klp_nseq[v] < 16, "KLP_LIMIT external calls");
  __CPROVER_assume(k < 6 && klp_nseq[v] < 16);
  klp_kfree_n[v] = k + 1;
  int s = klp_nseq[v]++;
  klp_seq_fn[v][s] = 6;
  klp_seq_k[v][s] = k;
  klp_seq_arg[v][s][0] = klp_abs((const void *)klp_a0, v);
  klp_kfree_s[v][k] = s;
  _Bool match = v == 1 && k < klp_kfree_n[0] && klp_seq_arg[0][klp_kfree_s[0][k]][0] == klp_seq_arg[1][s][0];
  if (klp_a0) free((void *)(klp_a0));
}

`

exports[`test/harness/externals.ts > TAP > snapshots: the generated C of one stub of each kind > lock balance checks 1`] = `
void klp_old_lock_balance(void)
{
  __CPROVER_assert(klp_held[0][0] == 0 || (klp_entry_held[0][0] == klp_held[0][0] || klp_entry_held[0][1] == klp_held[0][0] || klp_entry_held[0][2] == klp_held[0][0] || klp_entry_held[0][3] == klp_held[0][0] || klp_entry_held[0][4] == klp_held[0][0] || klp_entry_held[0][5] == klp_held[0][0]), "lock: returns with a lock held that was not held at entry");
  __CPROVER_assert(klp_held[0][1] == 0 || (klp_entry_held[0][0] == klp_held[0][1] || klp_entry_held[0][1] == klp_held[0][1] || klp_entry_held[0][2] == klp_held[0][1] || klp_entry_held[0][3] == klp_held[0][1] || klp_entry_held[0][4] == klp_held[0][1] || klp_entry_held[0][5] == klp_held[0][1]), "lock: returns with a lock held that was not held at entry");
  __CPROVER_assert(klp_held[0][2] == 0 || (klp_entry_held[0][0] == klp_held[0][2] || klp_entry_held[0][1] == klp_held[0][2] || klp_entry_held[0][2] == klp_held[0][2] || klp_entry_held[0][3] == klp_held[0][2] || klp_entry_held[0][4] == klp_held[0][2] || klp_entry_held[0][5] == klp_held[0][2]), "lock: returns with a lock held that was not held at entry");
  __CPROVER_assert(klp_held[0][3] == 0 || (klp_entry_held[0][0] == klp_held[0][3] || klp_entry_held[0][1] == klp_held[0][3] || klp_entry_held[0][2] == klp_held[0][3] || klp_entry_held[0][3] == klp_held[0][3] || klp_entry_held[0][4] == klp_held[0][3] || klp_entry_held[0][5] == klp_held[0][3]), "lock: returns with a lock held that was not held at entry");
  __CPROVER_assert(klp_held[0][4] == 0 || (klp_entry_held[0][0] == klp_held[0][4] || klp_entry_held[0][1] == klp_held[0][4] || klp_entry_held[0][2] == klp_held[0][4] || klp_entry_held[0][3] == klp_held[0][4] || klp_entry_held[0][4] == klp_held[0][4] || klp_entry_held[0][5] == klp_held[0][4]), "lock: returns with a lock held that was not held at entry");
  __CPROVER_assert(klp_held[0][5] == 0 || (klp_entry_held[0][0] == klp_held[0][5] || klp_entry_held[0][1] == klp_held[0][5] || klp_entry_held[0][2] == klp_held[0][5] || klp_entry_held[0][3] == klp_held[0][5] || klp_entry_held[0][4] == klp_held[0][5] || klp_entry_held[0][5] == klp_held[0][5]), "lock: returns with a lock held that was not held at entry");
  __CPROVER_assert(klp_entry_held[0][0] == 0 || klp_held[0][0] == klp_entry_held[0][0] || klp_held[0][1] == klp_entry_held[0][0] || klp_held[0][2] == klp_entry_held[0][0] || klp_held[0][3] == klp_entry_held[0][0] || klp_held[0][4] == klp_entry_held[0][0] || klp_held[0][5] == klp_entry_held[0][0], "lock: releases a lock its caller holds");
  __CPROVER_assert(klp_entry_held[0][1] == 0 || klp_held[0][0] == klp_entry_held[0][1] || klp_held[0][1] == klp_entry_held[0][1] || klp_held[0][2] == klp_entry_held[0][1] || klp_held[0][3] == klp_entry_held[0][1] || klp_held[0][4] == klp_entry_held[0][1] || klp_held[0][5] == klp_entry_held[0][1], "lock: releases a lock its caller holds");
  __CPROVER_assert(klp_entry_held[0][2] == 0 || klp_held[0][0] == klp_entry_held[0][2] || klp_held[0][1] == klp_entry_held[0][2] || klp_held[0][2] == klp_entry_held[0][2] || klp_held[0][3] == klp_entry_held[0][2] || klp_held[0][4] == klp_entry_held[0][2] || klp_held[0][5] == klp_entry_held[0][2], "lock: releases a lock its caller holds");
  __CPROVER_assert(klp_entry_held[0][3] == 0 || klp_held[0][0] == klp_entry_held[0][3] || klp_held[0][1] == klp_entry_held[0][3] || klp_held[0][2] == klp_entry_held[0][3] || klp_held[0][3] == klp_entry_held[0][3] || klp_held[0][4] == klp_entry_held[0][3] || klp_held[0][5] == klp_entry_held[0][3], "lock: releases a lock its caller holds");
  __CPROVER_assert(klp_entry_held[0][4] == 0 || klp_held[0][0] == klp_entry_held[0][4] || klp_held[0][1] == klp_entry_held[0][4] || klp_held[0][2] == klp_entry_held[0][4] || klp_held[0][3] == klp_entry_held[0][4] || klp_held[0][4] == klp_entry_held[0][4] || klp_held[0][5] == klp_entry_held[0][4], "lock: releases a lock its caller holds");
  __CPROVER_assert(klp_entry_held[0][5] == 0 || klp_held[0][0] == klp_entry_held[0][5] || klp_held[0][1] == klp_entry_held[0][5] || klp_held[0][2] == klp_entry_held[0][5] || klp_held[0][3] == klp_entry_held[0][5] || klp_held[0][4] == klp_entry_held[0][5] || klp_held[0][5] == klp_entry_held[0][5], "lock: releases a lock its caller holds");
}
void klp_new_lock_balance(void)
{
  __CPROVER_assert(klp_held[1][0] == 0 || (klp_entry_held[1][0] == klp_held[1][0] || klp_entry_held[1][1] == klp_held[1][0] || klp_entry_held[1][2] == klp_held[1][0] || klp_entry_held[1][3] == klp_held[1][0] || klp_entry_held[1][4] == klp_held[1][0] || klp_entry_held[1][5] == klp_held[1][0]), "lock: returns with a lock held that was not held at entry");
  __CPROVER_assert(klp_held[1][1] == 0 || (klp_entry_held[1][0] == klp_held[1][1] || klp_entry_held[1][1] == klp_held[1][1] || klp_entry_held[1][2] == klp_held[1][1] || klp_entry_held[1][3] == klp_held[1][1] || klp_entry_held[1][4] == klp_held[1][1] || klp_entry_held[1][5] == klp_held[1][1]), "lock: returns with a lock held that was not held at entry");
  __CPROVER_assert(klp_held[1][2] == 0 || (klp_entry_held[1][0] == klp_held[1][2] || klp_entry_held[1][1] == klp_held[1][2] || klp_entry_held[1][2] == klp_held[1][2] || klp_entry_held[1][3] == klp_held[1][2] || klp_entry_held[1][4] == klp_held[1][2] || klp_entry_held[1][5] == klp_held[1][2]), "lock: returns with a lock held that was not held at entry");
  __CPROVER_assert(klp_held[1][3] == 0 || (klp_entry_held[1][0] == klp_held[1][3] || klp_entry_held[1][1] == klp_held[1][3] || klp_entry_held[1][2] == klp_held[1][3] || klp_entry_held[1][3] == klp_held[1][3] || klp_entry_held[1][4] == klp_held[1][3] || klp_entry_held[1][5] == klp_held[1][3]), "lock: returns with a lock held that was not held at entry");
  __CPROVER_assert(klp_held[1][4] == 0 || (klp_entry_held[1][0] == klp_held[1][4] || klp_entry_held[1][1] == klp_held[1][4] || klp_entry_held[1][2] == klp_held[1][4] || klp_entry_held[1][3] == klp_held[1][4] || klp_entry_held[1][4] == klp_held[1][4] || klp_entry_held[1][5] == klp_held[1][4]), "lock: returns with a lock held that was not held at entry");
  __CPROVER_assert(klp_held[1][5] == 0 || (klp_entry_held[1][0] == klp_held[1][5] || klp_entry_held[1][1] == klp_held[1][5] || klp_entry_held[1][2] == klp_held[1][5] || klp_entry_held[1][3] == klp_held[1][5] || klp_entry_held[1][4] == klp_held[1][5] || klp_entry_held[1][5] == klp_held[1][5]), "lock: returns with a lock held that was not held at entry");
  __CPROVER_assert(klp_entry_held[1][0] == 0 || klp_held[1][0] == klp_entry_held[1][0] || klp_held[1][1] == klp_entry_held[1][0] || klp_held[1][2] == klp_entry_held[1][0] || klp_held[1][3] == klp_entry_held[1][0] || klp_held[1][4] == klp_entry_held[1][0] || klp_held[1][5] == klp_entry_held[1][0], "lock: releases a lock its caller holds");
  __CPROVER_assert(klp_entry_held[1][1] == 0 || klp_held[1][0] == klp_entry_held[1][1] || klp_held[1][1] == klp_entry_held[1][1] || klp_held[1][2] == klp_entry_held[1][1] || klp_held[1][3] == klp_entry_held[1][1] || klp_held[1][4] == klp_entry_held[1][1] || klp_held[1][5] == klp_entry_held[1][1], "lock: releases a lock its caller holds");
  __CPROVER_assert(klp_entry_held[1][2] == 0 || klp_held[1][0] == klp_entry_held[1][2] || klp_held[1][1] == klp_entry_held[1][2] || klp_held[1][2] == klp_entry_held[1][2] || klp_held[1][3] == klp_entry_held[1][2] || klp_held[1][4] == klp_entry_held[1][2] || klp_held[1][5] == klp_entry_held[1][2], "lock: releases a lock its caller holds");
  __CPROVER_assert(klp_entry_held[1][3] == 0 || klp_held[1][0] == klp_entry_held[1][3] || klp_held[1][1] == klp_entry_held[1][3] || klp_held[1][2] == klp_entry_held[1][3] || klp_held[1][3] == klp_entry_held[1][3] || klp_held[1][4] == klp_entry_held[1][3] || klp_held[1][5] == klp_entry_held[1][3], "lock: releases a lock its caller holds");
  __CPROVER_assert(klp_entry_held[1][4] == 0 || klp_held[1][0] == klp_entry_held[1][4] || klp_held[1][1] == klp_entry_held[1][4] || klp_held[1][2] == klp_entry_held[1][4] || klp_held[1][3] == klp_entry_held[1][4] || klp_held[1][4] == klp_entry_held[1][4] || klp_held[1][5] == klp_entry_held[1][4], "lock: releases a lock its caller holds");
  __CPROVER_assert(klp_entry_held[1][5] == 0 || klp_held[1][0] == klp_entry_held[1][5] || klp_held[1][1] == klp_entry_held[1][5] || klp_held[1][2] == klp_entry_held[1][5] || klp_held[1][3] == klp_entry_held[1][5] || klp_held[1][4] == klp_entry_held[1][5] || klp_held[1][5] == klp_entry_held[1][5], "lock: releases a lock its caller holds");
}
`

exports[`test/harness/externals.ts > TAP > snapshots: the generated C of one stub of each kind > lock: spin_lock 1`] = `
/* spin_lock(): model lock */
typedef spinlock_t *klp_x_spin_lock_p0_t;
typedef void klp_x_spin_lock_r_t;
static int klp_spin_lock_n[2];
static int klp_spin_lock_s[2][6];
void spin_lock(klp_x_spin_lock_p0_t klp_a0)
{
  int v = klp_cur;
  int k = klp_spin_lock_n[v];
  __CPROVER_assert(k < 6 && klp_nseq[v] < 16, "KLP_LIMIT external calls");
  __CPROVER_assume(k < 6 && klp_nseq[v] < 16);
  klp_spin_lock_n[v] = k + 1;
  int s = klp_nseq[v]++;
  klp_seq_fn[v][s] = 16;
  klp_seq_k[v][s] = k;
  klp_seq_arg[v][s][0] = klp_abs((const void *)klp_a0, v);
  klp_spin_lock_s[v][k] = s;
  _Bool match = v == 1 && k < klp_spin_lock_n[0] && klp_seq_arg[0][klp_spin_lock_s[0][k]][0] == klp_seq_arg[1][s][0];
  long long id = klp_abs((const void *)(klp_a0), v);
  __CPROVER_assert(id == 0 || (klp_held[v][0] == id || klp_held[v][1] == id || klp_held[v][2] == id || klp_held[v][3] == id || klp_held[v][4] == id || klp_held[v][5] == id) == 0, "lock: taking a lock that is already held (self-deadlock)");
  __CPROVER_assert(klp_held[v][0] == 0 || klp_held[v][1] == 0 || klp_held[v][2] == 0 || klp_held[v][3] == 0 || klp_held[v][4] == 0 || klp_held[v][5] == 0, "KLP_LIMIT locks held at once");
  if (klp_held[v][0] == 0) klp_held[v][0] = id;
  else if (klp_held[v][1] == 0) klp_held[v][1] = id;
  else if (klp_held[v][2] == 0) klp_held[v][2] = id;
  else if (klp_held[v][3] == 0) klp_held[v][3] = id;
  else if (klp_held[v][4] == 0) klp_held[v][4] = id;
  else if (klp_held[v][5] == 0) klp_held[v][5] = id;
}

`

exports[`test/harness/externals.ts > TAP > snapshots: the generated C of one stub of each kind > log, no arguments: rcu_read_lock 1`] = `
/* rcu_read_lock(): model log */
typedef void klp_x_rcu_read_lock_r_t;
static int klp_rcu_read_lock_n[2];
static int klp_rcu_read_lock_s[2][6];
void rcu_read_lock(void)
{
  int v = klp_cur;
  int k = klp_rcu_read_lock_n[v];
  __CPROVER_assert(k < 6 && klp_nseq[v] < 16, "KLP_LIMIT external calls");
  __CPROVER_assume(k < 6 && klp_nseq[v] < 16);
  klp_rcu_read_lock_n[v] = k + 1;
  int s = klp_nseq[v]++;
  klp_seq_fn[v][s] = 13;
  klp_seq_k[v][s] = k;
  klp_rcu_read_lock_s[v][k] = s;
  _Bool match = v == 1 && k < klp_rcu_read_lock_n[0];
}

`

exports[`test/harness/externals.ts > TAP > snapshots: the generated C of one stub of each kind > log, variadic: printk 1`] = `
/* printk(): model log */
typedef const char *klp_x_printk_p0_t;
typedef int klp_x_printk_r_t;
static int klp_printk_n[2];
static int klp_printk_s[2][6];
static klp_x_printk_r_t klp_printk_ret[2][6];
klp_x_printk_r_t printk(klp_x_printk_p0_t klp_a0, ...)
{
  int v = klp_cur;
  int k = klp_printk_n[v];
  __CPROVER_assert(k < 6 && klp_nseq[v] < 16, "KLP_LIMIT external calls");
  __CPROVER_assume(k < 6 && klp_nseq[v] < 16);
  klp_printk_n[v] = k + 1;
  int s = klp_nseq[v]++;
  klp_seq_fn[v][s] = 12;
  klp_seq_k[v][s] = k;
  klp_seq_arg[v][s][0] = klp_abs((const void *)klp_a0, v);
  klp_printk_s[v][k] = s;
  _Bool match = v == 1 && k < klp_printk_n[0] && klp_seq_arg[0][klp_printk_s[0][k]][0] == klp_seq_arg[1][s][0];
  klp_printk_ret[v][k] = (klp_x_printk_r_t)0;
  klp_seq_ret[v][s] = (long long)(klp_x_printk_r_t)0;
  return (klp_x_printk_r_t)0;
}

`

exports[`test/harness/externals.ts > TAP > snapshots: the generated C of one stub of each kind > runtime 1`] = `
/* the world outside the function: external calls (klp-verify stubs) */
static int klp_cur; /* 0 while old runs, 1 while new runs */
static int klp_nseq[2];
static int klp_seq_fn[2][16];
static int klp_seq_k[2][16];
static long long klp_seq_arg[2][16][4];
static long long klp_seq_ret[2][16];
static const unsigned char *klp_seq_blob[2][16];
static unsigned long klp_seq_bloblen[2][16];
static const void *klp_dyn[2][24];
static long long klp_held[2][6];
static long long klp_entry_held[2][6];
static char klp_rcu_lock;
void free(void *);
/* a floating-point value as logged: its bits (so -0.0 and 0.0 are different calls), every NaN one value */
static long long klp_fbits(double x) {
  union { double d; long long u; } b;
  if (x != x) return 0x7ff8000000000000LL;
  b.d = x;
  return b.u;
}
/* bytes readable behind a pointer an external function is given, at most cap (its call log keeps them);
   a dangling pointer is a valid argument (only its use is not), so asking about it is no finding */
static unsigned long klp_avail(const void *q, unsigned long cap) {
  unsigned long m;
#pragma CPROVER check push
#pragma CPROVER check disable "pointer-primitive"
  if (!q || !__CPROVER_r_ok(q, 1)) return 0;
  m = __CPROVER_OBJECT_SIZE(q) - __CPROVER_POINTER_OFFSET(q);
#pragma CPROVER check pop
  return m < cap ? m : cap;
}
`

exports[`test/harness/externals.ts > TAP > snapshots: the generated C of one stub of each kind > uninterpreted with out-parameters: blob_fill 1`] = `
/* blob_fill(): uninterpreted external function */
typedef struct req *klp_x_blob_fill_p0_t;
typedef unsigned char *klp_x_blob_fill_p1_t;
typedef int klp_x_blob_fill_p2_t;
typedef unsigned char *klp_x_blob_fill_p3_t;
typedef int klp_x_blob_fill_r_t;
static int klp_blob_fill_n[2];
static int klp_blob_fill_s[2][6];
static klp_x_blob_fill_r_t klp_blob_fill_ret[2][6];
static unsigned char klp_blob_fill_w1[6][64];
static unsigned char klp_blob_fill_w3[6][4];
klp_x_blob_fill_r_t blob_fill(klp_x_blob_fill_p0_t klp_a0, klp_x_blob_fill_p1_t klp_a1, klp_x_blob_fill_p2_t klp_a2, klp_x_blob_fill_p3_t klp_a3)
{
  int v = klp_cur;
  int k = klp_blob_fill_n[v];
  __CPROVER_assert(k < 6 && klp_nseq[v] < 16, "KLP_LIMIT external calls");
  __CPROVER_assume(k < 6 && klp_nseq[v] < 16);
  klp_blob_fill_n[v] = k + 1;
  int s = klp_nseq[v]++;
  klp_seq_fn[v][s] = 0;
  klp_seq_k[v][s] = k;
  klp_seq_arg[v][s][0] = klp_abs((const void *)klp_a0, v);
  klp_seq_arg[v][s][1] = klp_abs((const void *)klp_a1, v);
  klp_seq_arg[v][s][2] = (long long)klp_a2;
  klp_seq_arg[v][s][3] = klp_abs((const void *)klp_a3, v);
  klp_blob_fill_s[v][k] = s;
  _Bool match = v == 1 && k < klp_blob_fill_n[0] && klp_seq_arg[0][klp_blob_fill_s[0][k]][0] == klp_seq_arg[1][s][0] && klp_seq_arg[0][klp_blob_fill_s[0][k]][1] == klp_seq_arg[1][s][1] && klp_seq_arg[0][klp_blob_fill_s[0][k]][2] == klp_seq_arg[1][s][2] && klp_seq_arg[0][klp_blob_fill_s[0][k]][3] == klp_seq_arg[1][s][3];
  klp_x_blob_fill_r_t r;
  if (match) r = klp_blob_fill_ret[0][k];
  { unsigned char *snap = __CPROVER_allocate(195, 1); unsigned long at = 0;
    { const unsigned char *q = (const unsigned char *)klp_a0; unsigned long m = klp_avail(q, 64);
      snap[at++] = (unsigned char)m;
      unsigned long e = sizeof(__typeof__(*klp_a0)) < m ? sizeof(__typeof__(*klp_a0)) : m;
      if (m > e) memcpy(snap + at + e, q + e, m - e);
      if (m >= (unsigned long)(__builtin_offsetof(__typeof__(*klp_a0), id)) + sizeof(((__typeof__(*klp_a0) *)0)->id)) memcpy(snap + at + (__builtin_offsetof(__typeof__(*klp_a0), id)), q + (__builtin_offsetof(__typeof__(*klp_a0), id)), sizeof(((__typeof__(*klp_a0) *)0)->id));
      if (m >= (unsigned long)(__builtin_offsetof(__typeof__(*klp_a0), lock.raw)) + sizeof(((__typeof__(*klp_a0) *)0)->lock.raw)) memcpy(snap + at + (__builtin_offsetof(__typeof__(*klp_a0), lock.raw)), q + (__builtin_offsetof(__typeof__(*klp_a0), lock.raw)), sizeof(((__typeof__(*klp_a0) *)0)->lock.raw));
      if (m >= (unsigned long)(__builtin_offsetof(__typeof__(*klp_a0), lock2.raw)) + sizeof(((__typeof__(*klp_a0) *)0)->lock2.raw)) memcpy(snap + at + (__builtin_offsetof(__typeof__(*klp_a0), lock2.raw)), q + (__builtin_offsetof(__typeof__(*klp_a0), lock2.raw)), sizeof(((__typeof__(*klp_a0) *)0)->lock2.raw));
      if (m >= (unsigned long)(__builtin_offsetof(__typeof__(*klp_a0), buf)) + sizeof(void *)) { long long id = klp_abs(*(const void * const *)(q + (__builtin_offsetof(__typeof__(*klp_a0), buf))), v); memcpy(snap + at + (__builtin_offsetof(__typeof__(*klp_a0), buf)), &id, sizeof(void *)); }
      at += m; }
    { const unsigned char *q = (const unsigned char *)klp_a1; unsigned long m = klp_avail(q, 64);
      snap[at++] = (unsigned char)m;
      if (m) memcpy(snap + at, q, m);
      at += m; }
    { const unsigned char *q = (const unsigned char *)klp_a3; unsigned long m = klp_avail(q, 64);
      snap[at++] = (unsigned char)m;
      if (m) memcpy(snap + at, q, m);
      at += m; }
    klp_seq_blob[v][s] = snap; klp_seq_bloblen[v][s] = at; }
  { unsigned long n = (unsigned long)(klp_a2);
    __CPROVER_assert(n <= 64, "KLP_LIMIT out-parameter size");
    __CPROVER_assume(n <= 64);
    for (unsigned long j = 0; j < n; j++) { unsigned char b; if (match) b = klp_blob_fill_w1[k][j]; else if (v == 0) klp_blob_fill_w1[k][j] = b; ((unsigned char *)klp_a1)[j] = b; } }
  { unsigned long n = (unsigned long)(4);
    __CPROVER_assert(n <= 4, "KLP_LIMIT out-parameter size");
    __CPROVER_assume(n <= 4);
    for (unsigned long j = 0; j < n; j++) { unsigned char b; if (match) b = klp_blob_fill_w3[k][j]; else if (v == 0) klp_blob_fill_w3[k][j] = b; ((unsigned char *)klp_a3)[j] = b; } }
  klp_blob_fill_ret[v][k] = r;
  klp_seq_ret[v][s] = (long long)r;
  return r;
}

`

exports[`test/harness/externals.ts > TAP > snapshots: the generated C of one stub of each kind > uninterpreted, function pointer answer: ops_get 1`] = `
/* ops_get(): uninterpreted external function */
typedef int klp_x_ops_get_p0_t;
typedef int (*klp_x_ops_get_r_t)(int);
static int klp_ops_get_n[2];
static int klp_ops_get_s[2][6];
static klp_x_ops_get_r_t klp_ops_get_ret[2][6];
klp_x_ops_get_r_t ops_get(klp_x_ops_get_p0_t klp_a0)
{
  int v = klp_cur;
  int k = klp_ops_get_n[v];
  __CPROVER_assert(k < 6 && klp_nseq[v] < 16, "KLP_LIMIT external calls");
  __CPROVER_assume(k < 6 && klp_nseq[v] < 16);
  klp_ops_get_n[v] = k + 1;
  int s = klp_nseq[v]++;
  klp_seq_fn[v][s] = 10;
  klp_seq_k[v][s] = k;
  klp_seq_arg[v][s][0] = (long long)klp_a0;
  klp_ops_get_s[v][k] = s;
  _Bool match = v == 1 && k < klp_ops_get_n[0] && klp_seq_arg[0][klp_ops_get_s[0][k]][0] == klp_seq_arg[1][s][0];
  klp_x_ops_get_r_t r;
  if (match) r = klp_ops_get_ret[0][k];
  r = 0;
  klp_ops_get_ret[v][k] = r;
  klp_seq_ret[v][s] = (long long)klp_abs((const void *)r, v);
  return r;
}

`

exports[`test/harness/externals.ts > TAP > snapshots: the generated C of one stub of each kind > uninterpreted, scalar answer: req_check 1`] = `
/* req_check(): uninterpreted external function */
typedef struct req *klp_x_req_check_p0_t;
typedef unsigned char *klp_x_req_check_p1_t;
typedef int klp_x_req_check_r_t;
static int klp_req_check_n[2];
static int klp_req_check_s[2][6];
static klp_x_req_check_r_t klp_req_check_ret[2][6];
klp_x_req_check_r_t req_check(klp_x_req_check_p0_t klp_a0, klp_x_req_check_p1_t klp_a1)
{
  int v = klp_cur;
  int k = klp_req_check_n[v];
  __CPROVER_assert(k < 6 && klp_nseq[v] < 16, "KLP_LIMIT external calls");
  __CPROVER_assume(k < 6 && klp_nseq[v] < 16);
  klp_req_check_n[v] = k + 1;
  int s = klp_nseq[v]++;
  klp_seq_fn[v][s] = 14;
  klp_seq_k[v][s] = k;
  klp_seq_arg[v][s][0] = klp_abs((const void *)klp_a0, v);
  klp_seq_arg[v][s][1] = klp_abs((const void *)klp_a1, v);
  klp_req_check_s[v][k] = s;
  _Bool match = v == 1 && k < klp_req_check_n[0] && klp_seq_arg[0][klp_req_check_s[0][k]][0] == klp_seq_arg[1][s][0] && klp_seq_arg[0][klp_req_check_s[0][k]][1] == klp_seq_arg[1][s][1];
  klp_x_req_check_r_t r;
  if (match) r = klp_req_check_ret[0][k];
  { unsigned char *snap = __CPROVER_allocate(130, 1); unsigned long at = 0;
    { const unsigned char *q = (const unsigned char *)klp_a0; unsigned long m = klp_avail(q, 64);
      snap[at++] = (unsigned char)m;
      unsigned long e = sizeof(__typeof__(*klp_a0)) < m ? sizeof(__typeof__(*klp_a0)) : m;
      if (m > e) memcpy(snap + at + e, q + e, m - e);
      if (m >= (unsigned long)(__builtin_offsetof(__typeof__(*klp_a0), id)) + sizeof(((__typeof__(*klp_a0) *)0)->id)) memcpy(snap + at + (__builtin_offsetof(__typeof__(*klp_a0), id)), q + (__builtin_offsetof(__typeof__(*klp_a0), id)), sizeof(((__typeof__(*klp_a0) *)0)->id));
      if (m >= (unsigned long)(__builtin_offsetof(__typeof__(*klp_a0), lock.raw)) + sizeof(((__typeof__(*klp_a0) *)0)->lock.raw)) memcpy(snap + at + (__builtin_offsetof(__typeof__(*klp_a0), lock.raw)), q + (__builtin_offsetof(__typeof__(*klp_a0), lock.raw)), sizeof(((__typeof__(*klp_a0) *)0)->lock.raw));
      if (m >= (unsigned long)(__builtin_offsetof(__typeof__(*klp_a0), lock2.raw)) + sizeof(((__typeof__(*klp_a0) *)0)->lock2.raw)) memcpy(snap + at + (__builtin_offsetof(__typeof__(*klp_a0), lock2.raw)), q + (__builtin_offsetof(__typeof__(*klp_a0), lock2.raw)), sizeof(((__typeof__(*klp_a0) *)0)->lock2.raw));
      if (m >= (unsigned long)(__builtin_offsetof(__typeof__(*klp_a0), buf)) + sizeof(void *)) { long long id = klp_abs(*(const void * const *)(q + (__builtin_offsetof(__typeof__(*klp_a0), buf))), v); memcpy(snap + at + (__builtin_offsetof(__typeof__(*klp_a0), buf)), &id, sizeof(void *)); }
      at += m; }
    { const unsigned char *q = (const unsigned char *)klp_a1; unsigned long m = klp_avail(q, 64);
      snap[at++] = (unsigned char)m;
      if (m) memcpy(snap + at, q, m);
      at += m; }
    klp_seq_blob[v][s] = snap; klp_seq_bloblen[v][s] = at; }
  klp_req_check_ret[v][k] = r;
  klp_seq_ret[v][s] = (long long)r;
  return r;
}

`

exports[`test/harness/externals.ts > TAP > snapshots: the generated C of one stub of each kind > uninterpreted, struct answer: pair_get 1`] = `
/* pair_get(): uninterpreted external function */
typedef int klp_x_pair_get_p0_t;
typedef struct pair klp_x_pair_get_r_t;
static int klp_pair_get_n[2];
static int klp_pair_get_s[2][6];
static klp_x_pair_get_r_t klp_pair_get_ret[2][6];
klp_x_pair_get_r_t pair_get(klp_x_pair_get_p0_t klp_a0)
{
  int v = klp_cur;
  int k = klp_pair_get_n[v];
  __CPROVER_assert(k < 6 && klp_nseq[v] < 16, "KLP_LIMIT external calls");
  __CPROVER_assume(k < 6 && klp_nseq[v] < 16);
  klp_pair_get_n[v] = k + 1;
  int s = klp_nseq[v]++;
  klp_seq_fn[v][s] = 11;
  klp_seq_k[v][s] = k;
  klp_seq_arg[v][s][0] = (long long)klp_a0;
  klp_pair_get_s[v][k] = s;
  _Bool match = v == 1 && k < klp_pair_get_n[0] && klp_seq_arg[0][klp_pair_get_s[0][k]][0] == klp_seq_arg[1][s][0];
  klp_x_pair_get_r_t r;
  if (match) r = klp_pair_get_ret[0][k];
  klp_pair_get_ret[v][k] = r;
  return r;
}

`

exports[`test/harness/externals.ts > TAP > snapshots: the generated C of one stub of each kind > uninterpreted, struct pointer answer: req_find 1`] = `
/* req_find(): uninterpreted external function */
typedef int klp_x_req_find_p0_t;
typedef struct req *klp_x_req_find_r_t;
static int klp_req_find_n[2];
static int klp_req_find_s[2][6];
static klp_x_req_find_r_t klp_req_find_ret[2][6];
static _Bool klp_req_find_null[2][6];
static void *klp_req_find_proto[6];
klp_x_req_find_r_t req_find(klp_x_req_find_p0_t klp_a0)
{
  int v = klp_cur;
  int k = klp_req_find_n[v];
  __CPROVER_assert(k < 6 && klp_nseq[v] < 16, "KLP_LIMIT external calls");
  __CPROVER_assume(k < 6 && klp_nseq[v] < 16);
  klp_req_find_n[v] = k + 1;
  int s = klp_nseq[v]++;
  klp_seq_fn[v][s] = 15;
  klp_seq_k[v][s] = k;
  klp_seq_arg[v][s][0] = (long long)klp_a0;
  klp_req_find_s[v][k] = s;
  _Bool match = v == 1 && k < klp_req_find_n[0] && klp_seq_arg[0][klp_req_find_s[0][k]][0] == klp_seq_arg[1][s][0];
  klp_x_req_find_r_t r;
  if (match) r = klp_req_find_ret[0][k];
  _Bool nul;
  if (match) nul = klp_req_find_null[0][k];
  klp_req_find_null[v][k] = nul;
  r = nul ? 0 : (klp_x_req_find_r_t)__CPROVER_allocate(sizeof(*r), 0);
  if (!nul) {
    klp_dyn[v][18 + k] = r;
  if (match) memcpy((void *)r, klp_req_find_proto[k], sizeof(*r));
  else if (v == 0) { klp_req_find_proto[k] = __CPROVER_allocate(sizeof(*r), 0); memcpy(klp_req_find_proto[k], (const void *)r, sizeof(*r)); }
  }
  klp_req_find_ret[v][k] = r;
  klp_seq_ret[v][s] = (long long)klp_abs((const void *)r, v);
  return r;
}

`

exports[`test/harness/externals.ts > TAP > snapshots: the generated C of one stub of each kind > uninterpreted, void * answer: ctx_get 1`] = `
/* ctx_get(): uninterpreted external function */
typedef int klp_x_ctx_get_p0_t;
typedef void *klp_x_ctx_get_r_t;
static int klp_ctx_get_n[2];
static int klp_ctx_get_s[2][6];
static klp_x_ctx_get_r_t klp_ctx_get_ret[2][6];
static _Bool klp_ctx_get_null[2][6];
static void *klp_ctx_get_proto[6];
klp_x_ctx_get_r_t ctx_get(klp_x_ctx_get_p0_t klp_a0)
{
  int v = klp_cur;
  int k = klp_ctx_get_n[v];
  __CPROVER_assert(k < 6 && klp_nseq[v] < 16, "KLP_LIMIT external calls");
  __CPROVER_assume(k < 6 && klp_nseq[v] < 16);
  klp_ctx_get_n[v] = k + 1;
  int s = klp_nseq[v]++;
  klp_seq_fn[v][s] = 5;
  klp_seq_k[v][s] = k;
  klp_seq_arg[v][s][0] = (long long)klp_a0;
  klp_ctx_get_s[v][k] = s;
  _Bool match = v == 1 && k < klp_ctx_get_n[0] && klp_seq_arg[0][klp_ctx_get_s[0][k]][0] == klp_seq_arg[1][s][0];
  klp_x_ctx_get_r_t r;
  if (match) r = klp_ctx_get_ret[0][k];
  _Bool nul;
  if (match) nul = klp_ctx_get_null[0][k];
  klp_ctx_get_null[v][k] = nul;
  r = nul ? 0 : (klp_x_ctx_get_r_t)__CPROVER_allocate(64, 0);
  if (!nul) {
    klp_dyn[v][0 + k] = r;
  if (match) memcpy((void *)r, klp_ctx_get_proto[k], 64);
  else if (v == 0) { klp_ctx_get_proto[k] = __CPROVER_allocate(64, 0); memcpy(klp_ctx_get_proto[k], (const void *)r, 64); }
  }
  klp_ctx_get_ret[v][k] = r;
  klp_seq_ret[v][s] = (long long)klp_abs((const void *)r, v);
  return r;
}

`

exports[`test/harness/externals.ts > TAP > snapshots: the generated C of one stub of each kind > uninterpreted, void, struct and double arguments: notify 1`] = `
/* notify(): uninterpreted external function */
typedef struct pair klp_x_notify_p0_t;
typedef double klp_x_notify_p1_t;
typedef void klp_x_notify_r_t;
static int klp_notify_n[2];
static int klp_notify_s[2][6];
void notify(klp_x_notify_p0_t klp_a0, klp_x_notify_p1_t klp_a1)
{
  int v = klp_cur;
  int k = klp_notify_n[v];
  __CPROVER_assert(k < 6 && klp_nseq[v] < 16, "KLP_LIMIT external calls");
  __CPROVER_assume(k < 6 && klp_nseq[v] < 16);
  klp_notify_n[v] = k + 1;
  int s = klp_nseq[v]++;
  klp_seq_fn[v][s] = 9;
  klp_seq_k[v][s] = k;
  klp_seq_arg[v][s][0] = 0;
  klp_seq_arg[v][s][1] = klp_fbits((double)klp_a1);
  klp_notify_s[v][k] = s;
  _Bool match = v == 1 && k < klp_notify_n[0] && klp_seq_arg[0][klp_notify_s[0][k]][0] == klp_seq_arg[1][s][0] && klp_seq_arg[0][klp_notify_s[0][k]][1] == klp_seq_arg[1][s][1];
}

`

exports[`test/harness/externals.ts > TAP > snapshots: the generated C of one stub of each kind > unlock: spin_unlock 1`] = `
/* spin_unlock(): model unlock */
typedef spinlock_t *klp_x_spin_unlock_p0_t;
typedef void klp_x_spin_unlock_r_t;
static int klp_spin_unlock_n[2];
static int klp_spin_unlock_s[2][6];
void spin_unlock(klp_x_spin_unlock_p0_t klp_a0)
{
  int v = klp_cur;
  int k = klp_spin_unlock_n[v];
  __CPROVER_assert(k < 6 && klp_nseq[v] < 16, "KLP_LIMIT external calls");
  __CPROVER_assume(k < 6 && klp_nseq[v] < 16);
  klp_spin_unlock_n[v] = k + 1;
  int s = klp_nseq[v]++;
  klp_seq_fn[v][s] = 17;
  klp_seq_k[v][s] = k;
  klp_seq_arg[v][s][0] = klp_abs((const void *)klp_a0, v);
  klp_spin_unlock_s[v][k] = s;
  _Bool match = v == 1 && k < klp_spin_unlock_n[0] && klp_seq_arg[0][klp_spin_unlock_s[0][k]][0] == klp_seq_arg[1][s][0];
  long long id = klp_abs((const void *)(klp_a0), v);
  __CPROVER_assert((klp_held[v][0] == id || klp_held[v][1] == id || klp_held[v][2] == id || klp_held[v][3] == id || klp_held[v][4] == id || klp_held[v][5] == id) != 0, "lock: releasing a lock that is not held");
  if (klp_held[v][0] == id) klp_held[v][0] = 0;
  else if (klp_held[v][1] == id) klp_held[v][1] = 0;
  else if (klp_held[v][2] == id) klp_held[v][2] = 0;
  else if (klp_held[v][3] == id) klp_held[v][3] = 0;
  else if (klp_held[v][4] == id) klp_held[v][4] = 0;
  else if (klp_held[v][5] == id) klp_held[v][5] = 0;
}

`

exports[`test/harness/externals.ts > TAP > snapshots: the generated C of one stub of each kind > warn: WARN_ON 1`] = `
/* WARN_ON(): model warn */
typedef int klp_x_WARN_ON_p0_t;
typedef int klp_x_WARN_ON_r_t;
static int klp_WARN_ON_n[2];
static int klp_WARN_ON_s[2][6];
static klp_x_WARN_ON_r_t klp_WARN_ON_ret[2][6];
klp_x_WARN_ON_r_t WARN_ON(klp_x_WARN_ON_p0_t klp_a0)
{
  int v = klp_cur;
  int k = klp_WARN_ON_n[v];
  __CPROVER_assert(k < 6 && klp_nseq[v] < 16, "KLP_LIMIT external calls");
  __CPROVER_assume(k < 6 && klp_nseq[v] < 16);
  klp_WARN_ON_n[v] = k + 1;
  int s = klp_nseq[v]++;
  klp_seq_fn[v][s] = 18;
  klp_seq_k[v][s] = k;
  klp_seq_arg[v][s][0] = (long long)klp_a0;
  klp_WARN_ON_s[v][k] = s;
  _Bool match = v == 1 && k < klp_WARN_ON_n[0] && klp_seq_arg[0][klp_WARN_ON_s[0][k]][0] == klp_seq_arg[1][s][0];
  klp_WARN_ON_ret[v][k] = (klp_x_WARN_ON_r_t)(klp_a0);
  klp_seq_ret[v][s] = (long long)(klp_x_WARN_ON_r_t)(klp_a0);
  return (klp_x_WARN_ON_r_t)(klp_a0);
}
`
