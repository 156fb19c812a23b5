import t from 'tap'
import { durationsOf, makespan, parseShard, proofIds, shardFromEnv, splitShards } from '../../src/series/shard.js'

t.test('parseShard: I/N, 1-based; anything else is a usage error with a hint', async t => {
  for (const [text, want] of [['1/1', [1, 1]], ['2/4', [2, 4]], [' 3 / 3 ', [3, 3]]] as const) {
    t.match(parseShard(text), { index: want[0], total: want[1], source: '--shard' }, text)
  }
  for (const bad of ['0/4', '5/4', '1/0', '2', 'a/b', '-1/2', '1/2/3', '']) {
    t.throws(() => parseShard(bad), { exitCode: 3, hint: /--shard I\/N/ }, bad)
  }
})

t.test('shardFromEnv: GitLab and Kubernetes Indexed Jobs, or none', async t => {
  const rows: [Record<string, string>, number | undefined, unknown][] = [
    [{}, undefined, undefined],
    [{ CI_NODE_INDEX: '2', CI_NODE_TOTAL: '5' }, undefined, { index: 2, total: 5, source: /GitLab/ }],
    [{ CI_NODE_INDEX: '2' }, undefined, undefined], // no total: not a parallel job
    [{ JOB_COMPLETION_INDEX: '0' }, 3, { index: 1, total: 3, source: /Kubernetes/ }],
    [{ JOB_COMPLETION_INDEX: '2' }, 3, { index: 3, total: 3 }],
    [{ JOB_COMPLETION_INDEX: '0' }, undefined, undefined], // an Indexed Job that does not shard klp-verify
    [{ JOB_COMPLETION_INDEX: '1', CI_NODE_INDEX: '1', CI_NODE_TOTAL: '2' }, 4, { index: 2, total: 4, source: /Kubernetes/ }],
  ]
  for (const [env, shards, want] of rows) {
    const got = shardFromEnv(env, shards)
    if (want === undefined) t.equal(got, undefined, JSON.stringify(env))
    else t.match(got, want, JSON.stringify(env))
  }
  for (const [env, shards, msg] of [
    [{ JOB_COMPLETION_INDEX: '3' }, 3, /not below --shards 3/],
    [{}, 3, /--shards needs JOB_COMPLETION_INDEX/],
    [{ JOB_COMPLETION_INDEX: 'x' }, 3, /JOB_COMPLETION_INDEX="x" is not a whole number/],
    [{ CI_NODE_INDEX: '3', CI_NODE_TOTAL: '2' }, undefined, /above CI_NODE_TOTAL=2/],
    [{ CI_NODE_INDEX: '0', CI_NODE_TOTAL: '2' }, undefined, /CI_NODE_INDEX="0"/],
    [{ JOB_COMPLETION_INDEX: '0' }, 0, /--shards 0/],
  ] as const) t.throws(() => shardFromEnv(env as Record<string, string>, shards), { message: msg, exitCode: 3 })
})

t.test('proofIds: from the place in the series, commit ids left out, repeats numbered', async t => {
  const a = proofIds([
    { function: 'f', new: 'abc1234:x.c', patch: 'abc1234' },
    { function: 'f', new: 'def5678:x.c', patch: 'def5678' },
    { function: 'f', new: 'def5678:x.c', patch: null },
  ])
  t.equal(new Set(a).size, 3, 'three proofs, three ids')
  const rebased = proofIds([
    { function: 'f', new: '1111111:x.c', patch: '1111111' },
    { function: 'f', new: '2222222:x.c', patch: '2222222' },
    { function: 'f', new: '2222222:x.c', patch: null },
  ])
  t.same(rebased, a, 'a rebased series keeps its ids')
  t.match(a[0], /^[0-9a-f]{16}$/)
})

const items = (costs: (number | undefined)[]) => costs.map((cost, i) => ({ id: `p${String(i).padStart(3, '0')}`, ...(cost === undefined ? {} : { cost }) }))

t.test('splitShards: LPT over known costs, round-robin for unknown ones, every item in exactly one shard', async t => {
  const rows: [string, (number | undefined)[], number, number[]][] = [
    ['one shard', [5, 3, undefined], 1, [0, 0, 0]],
    ['LPT: biggest first to the least loaded (7|5, 7|9, 10|9, 10|10)', [7, 5, 4, 3, 1], 2, [0, 1, 1, 0, 1]],
    ['ties: lower id first, lower shard first', [2, 2, 2, 2], 2, [0, 1, 0, 1]],
    ['unknown costs round-robin in id order', [undefined, undefined, undefined, undefined, undefined], 3, [0, 1, 2, 0, 1]],
    ['unknown costs start at the least loaded shard', [10, undefined, undefined], 2, [0, 1, 0]],
    ['more shards than proofs: some stay empty', [1, 1], 4, [0, 1]],
  ]
  for (const [name, costs, n, want] of rows) t.same(splitShards(items(costs), n), want, name)
})

t.test('splitShards: independent of the input order (the same split on every machine)', async t => {
  const its = items([9, 3, undefined, 7, 7, 1, undefined, 4, 2, 8])
  const split = splitShards(its, 3)
  const rev = [...its].reverse()
  const back = splitShards(rev, 3).reverse()
  t.same(back, split)
})

t.test('makespan: LPT within 4/3 of the ideal on a skewed set; round-robin is worse', async t => {
  const costs = Array.from({ length: 240 }, (_, i) => ((i * 7919) % 600) + (i % 17 === 0 ? 5000 : 50))
  const its = items(costs)
  const lpt = makespan(its, splitShards(its, 4), 4)
  const ideal = costs.reduce((a, b) => a + b, 0) / 4
  const rr = makespan(its, its.map((_, i) => i % 4), 4)
  t.ok(lpt / ideal <= 1.15, `LPT ${lpt} vs ideal ${ideal}`)
  t.ok(lpt <= rr, `LPT ${lpt} <= round-robin ${rr}`)
})

t.test('durationsOf: ids and costs from reports, plans and untrusted junk', async t => {
  t.equal(durationsOf(null), undefined)
  t.equal(durationsOf({ proofs: 'x' }), undefined)
  const d = durationsOf({
    proofs: [
      { id: 'a', function: 'f', new: 'x.c', patch: 0, report: { runs: [{ durationMs: 100 }, { durationMs: 50 }], timings: { totalMs: 3 } } },
      { id: 'b', function: 'g', new: 'x.c', patch: 0, report: { runs: [], timings: { totalMs: 40 } } },
      { id: 'c', function: 'h', new: 'x.c', patch: 0, report: null },
      { id: 'd', function: 'i', new: 'x.c', patch: 0, cost: 7 },
      { id: 'e', function: 'j', new: 'x.c', patch: 0, cost: -1, report: { timings: { totalMs: 'x' } } },
      { id: 'f', function: 'k', new: 'x.c', patch: 0, cached: true, cachedMs: 1200 },
      { id: 'g', function: 'l', new: 'x.c', patch: 0, cached: true, cachedMs: 'x' },
    ],
  })!
  t.same([...d], [['a', 150], ['b', 40], ['d', 7], ['f', 1200]], 'runs time (kept by a cache hit), else total, or a --list plan\'s cached time; junk left out')
  const old = durationsOf({ proofs: [{ function: 'f', new: 'x.c', patch: 0, report: { runs: [{ durationMs: 9 }] } }] })!
  t.same([...old.values()], [9])
  t.same([...old.keys()], proofIds([{ function: 'f', new: 'x.c', patch: 0 }]), 'a report without ids: ids from the place of each proof')
})
