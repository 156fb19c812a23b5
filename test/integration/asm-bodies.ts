/**
 * Inline asm against the real tools. (1) Each C model of a kernel asm primitive computes what the
 * hardware does: gcc runs the model and a reference (gcc's __atomic builtins, which emit the same
 * lock-prefixed instructions, or the x86 instruction itself) on the same values. (2) End to end: a
 * patch that drops an atomic increment is a difference (cbmc alone would skip the asm in both versions
 * and call them equivalent), and asm klp-verify cannot model makes the proof inconclusive, naming it.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import t from 'tap'
import { ASM_BODIES } from '../../src/extract/asm-bodies.js'
import { requireCbmc, runCli } from '../fixtures/integration.js'
import type { ProofReport } from '../../src/report/types.js'

const dir = mkdtempSync(path.join(tmpdir(), 'klp-asm-'))
t.teardown(() => rmSync(dir, { recursive: true, force: true }))

/** `static RET m_NAME(PARAMS) { BODY }` with the parameters named p0, p1, … */
const model = (name: string, ret: string, params: string) => {
  const b = ASM_BODIES.get(name)
  if (!b) throw new Error(`no model ${name}`)
  return `static ${ret} m_${name}(${params}) { ${b.c.replace(/\$(\d)/g, '(p$1)')} }`
}

