/** Inline asm in the closure: C models, statement rewrites, and the stand-in for what cannot be modelled. */
import t from 'tap'
import { modelAsm } from '../../src/extract/asm-models.js'
import { UNMODELLED_ASM } from '../../src/model/names.js'

const lines = (s: string) => s.split('\n').length

t.test('text without asm is returned as it is', async t => {
  const src = 'int f(int x) { return x + 1; }\n'
  t.same(modelAsm(src), { text: src, modelled: [], unmodelled: [] })
})

t.test('a kernel primitive gets its C body, with the header\'s parameter names', async t => {
  const src = [
    'typedef struct { int counter; } atomic_t;',
    'static inline __attribute__((__always_inline__)) int arch_atomic_fetch_add(int i, atomic_t *v)',
    '{',
    '\treturn ({ int __ret = i; asm volatile("lock xaddl %0, %1" : "+r" (__ret), "+m" (v->counter) : : "memory"); __ret; });',
    '}',
    'int f(atomic_t *a) { return arch_atomic_fetch_add(2, a); }',
  ].join('\n')
  const r = modelAsm(src)
  t.same(r.modelled, ['arch_atomic_fetch_add'])
  t.same(r.unmodelled, [])
  t.equal(lines(r.text), lines(src), 'same number of lines')
  t.match(r.text, /int klp_old = \(v\)->counter; \(v\)->counter = \(int\)\(\(unsigned int\)\(v\)->counter \+ \(unsigned int\)\(i\)\); return klp_old;/)
  t.notMatch(r.text, /xaddl/, 'the asm is gone')
  t.match(r.text, /int f\(atomic_t \*a\) \{ return arch_atomic_fetch_add\(2, a\); \}/, 'callers untouched')
})

t.test('a model whose parameter count does not match leaves the body to the statement rules', async t => {
  const src = 'static inline void arch_atomic_inc(int *p, int extra) { asm volatile("incl %0" : "+m" (*p)); }\n'
  const r = modelAsm(src)
  t.same(r.modelled, [])
  t.match(r.text, /\{ \(\*p\)\+\+; \}/, 'judged as one instruction instead')
})

t.test('statements: empty templates, per-cpu instructions, preemption points', async t => {
  const rows: [string, string, RegExp][] = [
    ['RELOC_HIDE copies its input', '__asm__ ("" : "=r"(p) : "0"(q));', /\{ \(p\) = \(q\); \}/],
    ['OPTIMIZER_HIDE_VAR keeps its value', '__asm__ ("" : "+r"(v));', /\{  \}/],
    ['incl on a named operand', 'asm volatile ("incl %[var]" : [var] "+m" (x));', /\{ \(x\)\+\+; \}/],
    ['decq', 'asm ("decq %0" : "+m" (x));', /\{ \(x\)--; \}/],
    ['negl', 'asm ("negl %0" : "+m" (x));', /\{ \(x\) = -\(x\); \}/],
    ['addl of a value', 'asm ("addl %[val], %[var]" : [var] "+m" (x) : [val] "ri" (n));', /\{ \(x\) \+= \(n\); \}/],
    ['xorb by position', 'asm ("xorb %1, %0" : "+m" (x) : "qi" (n));', /\{ \(x\) \^= \(n\); \}/],
    ['a per-cpu read', 'asm ("movl %[var], %[val]" : [val] "=r" (r) : [var] "m" (x));', /\{ \(r\) = \(x\); \}/],
    ['a per-cpu read with %% and a comment', 'asm ("movq %%gs:%[var], %[val] # read\\n" : [val] "=r" (r) : [var] "m" (x));', /\{ \(r\) = \(x\); \}/],
    ['a preemption point', 'asm volatile ("call __SCT__preempt_schedule_notrace" : "+r" (current_stack_pointer));', /\{ \}/],
  ]
  for (const [name, stmt, want] of rows) {
    const r = modelAsm(`void f(void) { ${stmt} }\n`)
    t.match(r.text, want, name)
    t.same(r.unmodelled, [], `${name}: modelled`)
  }
})

