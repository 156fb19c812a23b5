/**
 * Stubs for external functions: snapshots of the generated C per kind, and their behaviour proved
 * with the real cbmc. Each proof is a small C program: the generated runtime and stubs, a minimal
 * klp_abs (input objects of old ~ new by position, objects the world handed out by call), and a
 * driver `main2` that runs "old" calls (klp_cur = 0), then "new" calls (klp_cur = 1), then asserts.
 * A proof passes when exactly the expected properties fail: every other assertion, the stubs' own
 * checks and cbmc's standard checks hold.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import t from 'tap'
import { parseCbmcJson } from '../../src/cbmc/parse.js'
import type { Property } from '../../src/cbmc/types.js'
import { findExternals } from '../../src/extract/externals.js'
import { analyzeUnit } from '../../src/extract/unit.js'
import { ConfigError } from '../../src/errors.js'
import { ARG_EXPR_HINT } from '../../src/extract/validate-expr.js'
import { planExternals } from '../../src/harness/externals.js'
import { renderWorld } from '../../src/harness/render.js'
import { DYN_BASE, MAX_BLOB, MAX_CALLS, MAX_LOCKS, MAX_SEQ } from '../../src/model/names.js'
import type { ExternalStub, ModelSpec } from '../../src/model/types.js'
import { handsOutObjects, worldSize } from '../../src/model/world.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const CBMC = path.join(ROOT, '.klp-tools/bin/cbmc')
const MISSING = `CBMC is missing at ${CBMC}: run \`npm install\` (its postinstall provisions .klp-tools/bin/cbmc)`

/** The world's declarations, as the code under proof would see them. */
const WORLD = `
typedef unsigned long size_t;
typedef struct { int raw; } spinlock_t;
struct req { int id; spinlock_t lock; spinlock_t lock2; unsigned char *buf; };
struct pair { int a, b; };
struct hidden;
void *kmalloc(size_t size, unsigned int flags);
void *kzalloc(size_t size, unsigned int flags);
void *kcalloc(size_t n, size_t size, unsigned int flags);
void kfree(const void *p);
int kfree_ret(void *p);
void spin_lock(spinlock_t *lock);
void spin_unlock(spinlock_t *lock);
int lock_ret(spinlock_t *lock);
void rcu_read_lock(void);
void rcu_read_unlock(void);
unsigned long copy_from_user(void *to, const void *from, unsigned long n);
unsigned long copy_to_user(void *to, const void *from, unsigned long n);
void copy_out_void(void *to, const void *from, unsigned long n);
int printk(const char *fmt, ...);
void log_void(int level);
int WARN_ON(int condition);
void warn_void(int condition);
void BUG(void);
int bug_ret(int);
int req_check(struct req *r, unsigned char *buf);
struct req *req_find(int id);
void *ctx_get(int);
struct hidden *hidden_get(void);
int (*ops_get(int))(int);
void notify(struct pair p, double d);
int blob_fill(struct req *r, unsigned char *out, int len, unsigned char *out2);
struct pair pair_get(int);
void *alloc_plain(size_t);
void alloc_void(size_t);
unsigned long copy_in_plain(void *to, const void *from, unsigned long n);
int warn_plain(int);
`

/** The models of templates/models/kernel.yaml, plus one of each kind with the other return shape. */
const MODELS: Record<string, ModelSpec> = {
  kmalloc: { kind: 'alloc', size: 'arg0' },
  kzalloc: { kind: 'alloc', size: 'arg0', zero: true },
  kcalloc: { kind: 'alloc', size: 'arg0 * arg1', zero: true },
  kfree: { kind: 'free', ptr: 'arg0' },
  kfree_ret: { kind: 'free' },
  spin_lock: { kind: 'lock', lock: 'arg0' },
  spin_unlock: { kind: 'unlock', lock: 'arg0' },
  lock_ret: { kind: 'lock' },
  // RCU read-side sections nest: logged, as templates/models/kernel.yaml has them (a model's
  // expressions name the call's arguments only, never the harness's own objects)
  rcu_read_lock: { kind: 'log' },
  rcu_read_unlock: { kind: 'log' },
  copy_from_user: { kind: 'copy-in', to: 'arg0', size: 'arg2' },
  copy_to_user: { kind: 'copy-out', from: 'arg1', size: 'arg2' },
  copy_out_void: { kind: 'copy-out' },
  printk: { kind: 'log' },
  log_void: { kind: 'log' },
  WARN_ON: { kind: 'warn', value: 'arg0' },
  warn_void: { kind: 'warn' },
  BUG: { kind: 'bug' },
  bug_ret: { kind: 'bug' },
  // models that leave their expressions to the defaults (and one alloc-like that returns nothing)
  alloc_plain: { kind: 'alloc' },
  alloc_void: { kind: 'alloc' },
  copy_in_plain: { kind: 'copy-in' },
  warn_plain: { kind: 'warn' },
}
/** Spec out-parameters: blob_fill() writes len bytes through out and 4 through out2. */
const WRITES: Record<string, ExternalStub['writes']> = { blob_fill: [{ arg: 1, size: 'arg2' }, { arg: 3, size: '4' }] }

/**
 * Stubs for the named world functions, from the prototypes above (the way extract finds them). The
 * driver below calls them: without `sized`, as often as the largest world allows (the code's own
 * call sites are dropped); with it, sized to `klp_use`'s call sites, one call each.
 */
async function stubsFor(names: readonly string[], sized = false): Promise<ExternalStub[]> {
  const u = await analyzeUnit(`${WORLD}\nvoid klp_use(void) { ${names.map(n => `${n}();`).join(' ')} }`)
  const { externals, unsupported } = findExternals(u, u, 'klp_use')
  if (unsupported.length) throw new Error(`not in WORLD: ${unsupported.join(', ')}`)
  return externals.map(({ maxCalls, ...fn }) => ({ fn: sized ? { ...fn, maxCalls } : fn, model: MODELS[fn.name], writes: WRITES[fn.name] }))
}

const lines = (text: string) => (text ? text.replace(/\n$/, '').split('\n') : [])