t.test('atomic and bit models agree with the hardware on edge and random values', async t => {
  const c: string[] = ['#include <stdio.h>', '#include <stdbool.h>', '#include <limits.h>',
    'typedef struct { int counter; } atomic_t;', 'typedef struct { long long counter; } atomic64_t;', 'static int bad;',
    '#define CHECK(what, ok) do { if (!(ok)) { printf("%s differs\\n", what); bad++; } } while (0)']
  const checks: string[] = []
  for (const [pre, T, A] of [['arch_atomic_', 'int', 'atomic_t'], ['arch_atomic64_', 'long long', 'atomic64_t']] as const) {
    const S = '__ATOMIC_SEQ_CST'
    const fam: [string, string, string, string][] = [
      // name, return, reference body over (p0 = i, p1 = v) or (p0 = v, …), call
      ['add', 'void', `__atomic_fetch_add(&p1->counter, p0, ${S});`, '(x, &m), (x, &r)'],
      ['sub', 'void', `__atomic_fetch_sub(&p1->counter, p0, ${S});`, '(x, &m), (x, &r)'],
      ['and', 'void', `__atomic_fetch_and(&p1->counter, p0, ${S});`, '(x, &m), (x, &r)'],
      ['or', 'void', `__atomic_fetch_or(&p1->counter, p0, ${S});`, '(x, &m), (x, &r)'],
      ['xor', 'void', `__atomic_fetch_xor(&p1->counter, p0, ${S});`, '(x, &m), (x, &r)'],
      ['fetch_add', T, `return __atomic_fetch_add(&p1->counter, p0, ${S});`, '(x, &m), (x, &r)'],
      ['fetch_sub', T, `return __atomic_fetch_sub(&p1->counter, p0, ${S});`, '(x, &m), (x, &r)'],
      ['fetch_and', T, `return __atomic_fetch_and(&p1->counter, p0, ${S});`, '(x, &m), (x, &r)'],
      ['fetch_or', T, `return __atomic_fetch_or(&p1->counter, p0, ${S});`, '(x, &m), (x, &r)'],
      ['fetch_xor', T, `return __atomic_fetch_xor(&p1->counter, p0, ${S});`, '(x, &m), (x, &r)'],
      ['add_return', T, `return __atomic_add_fetch(&p1->counter, p0, ${S});`, '(x, &m), (x, &r)'],
      ['sub_return', T, `return __atomic_sub_fetch(&p1->counter, p0, ${S});`, '(x, &m), (x, &r)'],
      ['sub_and_test', 'bool', `return __atomic_sub_fetch(&p1->counter, p0, ${S}) == 0;`, '(x, &m), (x, &r)'],
      ['add_negative', 'bool', `return __atomic_add_fetch(&p1->counter, p0, ${S}) < 0;`, '(x, &m), (x, &r)'],
      ['inc', 'void', `__atomic_fetch_add(&p0->counter, 1, ${S});`, '(&m), (&r)'],
      ['dec', 'void', `__atomic_fetch_sub(&p0->counter, 1, ${S});`, '(&m), (&r)'],
      ['inc_and_test', 'bool', `return __atomic_add_fetch(&p0->counter, 1, ${S}) == 0;`, '(&m), (&r)'],
      ['dec_and_test', 'bool', `return __atomic_sub_fetch(&p0->counter, 1, ${S}) == 0;`, '(&m), (&r)'],
      ['xchg', T, `return __atomic_exchange_n(&p0->counter, p1, ${S});`, '(&m, x), (&r, x)'],
      ['cmpxchg', T, `${T} o = p1; __atomic_compare_exchange_n(&p0->counter, &o, p2, 0, ${S}, ${S}); return o;`, '(&m, x, y), (&r, x, y)'],
      ['try_cmpxchg', 'bool', `return __atomic_compare_exchange_n(&p0->counter, p1, p2, 0, ${S}, ${S});`, '(&m, &om, y), (&r, &or, y)'],
    ]
    for (const [op, ret, ref, call] of fam) {
      const name = pre + op
      const params = call.startsWith('(x') ? `${T} p0, ${A} *p1` : call.includes('&om') ? `${A} *p0, ${T} *p1, ${T} p2` : call.includes('x, y') ? `${A} *p0, ${T} p1, ${T} p2` : call.includes('x)') ? `${A} *p0, ${T} p1` : `${A} *p0`
      c.push(model(name, ret, params), `static ${ret} r_${name}(${params}) { ${ref} }`)
      const [mc, rc] = call.split('), (').map((s, i) => (i === 0 ? `${s})` : `(${s}`))
      const cmp = ret === 'void' ? `m_${name}${mc}; r_${name}${rc}; CHECK("${name} value", m.counter == r.counter);`
        : `${ret} a = m_${name}${mc}, b = r_${name}${rc}; CHECK("${name} result", a == b); CHECK("${name} value", m.counter == r.counter); CHECK("${name} old", om == or);`
      checks.push(`{ ${A} m = { v }, r = { v }; ${T} om = x, or = x; (void)om; (void)or; ${cmp} }`)
    }
    c.push(`static void check_${pre}(${T} v, ${T} x, ${T} y) {`, ...checks.splice(0), '}')
  }
  // bit operations: the reference is the x86 bit-string instruction itself (nr may pass the first word)
  for (const [op, insn] of [['set_bit', 'btsq'], ['clear_bit', 'btrq'], ['change_bit', 'btcq']]) {
    for (const pre of ['arch_', 'arch___']) c.push(model(pre + op, 'void', 'long p0, volatile unsigned long *p1'))
    c.push(`static void r_${op}(long nr, volatile unsigned long *a) { asm volatile("${insn} %1,%0" : "+m" (*(volatile long *)a) : "r" (nr) : "memory"); }`)
    for (const pre of ['arch_', 'arch___']) c.push(model(`${pre}test_and_${op}`, 'bool', 'long p0, volatile unsigned long *p1'))
    c.push(`static bool r_test_and_${op}(long nr, volatile unsigned long *a) { bool o; asm volatile("${insn} %2,%1; setc %0" : "=r" (o), "+m" (*(volatile long *)a) : "r" (nr) : "memory"); return o; }`)
  }
  c.push(model('variable_test_bit', 'bool', 'long p0, volatile const unsigned long *p1'))
  c.push('static bool r_test_bit(long nr, const volatile unsigned long *a) { bool o; asm volatile("btq %2,%1; setc %0" : "=r" (o) : "m" (*(volatile long *)a), "r" (nr)); return o; }')
  c.push(model('fls', 'int', 'unsigned int p0'), model('ffs', 'int', 'int p0'), model('fls64', 'int', 'unsigned long long p0'), model('__fls', 'unsigned long', 'unsigned long p0'), model('variable__ffs', 'unsigned long', 'unsigned long p0'), model('variable_ffz', 'unsigned long', 'unsigned long p0'))
  c.push('static void check_bits(unsigned long w0, unsigned long w1, long nr) {')
  for (const op of ['set_bit', 'clear_bit', 'change_bit']) {
    for (const pre of ['arch_', 'arch___']) {
      c.push(`{ unsigned long m[2] = { w0, w1 }, r[2] = { w0, w1 }; m_${pre}${op}(nr, m); r_${op}(nr, r); CHECK("${pre}${op}", m[0] == r[0] && m[1] == r[1]); }`)
      c.push(`{ unsigned long m[2] = { w0, w1 }, r[2] = { w0, w1 }; bool a = m_${pre}test_and_${op}(nr, m), b = r_test_and_${op}(nr, r); CHECK("${pre}test_and_${op}", a == b && m[0] == r[0] && m[1] == r[1]); }`)
    }
  }
  c.push('{ unsigned long m[2] = { w0, w1 }; CHECK("variable_test_bit", m_variable_test_bit(nr, m) == r_test_bit(nr, m)); }')
  c.push('{ unsigned int v = (unsigned int)w0; int n = 0; for (int i = 0; i < 32; i++) if (v >> i & 1) n = i + 1; CHECK("fls", m_fls(v) == n); }')
  c.push('{ int v = (int)w0; CHECK("ffs", m_ffs(v) == __builtin_ffs(v)); }')
  c.push('{ unsigned long long v = w0; int n = 0; for (int i = 0; i < 64; i++) if (v >> i & 1) n = i + 1; CHECK("fls64", m_fls64(v) == n); }')
  c.push('if (w0) { unsigned long b, z; asm("bsrq %1,%0" : "=r" (b) : "rm" (w0)); CHECK("__fls", m___fls(w0) == b); asm("bsfq %1,%0" : "=r" (z) : "rm" (w0)); CHECK("variable__ffs", m_variable__ffs(w0) == z); }')
  c.push('if (~w0) { unsigned long z; asm("bsfq %1,%0" : "=r" (z) : "rm" (~w0)); CHECK("variable_ffz", m_variable_ffz(w0) == z); }')
  c.push('}')
  c.push(`int main(void) {
  const long long e[] = { 0, 1, -1, 2, 63, 64, 127, INT_MAX, INT_MIN, LLONG_MAX, LLONG_MIN, 0x5555555555555555LL };
  unsigned long long s = 88172645463325252ULL; int n = 0;
  for (int i = 0; i < 12; i++) for (int j = 0; j < 12; j++) {
    check_arch_atomic_((int)e[i], (int)e[j], (int)e[(i + j) % 12]); check_arch_atomic64_(e[i], e[j], e[(i * j) % 12]);
    check_bits((unsigned long)e[i], (unsigned long)e[j], (long)(((unsigned long long)e[(i + j) % 12]) % 128)); n += 3; }
  for (int k = 0; k < 3000; k++) {
    s ^= s << 13; s ^= s >> 7; s ^= s << 17; unsigned long long a = s; s ^= s << 13; s ^= s >> 7; s ^= s << 17;
    long long x = (long long)s, y = (long long)(a ^ s);
    check_arch_atomic_((int)a, k % 3 ? (int)x : (int)a, (int)y); check_arch_atomic64_((long long)a, k % 3 ? x : (long long)a, y);
    check_bits(a, s, (long)(s % 128)); n += 3; }
  printf("%d checks, %d differ\\n", n, bad); return bad != 0; }`)
  const src = path.join(dir, 'models.c')
  writeFileSync(src, c.join('\n') + '\n')
  execFileSync('gcc', ['-O1', '-fwrapv', '-o', path.join(dir, 'models'), src], { stdio: 'pipe' })
  const out = execFileSync(path.join(dir, 'models'), { encoding: 'utf8' })
  t.match(out, /^\d+ checks, 0 differ/, out.split('\n').slice(0, 5).join(' | '))
})

