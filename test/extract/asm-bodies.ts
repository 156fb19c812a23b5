/** The C bodies of the kernel's asm primitives: well-formed (their meaning is checked natively in test/integration/asm-bodies.ts). */
import t from 'tap'
import { ASM_BODIES } from '../../src/extract/asm-bodies.js'

t.test('every body uses exactly its parameters and is one balanced C body', async t => {
  t.ok(ASM_BODIES.size >= 60, `${ASM_BODIES.size} models`)
  for (const [name, b] of ASM_BODIES) {
    const used = new Set([...b.c.matchAll(/\$(\d)/g)].map(m => Number(m[1])))
    t.same([...used].sort(), [...Array(b.params).keys()], `${name}: $0..$${b.params - 1}`)
    let depth = 0
    for (const ch of b.c) {
      if (ch === '(' || ch === '{') depth++
      else if (ch === ')' || ch === '}') depth--
      if (depth < 0) break
    }
    t.equal(depth, 0, `${name}: balanced`)
    t.ok(b.c.trim().endsWith(';'), `${name}: statements`)
  }
})

t.test('the families are complete', async t => {
  for (const pre of ['arch_atomic_', 'arch_atomic64_']) {
    for (const op of ['add', 'sub', 'and', 'or', 'xor', 'fetch_add', 'fetch_sub', 'fetch_and', 'fetch_or', 'fetch_xor', 'inc', 'dec', 'inc_and_test', 'dec_and_test', 'sub_and_test', 'add_negative', 'add_return', 'sub_return', 'cmpxchg', 'try_cmpxchg', 'xchg']) {
      t.ok(ASM_BODIES.has(pre + op), pre + op)
    }
  }
  for (const n of ['arch_set_bit', 'arch___clear_bit', 'arch_test_and_set_bit', 'variable_test_bit', 'arch_static_branch', 'arch_static_branch_jump', '__preempt_count_add', '__preempt_count_dec_and_test']) t.ok(ASM_BODIES.has(n), n)
})