/** The world's plan and its C as the harness prints it: the shared state's lines, then the stubs' lines. */
function world(stubs: readonly ExternalStub[], native = false) {
  const plan = planExternals(stubs, native)
  const text = renderWorld(plan)
  return { ...plan, runtime: lines(text.runtime), stubs: lines(text.stubs) }
}
type ExternalsPlan = ReturnType<typeof world>

/** The stub of one function, cut out of the plan's C (each starts with its `/* name(): … *\/` comment). */
function stubText(plan: ExternalsPlan, name: string): string {
  const text = plan.stubs.join('\n')
  const start = text.indexOf(`/* ${name}(): `)
  const next = text.slice(start + 1).search(/\/\* \w+\(\): |\nvoid klp_old_lock_balance/)
  return next < 0 ? text.slice(start) : text.slice(start, start + 1 + next)
}

// --- proofs with the real cbmc ---------------------------------------------------------------------

/** Input objects: the harness gives each version its own, and klp_abs maps the k-th of old to the k-th of new. */
const INPUTS = ['req', 'buf', 'user']

function program(plan: ExternalsPlan, driver: string): string {
  const abs = [
    'static long long klp_abs(const void *q, int v)',
    '{',
    '  if (q == 0) return 0;',
    ...INPUTS.map((o, i) => `  if (__CPROVER_same_object(q, v ? (const void *)&klp_new_${o} : (const void *)&klp_old_${o})) return ${i + 1}LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);`),
    ...plan.dynamic.map(d => `  if (klp_dyn[v][${d.slot}] && __CPROVER_same_object(q, klp_dyn[v][${d.slot}])) return ${d.id}LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);`),
    '  if (__CPROVER_same_object(q, &klp_rcu_lock)) return -3LL * 4294967296LL;',
    '  return -1;',
    '}',
  ]
  return [
    WORLD,
    ...plan.runtime,
    'static struct req klp_old_req, klp_new_req;',
    'static unsigned char klp_old_buf[16], klp_new_buf[16], klp_old_user[16], klp_new_user[16];',
    ...abs,
    ...plan.stubs,
    'void main2(void)',
    '{',
    driver,
    '}',
  ].join('\n')
}

/** Run cbmc on the program; its properties, or an error with cbmc's own messages. */
function prove(dir: string, c: string, args: readonly string[] = []): readonly Property[] {
  if (!existsSync(CBMC)) throw new Error(MISSING)
  const file = path.join(dir, 'world.c')
  writeFileSync(file, c)
  const r = spawnSync(CBMC, [file, '--function', 'main2', '--no-malloc-may-fail', ...args, '--json-ui'], { encoding: 'utf8', maxBuffer: 1 << 28 })
  const parsed = parseCbmcJson(r.stdout)
  if (!parsed.ok || !parsed.properties) {
    const errors = parsed.ok ? parsed.messages.filter(m => m.type === 'ERROR').map(m => m.text).join('; ') : parsed.reason
    throw new Error(`cbmc did not verify ${file} (exit ${r.status}): ${errors} ${r.stderr.slice(0, 500)}`)
  }
  return parsed.properties
}

/** The plan's unwindset, with every other loop bounded at 1 (cut short, with an unwinding assertion). */
const unwindArgs = (plan: ExternalsPlan) => ['--unwind', '1', '--unwinding-assertions', '--unwindset', plan.unwindset.map(u => `${u.loop}:${u.bound}`).join(',')]

/** Descriptions of the failed properties, once each, sorted. */
const failures = (props: readonly Property[]) => [...new Set(props.filter(p => p.status === 'FAILURE').map(p => p.description))].sort()

const LIMIT = 'KLP_LIMIT external calls'
const END = 'T: the end is reachable'
const DEADLOCK = 'lock: taking a lock that is already held (self-deadlock)'
const NOT_HELD = 'lock: releasing a lock that is not held'
const HELD = 'lock: returns with a lock held that was not held at entry'

interface Proof {
  readonly what: string
  readonly world: readonly string[]
  /** The driver; `IDX(f)` is replaced by f's callee id, `SLOT(f)` by the klp_dyn slot of its first object. */
  readonly driver: string
  /** Descriptions of the properties that must fail (every other one must hold). */
  readonly fail: readonly string[]
  readonly unwind?: boolean
}

