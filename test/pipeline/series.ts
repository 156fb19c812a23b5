import t from 'tap'
import { worstExit } from '../../src/pipeline/series.js'
import { checkProofArgs } from '../../src/pipeline/resolve.js'

t.test('worst exit code: 3 > 1 > 2 > 0', async t => {
  t.equal(worstExit([0, 2, 1]), 1)
  t.equal(worstExit([2, 0]), 2)
  t.equal(worstExit([1, 3, 2]), 3)
  t.equal(worstExit([]), 0)
})


t.test('planSeriesRun: ids, a deterministic split over --durations, and a digest of the plan', async t => {
  const { planSeriesRun } = await import('../../src/pipeline/series.js')
  const { loadManifest, manifestSource } = await import('../../src/series/manifest.js')
  const { proofIds } = await import('../../src/series/shard.js')
  const fn = (name: string, body: string) => `int ${name}(int x)\n{\n\t${body}\n}\n`
  const dir = t.testdir({
    'a-old.c': fn('fa', 'return x;') + fn('fb', 'return x + 1;') + fn('fc', 'return 2 * x;'),
    'a-new.c': fn('fa', 'return x + 0;') + fn('fb', 'return x + 2;') + fn('fc', 'return x + x;'),
    'b-old.c': fn('fd', 'return x;'),
    'b-new.c': fn('fd', 'return -x;'),
    'm.yaml': 'entries:\n  - { old: a-old.c, new: a-new.c, functions: auto }\n  - { old: b-old.c, new: b-new.c, functions: auto }\n',
  })
  const file = `${dir}/m.yaml`
  const plan = async (opts: Parameters<typeof planSeriesRun>[4], cli: Parameters<typeof checkProofArgs>[0] = {}) => {
    const m = await loadManifest(file)
    return planSeriesRun(manifestSource(m, file), checkProofArgs(cli), m.defaults, { env: process.env, log: { info: () => {}, debug: () => {} }, preprocessMemo: new Map() }, opts)
  }
  const whole = await plan({})
  t.same(whole.planned.map(p => [p.function, p.patch]), [['fa', 0], ['fb', 0], ['fc', 0], ['fd', 1]])
  t.same(whole.planned.map(p => p.id), proofIds(whole.planned), 'ids from each proof\'s place')
  t.ok(whole.planned.every(p => p.shard === undefined), 'no shard asked: none assigned')
  const shard = { index: 1, total: 2, source: '--shard' as const }
  const split = await plan({ shard })
  t.same(split.planned.map(p => p.id), whole.planned.map(p => p.id))
  const byId = [...split.planned.map(p => p.id)].sort()
  t.same(split.planned.map(p => p.shard), split.planned.map(p => (byId.indexOf(p.id) % 2) + 1), 'no durations: round-robin in id order')
  t.same(split.tasks.map(x => x.shard + 1), split.planned.map(p => p.shard), 'the tasks carry the same shards')
  t.not(split.digest, whole.digest, 'the shard count is part of the plan')
  t.equal((await plan({ shard: { ...shard, index: 2 } })).digest, split.digest, 'every shard of one run has the same plan')
  const durations = new Map(whole.planned.map((p, i) => [p.id, [50, 10, 10, 30][i]!]))
  const balanced = await plan({ shard, durations })
  t.same(balanced.planned.map(p => p.shard), [1, 2, 2, 2], 'LPT: 50 | 30 + 10 + 10')
  t.same(balanced.planned.map(p => p.cost), [50, 10, 10, 30])
  t.not(balanced.digest, split.digest, 'another split is another plan')
  t.not((await plan({ shard }, { maxSize: 4 })).digest, split.digest, 'options are part of the plan')
  t.not((await plan({ shard }, { minSize: 4 })).digest, split.digest, '--min-size too')
  const build = (digest: string) => () => ({ cflags: [], includes: { old: [], new: [] }, summary: { from: 'make', lines: [] }, platform: [], digest })
  const configA = await plan({ shard, build: build('aaaaaaaaaaaaaaaa') })
  t.not(configA.digest, split.digest, 'a build context is part of the plan')
  t.not((await plan({ shard, build: build('bbbbbbbbbbbbbbbb') })).digest, configA.digest, 'two shards with different kconfigs do not share a plan')
  t.equal((await plan({ shard, build: build('aaaaaaaaaaaaaaaa') })).digest, configA.digest, 'the same context: the same plan')
})

t.test('fail closed: changed C files and not one proof planned is an error, never a green run', async t => {
  const { planSeriesRun } = await import('../../src/pipeline/series.js')
  const { loadManifest, manifestSource } = await import('../../src/series/manifest.js')
  const dir = t.testdir({
    'old.c': 'int f(int x) { return x; }\n',
    'new.c': 'int f(int x) { /* a comment */ return x; }\n',
    'm.yaml': 'entries:\n  - { old: old.c, new: new.c }\n',
  })
  const m = await loadManifest(`${dir}/m.yaml`)
  await t.rejects(planSeriesRun(manifestSource(m, `${dir}/m.yaml`), checkProofArgs({}), m.defaults, { env: process.env, log: { info: () => {}, debug: () => {} } }), {
    name: 'ExtractError', exitCode: 3,
    message: 'the series changed 1 C file, but no proof was planned: nothing would be proved',
    hint: /no live patch is needed; to prove a function anyway, name it/,
  })
})

t.test('runSeries: every planned proof runs (here: cbmc missing, so each is an error), events, worst exit, a shard runs its own', async t => {
  const { runSeries } = await import('../../src/pipeline/series.js')
  const { loadManifest, manifestSource } = await import('../../src/series/manifest.js')
  const fn = (name: string, body: string) => `int ${name}(int x)\n{\n\t${body}\n}\n`
  const dir = t.testdir({
    'old.c': fn('fa', 'return x;') + fn('fb', 'return x;'),
    'new.c': fn('fa', 'return x + 1;') + fn('fb', 'return -x;'),
    'm.yaml': 'entries:\n  - { old: old.c, new: new.c, functions: [fb, fa] }\n',
  })
  const m = await loadManifest(`${dir}/m.yaml`)
  const env = { env: {}, log: { info: () => {}, debug: () => {} } }
  const cli = checkProofArgs({ cbmc: `${dir}/no-cbmc`, jobs: 2 })
  const events: string[] = []
  const r = await runSeries(manifestSource(m, `${dir}/m.yaml`), cli, m.defaults, env, { onEvent: e => events.push(e.kind) })
  t.same(r.proofs.map(p => [p.function, p.verdict, p.patch]), [['fa', 'error', 0], ['fb', 'error', 0]], 'in series order')
  t.match(r.proofs[0]!.error, /no-cbmc/)
  t.equal(r.exitCode, 3)
  t.equal(r.counts.error, 2)
  t.same(events.filter(e => e !== 'start'), ['planned', 'done', 'done'])
  const s = await runSeries(manifestSource(m, `${dir}/m.yaml`), cli, m.defaults, env, { shard: { index: 1, total: 2, source: '--shard' } })
  t.equal(s.proofs.length, 1, 'shard 1 of 2 runs one of the two proofs')
  t.same(s.shard?.owned, s.proofs.map(p => p.id))
  t.equal(s.plan?.proofs.length, 2)
})