t.test('what cannot be modelled stands out as a call without a prototype', async t => {
  const rows: [string, string][] = [
    ['an instruction with a flag output', 'asm volatile ("btq %2,%1" : "=@ccc" (b) : "m" (*a), "Ir" (n) : "memory");'],
    ['asm goto', 'asm goto ("jmp %l[yes]" : : : : yes);'],
    ['a memory clobber with a real template', 'asm volatile ("lock btsq %1,%0" : : "m" (*a), "Ir" (n) : "memory");'],
    ['an output not tied to an input', '__asm__ ("" : "=r" (x));'],
    ['a call', 'asm volatile ("call __sw_hweight32" : "=a" (r), "+r" (current_stack_pointer) : "D" (w));'],
    ['mov into an input-only operand', 'asm ("movl %[val], %[var]" : [val] "=r" (r) : [var] "m" (x));'],
    ['add into an output written, not updated', 'asm ("addl %1, %0" : "=m" (x) : "ri" (n));'],
  ]
  for (const [name, stmt] of rows) {
    const src = `int g(int *a, int n) {\n  ${stmt}\n  return 0;\n}\n`
    const r = modelAsm(src)
    t.same(r.unmodelled, ['g'], name)
    t.match(r.text, new RegExp(`${UNMODELLED_ASM}g\\(\\);`), `${name}: the stand-in call`)
    t.equal(lines(r.text), lines(src), `${name}: same lines`)
  }
})

t.test('asm that changes nothing a proof sees stays as it is', async t => {
  for (const stmt of [
    'asm volatile ("" : : : "memory");',
    'asm volatile ("ud2" : : "i" (12));',
    'asm volatile ("nop");',
    'asm volatile ("# comment only" : : : "memory");',
  ]) {
    const src = `void f(void) { ${stmt} }\n`
    t.same(modelAsm(src), { text: src, modelled: [], unmodelled: [] }, stmt)
  }
})

t.test('get_user and put_user become the world\'s copies, declared once without moving a line', async t => {
  const get = 'int f(int *p) {\n  int x; int __ret_gu; register long __val_gu asm("%rdx");\n  asm volatile("call __get_user_%c[size]" : "=a" (__ret_gu), "=r" (__val_gu), "+r" (current_stack_pointer) : "0" (p), [size] "i" (sizeof(*(p))));\n  x = __val_gu; return __ret_gu ? __ret_gu : x;\n}\n'
  const r = modelAsm(`# 1 "/k/x.c"\n${get}`)
  t.same(r.unmodelled, [])
  t.match(r.text, /^extern unsigned long klp_get_user\(void \*to, const void \*from, unsigned long n\); extern unsigned long klp_put_user\(.*\);\n# 1 "\/k\/x\.c"\n/, 'declared before the first line marker')
  t.match(r.text, /\{ __typeof__\(\(__val_gu\)\) klp_v; \(__ret_gu\) = klp_get_user\(&klp_v, \(const void \*\)\(p\), sizeof\(klp_v\)\) \? -14 : 0; \(__val_gu\) = klp_v; \}/)
  const put = 'int g(int *p, int v) {\n  int __ret_pu; void *__ptr_pu = p; register int __val_pu asm("%rax") = v;\n  asm volatile("call __put_user_%c[size]" : "=c" (__ret_pu), "+r" (current_stack_pointer) : "0" (__ptr_pu), "r" (__val_pu), [size] "i" (sizeof(*(p))) : "ebx");\n  return __ret_pu;\n}\n'
  const w = modelAsm(put)
  t.same(w.unmodelled, [])
  t.equal(lines(w.text), lines(put), 'no marker: the declarations share line 1')
  t.match(w.text, /\{ __typeof__\(\(__val_pu\)\) klp_v = \(__val_pu\); \(__ret_pu\) = klp_put_user\(\(void \*\)\(__ptr_pu\), &klp_v, sizeof\(klp_v\)\) \? -14 : 0; \}/)
  t.same(modelAsm('void h(void) { asm volatile("call __get_user_%c[size]" : "+r" (sp) : "0" (p)); }\n').unmodelled, ['h'], 'an unexpected shape is not modelled')
})