const PROOFS: Proof[] = [
  {
    what: 'replay: a matching call in new gets old\'s answer; other calls get free answers',
    world: ['req_check', 'printk'],
    driver: `
  klp_cur = 0;
  int a0 = req_check(&klp_old_req, klp_old_buf);
  int b0 = req_check(&klp_old_req, klp_old_buf + 1);
  int c0 = req_check(0, 0);
  klp_cur = 1;
  printk("another callee first");
  int a1 = req_check(&klp_new_req, klp_new_buf);
  int b1 = req_check(&klp_new_req, klp_new_buf + 2);
  int c1 = req_check(0, 0);
  int d1 = req_check(0, 0);
  __CPROVER_assert(a0 == a1, "T: the same arguments (pointers as object+offset) get the same answer");
  __CPROVER_assert(c0 == c1, "T: the k-th call of a callee matches its k-th call in old");
  __CPROVER_assert(b0 == b1, "T: other arguments may get another answer");
  __CPROVER_assert(d1 == c0, "T: a call old did not make gets a free answer");
  __CPROVER_assert(a0 == 0, "T: the answer is free");
  __CPROVER_assert(0, "${END}");`,
    fail: ['T: a call old did not make gets a free answer', 'T: other arguments may get another answer', 'T: the answer is free', END],
  },
  {
    what: 'the call log: callee, its call count, arguments and answer, per version in order',
    world: ['req_check', 'printk', 'WARN_ON'],
    driver: `
  klp_cur = 0;
  int r0 = req_check(&klp_old_req, klp_old_buf + 3);
  printk("%d", 1);
  int w0 = WARN_ON(7);
  int r0b = req_check(0, klp_old_user);
  klp_cur = 1;
  req_check(0, 0);
  __CPROVER_assert(klp_nseq[0] == 4 && klp_nseq[1] == 1, "T: calls are counted per version");
  __CPROVER_assert(klp_seq_fn[0][0] == IDX(req_check) && klp_seq_fn[0][1] == IDX(printk) && klp_seq_fn[0][2] == IDX(WARN_ON) && klp_seq_fn[0][3] == IDX(req_check), "T: callee ids in call order");
  __CPROVER_assert(klp_seq_k[0][0] == 0 && klp_seq_k[0][1] == 0 && klp_seq_k[0][3] == 1 && klp_seq_k[1][0] == 0, "T: k counts the calls of each callee");
  __CPROVER_assert(klp_seq_arg[0][0][0] == 4294967296LL && klp_seq_arg[0][0][1] == 2 * 4294967296LL + 3 && klp_seq_arg[0][3][1] == 3 * 4294967296LL, "T: pointer arguments are logged as object and offset");
  __CPROVER_assert(klp_seq_arg[0][2][0] == 7 && klp_seq_ret[0][2] == 7 && w0 == 7, "T: scalar arguments and answers are logged as they are");
  __CPROVER_assert(klp_seq_arg[1][0][0] == 0 && klp_seq_arg[1][0][1] == 0 && klp_seq_arg[0][3][0] == 0, "T: NULL is 0");
  __CPROVER_assert(klp_seq_ret[0][0] == r0 && klp_seq_ret[0][3] == r0b && klp_seq_ret[0][1] == 0, "T: answers are logged");
  __CPROVER_assert(0, "${END}");`,
    fail: [END],
  },
  {
    what: 'alloc: failure and bytes replayed for a matching call, fresh objects of the size asked for',
    world: ['kmalloc'],
    driver: `
  klp_cur = 0;
  unsigned char *p0 = kmalloc(16, 0);
  unsigned char *q0 = kmalloc(16, 0);
  klp_cur = 1;
  unsigned char *p1 = kmalloc(16, 0);
  unsigned char *q1 = kmalloc(32, 0);
  __CPROVER_assert((p0 == 0) == (p1 == 0), "T: failure is replayed");
  __CPROVER_assert(p0 != 0, "T: an allocation may fail");
  __CPROVER_assert(p0 == 0, "T: an allocation may succeed");
  __CPROVER_assert(!p0 || (p0 != p1 && p0[0] == p1[0] && p0[15] == p1[15]), "T: a matching call gets another object with the same bytes");
  __CPROVER_assert(!p0 || __CPROVER_OBJECT_SIZE(p0) == 16, "T: of the size asked for");
  __CPROVER_assert(!p0 || (klp_abs(p0, 0) == klp_abs(p1, 1) && klp_abs(p0, 0) == (1000LL + IDX(kmalloc) * ${MAX_CALLS}) * 4294967296LL && klp_seq_ret[0][0] == klp_seq_ret[1][0]), "T: the same world object in both versions");
  __CPROVER_assert(!p0 || p0[0] == 0, "T: the bytes are not known");
  __CPROVER_assert((q0 == 0) == (q1 == 0), "T: another size: failure is not replayed");
  __CPROVER_assert(!q0 || !q1 || q0[0] == q1[0], "T: another size: other bytes");
  if (p1) { p1[0] = 1; p1[15] = 2; }
  __CPROVER_assert(0, "${END}");`,
    fail: ['T: an allocation may fail', 'T: an allocation may succeed', 'T: another size: failure is not replayed', 'T: another size: other bytes', 'T: the bytes are not known', END],
  },
  {
    what: 'zeroed alloc: the bytes are 0; sizes may be expressions over the arguments',
    world: ['kzalloc', 'kcalloc'],
    driver: `
  klp_cur = 0;
  unsigned char *p = kzalloc(8, 0);
  int *a = kcalloc(3, sizeof(int), 0);
  __CPROVER_assert(!p || (p[0] == 0 && p[7] == 0 && __CPROVER_OBJECT_SIZE(p) == 8), "T: zeroed");
  __CPROVER_assert(!a || (a[0] == 0 && a[2] == 0 && __CPROVER_OBJECT_SIZE(a) == 3 * sizeof(int)), "T: kcalloc: n * size bytes, zeroed");
  __CPROVER_assert(p != 0, "T: may fail");
  __CPROVER_assert(0, "${END}");`,
    fail: ['T: may fail', END],
  },
  {
    what: 'free: an allocated object or NULL',
    world: ['kmalloc', 'kfree', 'kfree_ret'],
    driver: `
  klp_cur = 0;
  void *p = kmalloc(4, 0);
  kfree(p);
  kfree(0);
  __CPROVER_assert(kfree_ret(kmalloc(2, 0)) == 0, "T: a free-like function that returns something returns 0");
  __CPROVER_assert(0, "${END}");`,
    fail: [END],
  },
  {
    what: 'free: a double free is a failure',
    world: ['kmalloc', 'kfree'],
    driver: `
  klp_cur = 1;
  void *p = kmalloc(4, 0);
  kfree(p);
  kfree(p);`,
    fail: ['double free', 'free argument must be NULL or valid pointer'],
  },
  {
    what: 'free: an object the world did not allocate, or not its start, is a failure',
    world: ['kmalloc', 'kfree'],
    driver: `
  klp_cur = 0;
  char *p = kmalloc(4, 0);
  int which;
  if (which == 0) kfree(&klp_old_req);
  else if (which == 1) kfree(p + 1);
  __CPROVER_assert(0, "${END}");`,
    fail: ['free argument has offset zero', 'free argument must be NULL or valid pointer', 'free argument must be dynamic object', END],
  },
  {
    what: 'locks: balanced use, two locks at once, the same lock in each version, rcu',
    world: ['spin_lock', 'spin_unlock', 'lock_ret', 'rcu_read_lock', 'rcu_read_unlock'],
    driver: `
  klp_cur = 0;
  spin_lock(&klp_old_req.lock);
  spin_lock(&klp_old_req.lock2);
  rcu_read_lock();
  rcu_read_unlock();
  spin_unlock(&klp_old_req.lock2);
  klp_cur = 1;
  __CPROVER_assert(lock_ret(&klp_new_req.lock) == 0, "T: a lock that returns something returns 0");
  spin_unlock(&klp_new_req.lock);
  klp_cur = 0;
  spin_unlock(&klp_old_req.lock);
  klp_old_lock_balance();
  klp_new_lock_balance();
  __CPROVER_assert(0, "${END}");`,
    fail: [END],
  },
  {
    what: 'locks: releasing a lock that is not held is a failure',
    world: ['spin_lock', 'spin_unlock'],
    driver: `
  klp_cur = 0;
  spin_lock(&klp_old_req.lock);
  spin_unlock(&klp_old_req.lock2);`,
    fail: [NOT_HELD],
  },
  {
    what: 'locks: taking a lock that is held is a failure (self-deadlock)',
    world: ['spin_lock', 'spin_unlock'],
    driver: `
  klp_cur = 1;
  spin_lock(&klp_new_req.lock);
  spin_lock(&klp_new_req.lock);`,
    fail: [DEADLOCK],
  },
  {
    what: 'locks: returning with a lock held is a failure of that version only',
    world: ['spin_lock', 'spin_unlock'],
    driver: `
  klp_cur = 0;
  spin_lock(&klp_old_req.lock);
  klp_cur = 1;
  spin_lock(&klp_new_req.lock);
  spin_unlock(&klp_new_req.lock);
  klp_new_lock_balance();
  __CPROVER_assert(0, "${END}");
  klp_old_lock_balance();`,
    fail: [END, HELD],
  },
  {
    what: `locks: up to ${MAX_LOCKS} locks are held at once`,
    world: ['spin_lock', 'spin_unlock'],
    driver: `
  klp_cur = 0;
  spin_lock(&klp_old_req.lock);
  spin_lock(&klp_old_req.lock2);
  spin_lock((spinlock_t *)klp_old_buf);
  spin_lock((spinlock_t *)(klp_old_buf + 4));
  spin_unlock((spinlock_t *)(klp_old_buf + 4));
  spin_unlock((spinlock_t *)klp_old_buf);
  spin_unlock(&klp_old_req.lock2);
  spin_unlock(&klp_old_req.lock);
  klp_old_lock_balance();
  __CPROVER_assert(0, "${END}");`,
    fail: [END],
  },
  {
    what: 'copy-in: the bytes and how many were not copied are replayed for a matching call',
    world: ['copy_from_user'],
    driver: `
  klp_old_buf[7] = 0x55;
  klp_new_buf[7] = 0x55;
  klp_cur = 0;
  unsigned long l0 = copy_from_user(klp_old_buf, klp_old_user, 8);
  unsigned long m0 = copy_from_user(klp_old_buf + 8, klp_old_user, 4);
  klp_cur = 1;
  unsigned long l1 = copy_from_user(klp_new_buf, klp_new_user, 8);
  unsigned long m1 = copy_from_user(klp_new_buf + 8, klp_new_user + 1, 4);
  __CPROVER_assert(l0 == l1, "T: the count not copied is replayed");
  __CPROVER_assert(l0 <= 8 && m1 <= 4, "T: at most n bytes are not copied");
  __CPROVER_assert(l0 == 0, "T: a copy may fail partly");
  __CPROVER_assert(klp_old_buf[0] == klp_new_buf[0] && klp_old_buf[6] == klp_new_buf[6] && klp_old_buf[7] == klp_new_buf[7], "T: a matching call copies the same bytes");
  __CPROVER_assert(l0 == 0 || klp_old_buf[7] == 0x55, "T: bytes not copied are left alone");
  __CPROVER_assert(l0 != 0 || klp_old_buf[0] == 0, "T: the bytes are not known");
  __CPROVER_assert(m0 != 0 || m1 != 0 || klp_old_buf[8] == klp_new_buf[8], "T: another call copies other bytes");
  __CPROVER_assert(m0 == m1, "T: another call: another count");
  __CPROVER_assert(0, "${END}");`,
    fail: ['T: a copy may fail partly', 'T: another call copies other bytes', 'T: another call: another count', 'T: the bytes are not known', END],
  },
  {
    what: 'copy-out: the bytes copied out are logged as they were at the call; the count is replayed',
    world: ['copy_to_user', 'copy_out_void'],
    driver: `
  klp_cur = 0;
  klp_old_buf[2] = 9;
  unsigned long l0 = copy_to_user(klp_old_user, klp_old_buf, 4);
  klp_old_buf[2] = 10;
  copy_out_void(klp_old_user, klp_old_buf + 1, 3);
  klp_cur = 1;
  unsigned long l1 = copy_to_user(klp_new_user, klp_new_buf, 4);
  __CPROVER_assert(klp_seq_bloblen[0][0] == 4 && klp_seq_blob[0][0][2] == 9 && klp_seq_blob[1][0][2] == 0, "T: the bytes at the call, per version");
  __CPROVER_assert(klp_seq_bloblen[0][1] == 3 && klp_seq_blob[0][1][1] == 10, "T: a void copy-out is logged too");
  __CPROVER_assert(l0 == l1, "T: the count not copied is replayed");
  __CPROVER_assert(l0 <= 4, "T: at most n bytes are not copied");
  __CPROVER_assert(l0 == 0, "T: a copy may fail partly");
  __CPROVER_assert(0, "${END}");`,
    fail: ['T: a copy may fail partly', END],
  },
  {
    what: 'log, warn and bug',
    world: ['printk', 'log_void', 'WARN_ON', 'warn_void', 'BUG', 'bug_ret'],
    driver: `
  klp_cur = 0;
  int a = printk("%d %d", 1, 2);
  log_void(3);
  int w = WARN_ON(5);
  warn_void(1);
  __CPROVER_assert(a == 0 && w == 5, "T: log returns 0, warn returns its value");
  __CPROVER_assert(klp_nseq[0] == 4 && klp_seq_arg[0][1][0] == 3, "T: all are logged");
  int which;
  if (which == 1) { BUG(); __CPROVER_assert(0, "T: nothing runs after BUG()"); }
  if (which == 2) { bug_ret(1); __CPROVER_assert(0, "T: nothing runs after bug_ret()"); }
  __CPROVER_assert(0, "${END}");`,
    fail: ['BUG() reached', END],
  },
  {
    what: `KLP_LIMIT: ${MAX_CALLS} calls of a callee are modelled`,
    world: ['req_check'],
    driver: `
  klp_cur = 0;
  ${'req_check(0, 0);\n  '.repeat(MAX_CALLS)}__CPROVER_assert(0, "${END}");`,
    fail: [END],
  },
  {
    what: `KLP_LIMIT: call ${MAX_CALLS + 1} of a callee fails the limit`,
    world: ['req_check'],
    driver: `
  klp_cur = 1;
  ${'req_check(0, 0);\n  '.repeat(MAX_CALLS + 1)}`,
    fail: [LIMIT],
  },
  {
    what: `KLP_LIMIT: ${MAX_SEQ} calls in all are modelled`,
    world: ['req_check', 'printk', 'WARN_ON'],
    driver: `
  klp_cur = 0;
  ${'req_check(0, 0);\n  printk("");\n  '.repeat(MAX_CALLS)}${'WARN_ON(0);\n  '.repeat(MAX_SEQ - 2 * MAX_CALLS)}__CPROVER_assert(0, "${END}");`,
    fail: [END],
  },
  {
    what: `KLP_LIMIT: call ${MAX_SEQ + 1} in all fails the limit`,
    world: ['req_check', 'printk', 'WARN_ON'],
    driver: `
  klp_cur = 0;
  ${'req_check(0, 0);\n  printk("");\n  '.repeat(MAX_CALLS)}${'WARN_ON(0);\n  '.repeat(MAX_SEQ - 2 * MAX_CALLS + 1)}`,
    fail: [LIMIT],
  },
  {
    what: 'out-parameters: a matching call writes the same bytes, size bytes of each',
    world: ['blob_fill'],
    unwind: true,
    driver: `
  klp_cur = 0;
  int r0 = blob_fill(&klp_old_req, klp_old_buf, 8, klp_old_user);
  klp_cur = 1;
  int r1 = blob_fill(&klp_new_req, klp_new_buf, 8, klp_new_user);
  __CPROVER_assert(r0 == r1, "T: the answer is replayed");
  __CPROVER_assert(klp_old_buf[0] == klp_new_buf[0] && klp_old_buf[7] == klp_new_buf[7] && klp_old_user[3] == klp_new_user[3], "T: the same bytes are written");
  __CPROVER_assert(klp_old_buf[8] == 0 && klp_old_user[4] == 0, "T: only size bytes are written");
  __CPROVER_assert(klp_old_buf[0] == 0, "T: the bytes are not known");
  __CPROVER_assert(0, "${END}");`,
    fail: ['T: the bytes are not known', END],
  },
  {
    what: 'out-parameters: an unmatched call writes other bytes',
    world: ['blob_fill'],
    unwind: true,
    driver: `
  klp_cur = 0;
  blob_fill(&klp_old_req, klp_old_buf, 8, klp_old_user);
  klp_cur = 1;
  blob_fill(&klp_new_req, klp_new_buf, 7, klp_new_user);
  __CPROVER_assert(klp_old_buf[0] == klp_new_buf[0], "T: other bytes");
  __CPROVER_assert(0, "${END}");`,
    fail: ['T: other bytes', END],
  },
  {
    what: `out-parameters: more than ${MAX_BLOB} bytes fails the limit`,
    world: ['blob_fill'],
    unwind: true,
    driver: `
  klp_cur = 0;
  blob_fill(&klp_old_req, klp_old_buf, ${MAX_BLOB + 1}, klp_old_user);`,
    fail: ['KLP_LIMIT out-parameter size'],
  },
  {
    what: 'pointer answers: NULL or a fresh object (replayed as the same world object); function pointers NULL',
    world: ['req_find', 'ctx_get', 'hidden_get', 'ops_get'],
    driver: `
  klp_cur = 0;
  struct req *p0 = req_find(1);
  unsigned char *c0 = ctx_get(1);
  struct hidden *h0 = hidden_get();
  int (*f0)(int) = ops_get(1);
  klp_cur = 1;
  struct req *p1 = req_find(1);
  unsigned char *c1 = ctx_get(2);
  __CPROVER_assert((p0 == 0) == (p1 == 0), "T: NULL or not is replayed");
  __CPROVER_assert(p0 == 0, "T: may be an object");
  __CPROVER_assert(p0 != 0, "T: may be NULL");
  __CPROVER_assert(!p0 || (p0 != p1 && __CPROVER_OBJECT_SIZE(p0) == sizeof(struct req) && klp_abs(p0, 0) == klp_abs(p1, 1) && klp_seq_ret[0][0] == klp_abs(p0, 0)), "T: a fresh object of its type, the same world object in both versions");
  if (p0) p0->id = p0->buf != 0;
  __CPROVER_assert(c0 == 0, "T: void *: may be an object");
  __CPROVER_assert(!c0 || (__CPROVER_OBJECT_SIZE(c0) == ${MAX_BLOB} && c0[${MAX_BLOB - 1}] == c0[${MAX_BLOB - 1}]), "T: void *: ${MAX_BLOB} bytes");
  __CPROVER_assert((c0 == 0) == (c1 == 0), "T: another argument: not replayed");
  __CPROVER_assert(h0 == 0, "T: an incomplete type: may be an object");
  __CPROVER_assert(f0 == 0, "T: a function pointer is NULL");
  __CPROVER_assert(0, "${END}");`,
    fail: ['T: an incomplete type: may be an object', 'T: another argument: not replayed', 'T: may be NULL', 'T: may be an object', 'T: void *: may be an object', END],
  },
  {
    what: 'pointer answers: a matched call\'s object starts with the bytes old\'s object had when it was returned',
    world: ['req_find', 'ctx_get'],
    driver: `
  klp_cur = 0;
  struct req *p0 = req_find(1);
  unsigned char *c0 = ctx_get(1);
  struct req *q0 = req_find(2);
  int id0 = p0 ? p0->id : 0;
  unsigned char b0 = c0 ? c0[${MAX_BLOB - 1}] : 0;
  if (p0) p0->id = id0 == 5 ? 6 : 5;
  klp_cur = 1;
  struct req *p1 = req_find(1);
  unsigned char *c1 = ctx_get(1);
  struct req *q1 = req_find(3);
  __CPROVER_assert(!p1 || (p1 != p0 && p1->id == id0), "T: the same bytes, in another object (old's later writes do not leak)");
  __CPROVER_assert(!c1 || c1[${MAX_BLOB - 1}] == b0, "T: void *: the same bytes");
  __CPROVER_assert(!p1 || p1->id == 0, "T: the bytes are not known");
  __CPROVER_assert(!q0 || !q1 || q0->id == q1->id, "T: another argument: other bytes");
  __CPROVER_assert(0, "${END}");`,
    fail: ['T: another argument: other bytes', 'T: the bytes are not known', END],
  },
  {
    what: 'default expressions: alloc arg0 bytes, copy-in arg2 bytes to arg0, warn returns arg0',
    world: ['alloc_plain', 'alloc_void', 'copy_in_plain', 'warn_plain'],
    driver: `
  klp_cur = 0;
  unsigned char *p = alloc_plain(5);
  alloc_void(3);
  klp_old_buf[4] = 7;
  unsigned long left = copy_in_plain(klp_old_buf, klp_old_user, 4);
  __CPROVER_assert(!p || __CPROVER_OBJECT_SIZE(p) == 5, "T: alloc: arg0 bytes");
  __CPROVER_assert(klp_dyn[0][SLOT(alloc_void)] == 0 || __CPROVER_OBJECT_SIZE(klp_dyn[0][SLOT(alloc_void)]) == 3, "T: an alloc that returns nothing still allocates");
  __CPROVER_assert(left <= 4 && klp_old_buf[4] == 7, "T: copy-in: at most arg2 bytes to arg0");
  __CPROVER_assert(left != 0 || klp_old_buf[3] == 0, "T: copy-in: the bytes are not known");
  __CPROVER_assert(warn_plain(3) == 3, "T: warn: returns arg0");
  __CPROVER_assert(0, "${END}");`,
    fail: ['T: copy-in: the bytes are not known', END],
  },
  {
    what: 'struct answers are replayed too, but not logged',
    world: ['pair_get'],
    driver: `
  klp_cur = 0;
  struct pair a0 = pair_get(1);
  klp_cur = 1;
  struct pair a1 = pair_get(1);
  struct pair b1 = pair_get(1);
  __CPROVER_assert(a0.a == a1.a && a0.b == a1.b, "T: a matching call gets the same struct");
  __CPROVER_assert(a0.a == b1.a, "T: another call gets another struct");
  __CPROVER_assert(klp_seq_ret[0][0] == 0 && klp_seq_ret[1][0] == 0, "T: the log has no answer for it");
  __CPROVER_assert(0, "${END}");`,
    fail: ['T: another call gets another struct', END],
  },
  {
    what: 'struct arguments are logged as 0 (not compared); floating-point ones by their bits, every NaN alike',
    world: ['notify'],
    driver: `
  struct pair a = { 1, 2 }, b = { 3, 4 };
  double nan1 = 0.0 / 0.0, nan2 = -(0.0 / 0.0);
  klp_cur = 0;
  notify(a, 0.5);
  notify(a, nan1);
  notify(a, 0.0);
  klp_cur = 1;
  notify(b, 0.25);
  notify(b, nan2);
  notify(b, -0.0);
  __CPROVER_assert(klp_seq_arg[0][0][0] == 0 && klp_seq_arg[1][0][0] == 0, "T: struct arguments are 0 in the log");
  __CPROVER_assert(klp_seq_arg[0][0][1] != klp_seq_arg[1][0][1], "T: 0.5 and 0.25 are different arguments");
  __CPROVER_assert(klp_seq_arg[0][1][1] == klp_seq_arg[1][1][1], "T: two NaNs are the same argument");
  __CPROVER_assert(klp_seq_arg[0][2][1] != klp_seq_arg[1][2][1], "T: 0.0 and -0.0 are different arguments");
  __CPROVER_assert(0, "${END}");`,
    fail: [END],
  },
]

