/** Claims and the names each expression may use, over hand-built extraction facts (no gcc). */
import t from 'tap'
import { buildClaim, checkSource, exprEnvs, worldNames, worldRefs } from '../../src/model/claims.js'
import { F, INT, REQ, VOID, claim, external, facts, ptr, type PairSpec } from '../fixtures/model-pair.js'

t.test('worldRefs: @f(k) becomes an identifier the preprocessor leaves alone', async t => {
  const rows: [string, string][] = [
    ['@blob_fill(1) != 0', '__klp_world_blob_fill__1 != 0'],
    ['@ blob_fill ( 3 ) < 0', '__klp_world_blob_fill__3 < 0'],
    ['@f(1) + @g(2)', '__klp_world_f__1 + __klp_world_g__2'],
    ['a @ b', 'a @ b'],
    ['len > 0', 'len > 0'],
  ]
  for (const [src, want] of rows) t.equal(worldRefs(src), want, src)
})

t.test('worldNames: the old run\'s k-th answer, checked against the functions the code calls', async t => {
  const pair = facts({ ...F, externals: [external('blob_fill', [INT]), external('log_it', [INT], VOID), external('f__2x', [])] }, REQ)
  t.same([...worldNames(worldRefs('@blob_fill(2) + @f__2x(1)'), pair, 'WHEN of claim c')], [
    ['__klp_world_blob_fill__2', '(klp_blob_fill_n[0] >= 2 ? klp_blob_fill_ret[0][1] : 0)'],
    ['__klp_world_f__2x__1', '(klp_f__2x_n[0] >= 1 ? klp_f__2x_ret[0][0] : 0)'],
  ])
  t.same(worldNames('len > 0', pair, 'x').size, 0, 'no world references')
  const rows: [string, string, string][] = [
    ['@log_it(1)', 'WHEN of claim c asks about @log_it(1), but log_it() returns nothing', 'ask about a function that returns a value'],
    ['@kmalloc(1)', 'WHEN of claim c asks about @kmalloc(1), but kmalloc() is not an external function f() calls', 'external functions called: blob_fill, log_it, f__2x'],
    ['@blob_fill(0)', 'WHEN of claim c: @blob_fill(0) counts calls from 1', 'write @blob_fill(1) for the first call'],
  ]
  for (const [src, message, hint] of rows) t.throws(() => worldNames(worldRefs(src), pair, 'WHEN of claim c'), { name: 'UsageError', message, hint }, src)
  t.throws(() => worldNames(worldRefs('@g(1)'), facts(F, REQ), 'W'), { hint: 'external functions called: none' }, 'a function without external calls')
})

t.test('exprEnvs: the names at entry, at exit and in buffer lengths', async t => {
  const e = exprEnvs(facts(F, REQ))
  t.same([...e.entry.names], [['counter', 'klp_old_counter'], ['old_only', 'klp_old_old_only'], ['o', 'o'], ['buf', 'buf'], ['len', 'len'], ['cb', 'cb'], ['flag', 'flag']])
  t.same([...e.entryNew.names], [['counter', 'klp_new_counter'], ['new_only', 'klp_new_new_only'], ['o', 'klp_new_o'], ['buf', 'klp_new_buf'], ['len', 'len'], ['cb', 'klp_new_cb'], ['flag', 'flag']])
  t.same([...e.exit.names].slice(-2), [['ret', 'klp_ret_new'], ['old_ret', 'klp_ret_old']])
  t.same([...e.lengths.names], [['len', 'len'], ['flag', 'flag']])
  t.same([...e.entry.keep], ['MODE_A'])
  t.equal(e.isVoid, false)
  const v = exprEnvs(facts({ func: 'g', params: [['p', ptr(INT)]], ret: VOID } satisfies PairSpec, REQ))
  t.equal(v.isVoid, true)
  t.notOk(v.exit.names.has('ret') || v.exit.names.has('old_ret'), 'a void function has no ret or old_ret')
})

t.test('buildClaim: source and harness C together', async t => {
  const c = claim('c', 'len > 1', 'ret == 0', ['return'])
  const pair = facts(F, { ...REQ, claims: [c] })
  t.same(await buildClaim(c, 'len > 1', 'ret == 0', pair, exprEnvs(pair)), {
    id: 'c', source: { when: 'len > 1', then: 'ret == 0' }, when: '(len > 1)', then: '(klp_ret_new == 0)', differs: ['return'],
  })
  const w = claim('w', 'len > 1')
  t.same(await buildClaim(w, 'len > 1', '1', pair, exprEnvs(pair)), { id: 'w', source: { when: 'len > 1' }, when: '(len > 1)', then: undefined, differs: w.differs }, 'no THEN')
  const world = facts({ ...F, externals: [external('blob_fill', [INT])] }, REQ)
  const q = claim('q', '@blob_fill(1) > len')
  t.same(await buildClaim(q, worldRefs(q.when), '1', world, exprEnvs(world)), {
    id: 'q', source: { when: '@blob_fill(1) > len' }, when: '((klp_blob_fill_n[0] >= 1 ? klp_blob_fill_ret[0][0] : 0) > len)', then: undefined, differs: q.differs, world: true,
  }, 'a claim about the world waits for it')
  const g = facts({ func: 'g', params: [['n', INT]], ret: VOID }, REQ)
  await t.rejects(buildClaim(claim('v', 'n > 0', 'ret == 0'), 'n > 0', 'ret == 0', g, exprEnvs(g)), {
    message: "THEN of claim v ('ret == 0') uses 'ret', which is not a parameter, global or constant of the function",
    hint: 'g() returns void, so there is no ret; THEN may use ret (new return value), old_ret, parameters and globals (after the new version returns)',
  }, 'a void function: the hint says why there is no ret')
})

t.test('checkSource: the text as written', async t => {
  t.doesNotThrow(() => checkSource('len > 1', 'x', 'h'))
  t.throws(() => checkSource('len /* */', "--assume 'len /* */'", 'h', 'assumptions'), {
    name: 'UsageError', message: "--assume 'len /* */' contains a comment ('/*'); comments are not allowed in assumptions", hint: 'h',
  })
})
