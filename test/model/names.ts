import t from 'tap'
import { ENTRY_DESCRIPTION, ENTRY_MARK, LIMIT, LIMITS_TEXT, LIMIT_MARK, MARK, MAX_BLOB, MAX_CALLS, MAX_SEQ, VAR, WORLD, arrayEqOf, parseMarker } from '../../src/model/names.js'

t.test('parseMarker reads the tag and index the emitter writes', async t => {
  const rows: [string, ReturnType<typeof parseMarker>][] = [
    [`${MARK.eq} 3 memory *o`, { tag: 'KLP_EQ', index: 3 }],
    [`${MARK.reach} 0 C1`, { tag: 'KLP_REACH', index: 0 }],
    [`${MARK.then} 12 C2`, { tag: 'KLP_THEN', index: 12 }],
    [ENTRY_DESCRIPTION, undefined],
    [LIMIT.calls, undefined],
    ['KLP_EQ x', undefined],
    ['assertion kmalloc', undefined],
  ]
  for (const [d, want] of rows) t.same(parseMarker(d), want, d)
})

t.test('the entry and limit descriptions start with their marks', async t => {
  t.ok(ENTRY_DESCRIPTION.startsWith(`${ENTRY_MARK} `))
  for (const d of Object.values(LIMIT)) t.ok(d.startsWith(`${LIMIT_MARK} `), d)
})

t.test('the limits in words come from the constants', async t => {
  t.equal(LIMITS_TEXT, `calls sized to each external function's call sites, at most ${MAX_CALLS} per function and ${MAX_SEQ} in all; ${MAX_BLOB} bytes per out-parameter`)
  t.equal(LIMITS_TEXT, "calls sized to each external function's call sites, at most 6 per function and 16 in all; 64 bytes per out-parameter")
})

t.test('harness variable names', async t => {
  t.equal(VAR.same(2), 'klp_same_2')
  t.equal(VAR.arrayIndex(5), 'klp_di_5')
  t.equal(arrayEqOf(VAR.arrayIndex(5)), VAR.arrayEq(5))
  t.same([VAR.arrayOld(1), VAR.arrayNew(1)], ['klp_o_1', 'klp_n_1'])
  t.equal(VAR.newParam('o'), 'klp_new_o')
  t.equal(WORLD.calls('kmalloc'), 'klp_kmalloc_n')
  t.equal(WORLD.answers('kmalloc'), 'klp_kmalloc_ret')
})