t.test('cbmc is installed (the proofs below need it)', async t => {
  t.ok(existsSync(CBMC), MISSING)
})

t.test('stub behaviour, proved with cbmc', async t => {
  for (const p of PROOFS) {
    t.test(p.what, async t => {
      const stubs = await stubsFor(p.world)
      const plan = world(stubs)
      const slots = worldSize(stubs).slot
      const driver = p.driver.replace(/IDX\((\w+)\)/g, (_, f: string) => String(plan.names.indexOf(f))).replace(/SLOT\((\w+)\)/g, (_, f: string) => String(slots[plan.names.indexOf(f)]))
      const args = p.unwind ? unwindArgs(plan) : []
      const props = prove(t.testdir(), program(plan, driver), args)
      t.same(failures(props), [...p.fail].sort(), 'exactly these properties fail')
      const asserted = [...driver.matchAll(/"(T: [^"]*)"/g)].map(m => m[1]!)
      t.same(asserted.filter(d => !props.some(q => q.description === d)), [], 'cbmc checked every assertion of the driver')
    })
  }
})

t.test('the plan\'s unwindset names the stubs\' loops and bounds them', async t => {
  const plan = world(await stubsFor(['blob_fill']))
  const driver = `static unsigned char out[${MAX_BLOB}]; int len; __CPROVER_assume(len >= 0 && len <= ${MAX_BLOB}); klp_cur = 0; blob_fill(&klp_old_req, out, len, klp_old_user);`
  const dir = t.testdir()
  t.same(failures(prove(dir, program(plan, driver), unwindArgs(plan))), [], `up to ${MAX_BLOB} bytes: unwound completely`)
  t.same(failures(prove(dir, program(plan, driver), ['--unwind', '1', '--unwinding-assertions'])), ['unwinding assertion loop 0', 'unwinding assertion loop 1'], 'without it the loops are cut short')
})