const PAIR = {
  common: [
    'typedef struct { int counter; } atomic_t;',
    'static inline __attribute__((__always_inline__)) void arch_atomic_inc(atomic_t *v)',
    '{',
    '\tasm volatile("lock incl %0" : "+m" (v->counter) : : "memory");',
    '}',
    'static inline int swab(int x) { int y; __asm__ ("bswap %0" : "=r" (y) : "0" (x)); return y; }',
  ],
  old: ['int get(atomic_t *ref, int x)', '{', '\tarch_atomic_inc(ref);', '\treturn x;', '}', 'int conv(int x)', '{', '\treturn swab(x);', '}'],
  new: ['int get(atomic_t *ref, int x)', '{', '\treturn x;', '}', 'int conv(int x)', '{', '\treturn swab(x + 0);', '}'],
}

t.test('end to end: dropping an atomic increment is a difference; unmodelled asm is named', async t => {
  await requireCbmc()
  writeFileSync(path.join(dir, 'old.c'), [...PAIR.common, ...PAIR.old].join('\n') + '\n')
  writeFileSync(path.join(dir, 'new.c'), [...PAIR.common, ...PAIR.new].join('\n') + '\n')
  const run = async (func: string) => {
    const res = await runCli([path.join(dir, 'old.c'), path.join(dir, 'new.c'), '--func', func, '--format', 'json', '--no-replay'])
    return { res, report: JSON.parse(res.stdout) as ProofReport }
  }
  const get = await run('get')
  t.equal(get.report.verdict, 'unintended', 'old increments *ref, new does not')
  t.ok(get.report.differences.some(d => /ref/.test(d.observable)), `the difference is in *ref: ${get.report.differences.map(d => d.observable).join(', ')}`)
  const conv = await run('conv')
  t.equal(conv.report.verdict, 'inconclusive', 'bswap has no model')
  t.equal(conv.report.reason, 'external-calls')
  t.match(JSON.stringify(conv.report), /inline assembly klp-verify cannot model, in swab\(\)/)
})

