/** Header functions the world models become prototypes, so the model's stub stands in for them. */
import t from 'tap'
import { dropModelledBodies } from '../../src/extract/world-bodies.js'

const src = [
  '# 1 "/k/include/linux/spinlock.h" 1',
  'static inline __attribute__((__always_inline__)) void spin_lock(spinlock_t *lock)',
  '{',
  '\traw_spin_lock(&lock->rlock);',
  '}',
  'static inline int other(int x) { return x; }',
  '# 5 "/k/lib/x.c"',
  'static inline void kfree_local(void *p) { }',
  'void spin_unlock(spinlock_t *lock) { }',
  'int f(spinlock_t *l) { spin_lock(l); spin_unlock(l); return other(1); }',
].join('\n')

t.test('a header body of a modelled function becomes an external prototype; lines are kept', async t => {
  const r = dropModelledBodies(src, new Set(['spin_lock', 'spin_unlock', 'kfree']), '/k/lib/x.c')
  t.same(r.replaced, ['spin_lock'])
  const lines = r.text.split('\n')
  t.equal(lines.length, src.split('\n').length)
  t.match(lines[1], /^\s+__attribute__\(\(__always_inline__\)\) void spin_lock\(spinlock_t \*lock\)$/, 'no static or inline: it links to the stub')
  t.equal(lines[2], ';', 'the body is gone')
  t.equal(lines[3], '')
  t.match(r.text, /static inline int other\(int x\) \{ return x; \}/, 'unmodelled functions keep their bodies')
  t.match(r.text, /void spin_unlock\(spinlock_t \*lock\) \{ \}/, 'the user\'s own file keeps its definition')
})

t.test('nothing modelled, nothing changes', async t => {
  t.same(dropModelledBodies(src, new Set(), '/k/lib/x.c'), { text: src, replaced: [] })
  t.same(dropModelledBodies('void spin_lock(int *l) { }\n', new Set(['spin_lock']), 'x.c').replaced, [], 'no line marker: no header to tell')
})

t.test('the kernel\'s inline (gnu_inline) goes too: cbmc would drop the stub\'s body as an inline definition', async t => {
  const k = [
    '# 1 "/k/include/linux/skbuff.h" 1',
    'static inline __attribute__((__gnu_inline__)) __attribute__((__unused__)) void kfree_skb(struct sk_buff *skb)',
    '{',
    '\tsk_skb_reason_drop(0, skb, 2);',
    '}',
    'static inline __attribute__((gnu_inline)) int keep(int x) { return x; }',
  ].join('\n')
  const r = dropModelledBodies(k, new Set(['kfree_skb']), '/k/net/x.c')
  t.same(r.replaced, ['kfree_skb'])
  t.match(r.text.split('\n')[1], /^\s+__attribute__\(\(__unused__\)\) __attribute__\(\(__unused__\)\) void kfree_skb\(struct sk_buff \*skb\)$/)
  t.match(r.text, /static inline __attribute__\(\(gnu_inline\)\) int keep/, 'only the modelled function\'s declaration changes')
})