t.test('every kind of stub compiles, together', async t => {
  const plan = world(await stubsFor(Object.keys(MODELS).concat('req_check', 'req_find', 'ctx_get', 'hidden_get', 'ops_get', 'notify', 'blob_fill', 'pair_get')))
  const props = prove(t.testdir(), program(plan, `klp_cur = 0; __CPROVER_assert(0, "${END}");`), unwindArgs(plan))
  t.same(failures(props), [END])
})

// --- the generated C -------------------------------------------------------------------------------

t.test('no external functions: nothing to plan', async t => {
  t.same(world([]), { runtime: [], dynamic: [], stubs: [], lockBalance: [], unwindset: [], names: [], hasLocks: false, native: false })
  t.same(world([], true), { ...world([]), native: true })
})

t.test('the plan: names, state sizes, locks and loops', async t => {
  const all = await stubsFor(Object.keys(MODELS).concat('req_check', 'blob_fill'))
  const plan = world(all)
  t.same(plan.names, all.map(s => s.fn.name), 'callee ids are the stubs\' positions')
  const handing = all.filter(handsOutObjects).map(s => s.fn.name)
  t.same([...handing].sort(), ['kmalloc', 'kzalloc', 'kcalloc', 'alloc_plain', 'alloc_void'].sort(), 'allocations hand out objects (req_check answers a scalar)')
  t.same(plan.dynamic.map(d => d.slot), Array.from({ length: handing.length * MAX_CALLS }, (_, j) => j), `${MAX_CALLS} world objects per callee that hands them out, packed`)
  t.same(plan.dynamic.slice(0, MAX_CALLS).map(d => d.id - DYN_BASE), Array.from({ length: MAX_CALLS }, (_, k) => plan.names.indexOf(handing[0]!) * MAX_CALLS + k), 'ids by callee position and call')
  t.ok(plan.runtime.includes(`static const void *klp_dyn[2][${handing.length * MAX_CALLS}];`))
  t.ok(plan.runtime.includes(`static long long klp_seq_arg[2][${MAX_SEQ}][4];`), 'one log column per argument of the callee with the most')
  t.ok(plan.runtime.includes(`static long long klp_held[2][${MAX_LOCKS}];`))
  t.equal(plan.hasLocks, true)
  t.same(plan.unwindset, [{ loop: 'blob_fill.0', bound: MAX_BLOB + 1 }, { loop: 'blob_fill.1', bound: 4 + 1 }], 'one loop per out-parameter, up to its constant size or MAX_BLOB')
  t.match(plan.stubs.join('\n'), /void klp_old_lock_balance\(void\)[^]*void klp_new_lock_balance\(void\)/)
  const noLocks = world(await stubsFor(['printk']))
  t.same([noLocks.hasLocks, noLocks.unwindset, noLocks.dynamic], [false, [], []])
  t.ok(noLocks.runtime.includes('static const void *klp_dyn[2][1];'), 'no world objects: one unused slot')
  t.notMatch(noLocks.stubs.join('\n'), /lock_balance/, 'no lock balance checks without locks')
  t.ok(noLocks.runtime.includes(`static long long klp_seq_arg[2][${MAX_CALLS}][1];`), 'at least one log column; a log as long as one callee\'s calls')
  t.same(world(await stubsFor(['BUG'])).runtime.find(l => l.startsWith('static long long klp_seq_arg')), `static long long klp_seq_arg[2][${MAX_CALLS}][1];`, 'even when no callee takes arguments')
})