t.test('a header\'s inline spin_lock written in asm gives way to the lock model', async t => {
  await requireCbmc()
  const d = path.join(dir, 'lock')
  execFileSync('mkdir', ['-p', path.join(d, 'inc')])
  writeFileSync(path.join(d, 'inc', 'lock.h'), [
    'typedef struct { int locked; } spinlock_t;',
    'static inline __attribute__((always_inline)) void spin_lock(spinlock_t *l) { asm volatile("lock btsl $0, %0" : "+m" (l->locked) : : "memory"); }',
    'static inline __attribute__((always_inline)) void spin_unlock(spinlock_t *l) { asm volatile("movl $0, %0" : "+m" (l->locked) : : "memory"); }',
  ].join('\n') + '\n')
  const body = (unlockOnError: boolean) => ['#include "lock.h"', 'struct dev { spinlock_t lock; int n; };', 'int bump(struct dev *d, int x)', '{',
    '\tspin_lock(&d->lock);', '\tif (x < 0) {', ...(unlockOnError ? ['\t\tspin_unlock(&d->lock);'] : []), '\t\treturn -22;', '\t}',
    '\td->n = x;', '\tspin_unlock(&d->lock);', '\treturn 0;', '}'].join('\n') + '\n'
  writeFileSync(path.join(d, 'old.c'), body(true))
  writeFileSync(path.join(d, 'new.c'), body(false))
  const res = await runCli([path.join(d, 'old.c'), path.join(d, 'new.c'), '--func', 'bump', '-I', path.join(d, 'inc'), '--format', 'json', '--no-replay'])
  const report = JSON.parse(res.stdout) as ProofReport
  t.equal(report.verdict, 'unintended')
  t.ok(report.differences.some(x => x.observable === 'calls'), 'the unlock is missing from the calls')
  t.match(JSON.stringify(report), /returns with a lock held that was not held at entry in new/, 'and the lock model sees the lock leak')
})

t.test('get_user through x86 asm: the world\'s copy-in, so what user space holds decides', async t => {
  await requireCbmc()
  const d = path.join(dir, 'user')
  execFileSync('mkdir', ['-p', d])
  const macro = [
    '#define get_user(x, ptr) ({ int __ret_gu; register __typeof__(*(ptr)) __val_gu asm("%rdx"); \\',
    '  asm volatile("call __get_user_%c[size]" : "=a" (__ret_gu), "=r" (__val_gu), "+r" (current_stack_pointer) \\',
    '               : "0" (ptr), [size] "i" (sizeof(*(ptr)))); (x) = __val_gu; __ret_gu; })',
    'register unsigned long current_stack_pointer asm("%rsp");',
  ]
  const body = (check: string) => [...macro, 'int set_limit(int *uarg, int *limit)', '{', '\tint v;', '\tif (get_user(v, uarg))', '\t\treturn -14;',
    `\tif (${check})`, '\t\treturn -22;', '\t*limit = v;', '\treturn 0;', '}'].join('\n') + '\n'
  writeFileSync(path.join(d, 'old.c'), body('v > 64'))
  writeFileSync(path.join(d, 'new.c'), body('v > 64 || v < 0'))
  const res = await runCli([path.join(d, 'old.c'), path.join(d, 'new.c'), '--func', 'set_limit', '--format', 'json', '--no-replay', '--keep-harness', path.join(d, 'kept')])
  const report = JSON.parse(res.stdout) as ProofReport
  t.not(report.reason, 'external-calls', 'the asm is modelled')
  t.equal(report.verdict, 'unintended', 'no claim: the new range check is a difference')
  const ret = report.differences.find(x => x.observable === 'return')!
  t.same([ret.values[0]!.old, ret.values[0]!.new], ['0', '-22'], 'old accepted, new refuses')
  const mem = report.differences.find(x => x.observable === 'memory *limit')!
  t.ok(Number(mem.values[0]!.old) < 0, `old stored the negative value it read from user space (${mem.values[0]!.old})`)
  const harness = readFileSync(path.join(d, 'kept', 'equiv', 'klp_old.i'), 'utf8')
  t.match(harness, /\(__ret_gu\) = klp_get_user\(&klp_v, \(const void \*\)\(uarg\), sizeof\(klp_v\)\) \? -14 : 0;/, 'the asm call became the world\'s copy')
  t.match(harness, /klp_get_user\(\): model copy-in/, 'with the copy-in model')
})