t.test('a world sized to the call sites: one call each, a log of three, one world object', async t => {
  const stubs = await stubsFor(['kmalloc', 'kfree', 'copy_to_user'], true)
  t.same(stubs.map(s => s.fn.maxCalls), [1, 1, 1], 'klp_use calls each once')
  const plan = world(stubs)
  for (const line of ['static int klp_seq_fn[2][3];', 'static long long klp_seq_arg[2][3][3];', 'static const void *klp_dyn[2][1];']) t.ok(plan.runtime.includes(line), line)
  t.same(plan.dynamic, [{ slot: 0, id: DYN_BASE + plan.names.indexOf('kmalloc') * MAX_CALLS }], 'the id an unsized world gives the first kmalloc')
  t.match(stubText(plan, 'kmalloc'), /static int klp_kmalloc_s\[2\]\[1\];[^]*__CPROVER_assert\(k < 1 && klp_nseq\[v\] < 3, "KLP_LIMIT external calls"\)/)
  t.matchSnapshot(`${plan.runtime.join('\n')}\n${stubText(plan, 'kmalloc')}`, 'sized runtime and kmalloc')
  const dir = t.testdir()
  const once = 'klp_cur = 0; void *p = kmalloc(4, 0); kfree(p); copy_to_user(0, klp_old_buf, 2); klp_cur = 1; p = kmalloc(4, 0); kfree(p);'
  t.same(failures(prove(dir, program(plan, `${once} __CPROVER_assert(0, "${END}");`))), [END], 'the calls the code makes fit')
  t.same(failures(prove(dir, program(plan, 'klp_cur = 0; kmalloc(4, 0); kmalloc(4, 0);'))), [LIMIT], 'a call more is reported: the limit, not a silent cut')
})

t.test('snapshots: the generated C of one stub of each kind', async t => {
  const rows: [string, string][] = [
    ['uninterpreted, scalar answer', 'req_check'],
    ['uninterpreted, struct pointer answer', 'req_find'],
    ['uninterpreted, void * answer', 'ctx_get'],
    ['uninterpreted, function pointer answer', 'ops_get'],
    ['uninterpreted, void, struct and double arguments', 'notify'],
    ['uninterpreted with out-parameters', 'blob_fill'],
    ['uninterpreted, struct answer', 'pair_get'],
    ['alloc', 'kmalloc'],
    ['alloc, zeroed', 'kzalloc'],
    ['free', 'kfree'],
    ['lock', 'spin_lock'],
    ['unlock', 'spin_unlock'],
    ['log, no arguments', 'rcu_read_lock'],
    ['copy-in', 'copy_from_user'],
    ['copy-out', 'copy_to_user'],
    ['copy-out, void', 'copy_out_void'],
    ['log, variadic', 'printk'],
    ['warn', 'WARN_ON'],
    ['bug', 'BUG'],
  ]
  const plan = world(await stubsFor(rows.map(r => r[1])))
  t.matchSnapshot(plan.runtime.join('\n'), 'runtime')
  for (const [what, name] of rows) t.matchSnapshot(stubText(plan, name), `${what}: ${name}`)
  t.matchSnapshot(plan.stubs.join('\n').slice(plan.stubs.join('\n').indexOf('void klp_old_lock_balance')), 'lock balance checks')
})

t.test('native rendering: every nondeterministic declaration is marked KLP_NONDET', async t => {
  const names = ['kmalloc', 'copy_from_user', 'copy_to_user', 'req_check', 'req_find', 'blob_fill']
  const plain = world(await stubsFor(names)).stubs.join('\n')
  const native = world(await stubsFor(names), true).stubs.join('\n')
  const marks = [...native.matchAll(/(\w+);(?: KLP_NONDET\((\w+)\);)/g)].map(m => [m[1], m[2]])
  t.same(marks.map(m => m[1]).sort(), ['b', 'b', 'fail', 'left', 'left', 'nul', 'r', 'r', 'r'].sort(), 'fail, left, nul, r and the out-parameter bytes')
  t.ok(marks.every(([a, b]) => a === b), 'each marks the variable just declared')
  t.equal(native.replace(/ KLP_NONDET\(\w+\);/g, ''), plain, 'otherwise the same C')
  t.notMatch(plain, /KLP_NONDET/)
})

t.test('the last gate: every model and writes expression passes the expression validator where it is pasted', async t => {
  // [what, callee, model, writes, message]: loaders refuse these first; the emitter refuses them too
  const INJECT = '4); __CPROVER_assume(0); (4'
  const rows: [string, string, ModelSpec | undefined, ExternalStub['writes'], string][] = [
    ['alloc size', 'kmalloc', { kind: 'alloc', size: INJECT }, undefined, `kmalloc(): model size '${INJECT}' is not a single C expression ('); __CPROVER_assume(0); (4' follows '4')`],
    ['free ptr', 'kfree', { kind: 'free', ptr: '({ system(0); arg0; })' }, undefined, "kfree(): model ptr '({ system(0); arg0; })' contains a statement expression ('({ … })'); model expressions are side-effect free C expressions"],
    ['lock', 'spin_lock', { kind: 'lock', lock: '&klp_rcu_lock' }, undefined, "spin_lock(): model lock '&klp_rcu_lock' uses 'klp_rcu_lock', which is not an argument of spin_lock() (it takes arg0)"],
    ['copy-in to', 'copy_from_user', { kind: 'copy-in', to: 'arg0 /* ) */' }, undefined, "copy_from_user(): model to 'arg0 /* ) */' contains a comment ('/*'); comments are not allowed in model expressions"],
    ['copy-in size', 'copy_from_user', { kind: 'copy-in', size: 'arg2 = 0' }, undefined, "copy_from_user(): model size 'arg2 = 0' assigns (arg2 = 0); model expressions are side-effect free C expressions (did you mean '=='?)"],
    ['copy-out from', 'copy_to_user', { kind: 'copy-out', from: 'system(0)' }, undefined, 'copy_to_user(): model from \'system(0)\' calls a function (system); model expressions are side-effect free C expressions'],
    ['copy-out size', 'copy_to_user', { kind: 'copy-out', size: 'arg3' }, undefined, "copy_to_user(): model size 'arg3' uses 'arg3', which is not an argument of copy_to_user() (it takes arg0..arg2)"],
    ['warn value', 'WARN_ON', { kind: 'warn', value: 'arg0, 0' }, undefined, 'WARN_ON(): model value \'arg0, 0\' uses the comma operator; model expressions are single C expressions'],
    ['bug value', 'bug_ret', { kind: 'bug', value: 'arg0\n#define X' }, undefined, "bug_ret(): model value 'arg0 #define X' contains '#'; preprocessor directives and operators are not allowed in model expressions"],
    ['a default beyond the arity', 'BUG', { kind: 'alloc' }, undefined, "BUG(): model size 'arg0' uses 'arg0', which is not an argument of BUG() (it takes none)"],
    ['writes size', 'blob_fill', undefined, [{ arg: 1, size: INJECT }], `blob_fill(): writes size '${INJECT}' is not a single C expression ('); __CPROVER_assume(0); (4' follows '4')`],
    ['writes arg beyond the arity', 'blob_fill', undefined, [{ arg: 4, size: '1' }], 'blob_fill(): writes arg 4, but blob_fill() takes 4 arguments'],
    ['writes arg of a one-argument callee', 'ctx_get', undefined, [{ arg: 1, size: '1' }], 'ctx_get(): writes arg 1, but ctx_get() takes 1 argument'],
  ]
  for (const [what, name, model, writes, message] of rows) {
    const [stub] = await stubsFor([name])
    const err = (() => {
      try {
        planExternals([{ ...stub!, model, writes }])
      } catch (e) {
        return e
      }
    })()
    t.type(err, ConfigError, what)
    t.equal((err as ConfigError).message, message, `${what}: message`)
    t.equal((err as ConfigError).exitCode, 3, `${what}: exit 3`)
    t.equal((err as ConfigError).hint, name === 'blob_fill' || name === 'ctx_get' ? (message.includes('writes arg') ? 'externals.<fn>.writes.arg counts the arguments from 0' : ARG_EXPR_HINT) : ARG_EXPR_HINT, `${what}: hint`)
  }
  const [kmalloc] = await stubsFor(['kmalloc'])
  t.match(world([{ ...kmalloc!, model: { kind: 'alloc', size: 'arg0\n  * 2' } }]).stubs.join('\n'), /unsigned long n = \(unsigned long\)\(klp_a0 \* 2\);/, 'a valid expression: arguments renamed, one line')
  t.match(world([{ ...kmalloc!, model: { kind: 'alloc', size: 'sizeof(struct arg0 *) + arg0' } }]).stubs.join('\n'), /\(unsigned long\)\(sizeof\(struct arg0 \*\) \+ klp_a0\)/, 'only argument names are renamed, not a struct tag')
})
