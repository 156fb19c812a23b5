import t from 'tap'
import { mergeSeriesReports, type ShardFile } from '../../src/series/merge.js'
import type { PlannedProof, SeriesProof, SeriesReport } from '../../src/series/types.js'
import type { VerdictStatus } from '../../src/report/types.js'

/** A plan of proofs a..e over 3 shards, and each shard's report with the given verdicts. */
const PLAN: PlannedProof[] = [
  { id: 'a', function: 'fa', old: 'x.c', new: 'x.c', patch: 0, affected: false, shard: 2 },
  { id: 'b', function: 'fb', old: 'x.c', new: 'x.c', patch: 0, affected: true, shard: 1 },
  { id: 'c', function: 'fc', old: 'y.c', new: 'y.c', patch: 1, affected: false, shard: 3 },
  { id: 'd', function: 'fd', old: 'y.c', new: 'y.c', patch: 1, affected: false, shard: 1 },
  { id: 'e', function: 'fa', old: 'x.c', new: 'x.c', patch: null, affected: false, shard: 2 },
]

function proof(p: PlannedProof, verdict: VerdictStatus): SeriesProof {
  const { shard, ...head } = p
  void shard
  return { ...head, verdict, claims: [], cached: false, report: { cbmc: { version: '6.4.1' }, runs: [], timings: { totalMs: 5 } } as unknown as SeriesProof['report'] }
}

function shard(index: number, verdicts: Record<string, VerdictStatus>, over: Partial<SeriesReport> = {}): SeriesReport {
  const own = PLAN.filter(p => p.shard === index)
  const proofs = own.filter(p => verdicts[p.id]).map(p => proof(p, verdicts[p.id]!))
  return {
    schemaVersion: 1, kind: 'series', tool: { name: 'klp-verify', version: '0.1.0' }, source: { kind: 'manifest', description: 'm.yaml' },
    patches: [{ id: 0, index: 0, title: 'p0', status: 'applied', files: ['x.c'], added: [], removed: [] }, { id: 1, index: 1, title: 'p1', status: 'applied', files: ['y.c'], added: [], removed: [] }],
    proofs, counts: {} as SeriesReport['counts'], exitCode: 0, timings: { totalMs: 100 * index, cached: 0 },
    plan: { digest: 'd1', proofs: PLAN }, shard: { index, total: 3, source: '--shard', owned: own.map(p => p.id) },
    ...over,
  }
}

const ALL: Record<string, VerdictStatus> = { a: 'equivalent', b: 'as-claimed', c: 'equivalent', d: 'as-claimed', e: 'equivalent' }
const files = (...rs: SeriesReport[]): ShardFile[] => rs.map(r => ({ name: `shard-${r.shard?.index}.json`, report: JSON.parse(JSON.stringify(r)) }))

t.test('all shards: every proof once, in plan order, counts and the worst-first exit code recomputed', async t => {
  const m = mergeSeriesReports(files(shard(3, ALL), shard(1, { ...ALL, d: 'unintended' }), shard(2, { ...ALL, a: 'inconclusive' })))
  t.same(m.proofs.map(p => p.id), ['a', 'b', 'c', 'd', 'e'])
  t.equal(m.exitCode, 1, 'unintended (1) wins over inconclusive (2)')
  t.match(m.counts, { equivalent: 2, 'as-claimed': 1, unintended: 1, inconclusive: 1, error: 0 })
  t.equal(m.missing, undefined)
  t.equal(m.shard, undefined, 'the merged report is no shard')
  t.equal(m.timings.totalMs, 300, 'wall time: the slowest shard')
})

t.test('exit codes: a table', async t => {
  const rows: [string, Record<string, VerdictStatus>, number][] = [
    ['all pass', ALL, 0],
    ['an inconclusive', { ...ALL, c: 'inconclusive' }, 2],
    ['an error beats an unintended', { ...ALL, c: 'error', d: 'unintended' }, 3],
    ['claim-unobserved', { ...ALL, e: 'claim-unobserved' }, 1],
  ]
  for (const [name, v, code] of rows) {
    const m = mergeSeriesReports(files(shard(1, v), shard(2, v), shard(3, v)))
    t.equal(m.exitCode, code, name)
  }
  const broken = shard(1, ALL, { patches: [{ id: 0, index: 0, title: 'p0', status: 'not-applied', error: 'x', files: [], added: [], removed: [] }] })
  t.equal(mergeSeriesReports(files(broken, shard(2, ALL), shard(3, ALL))).exitCode, 3, 'a patch that did not apply: 3')
})

t.test('a missing shard: named with the proofs it owned; exit 2 unless something is worse', async t => {
  const m = mergeSeriesReports(files(shard(1, ALL), shard(3, ALL)))
  t.same(m.missing?.shards, [2])
  t.same(m.missing?.proofs.map(p => [p.id, p.function, p.shard]), [['a', 'fa', 2], ['e', 'fa', 2]])
  t.equal(m.exitCode, 2)
  t.equal(mergeSeriesReports(files(shard(1, { ...ALL, d: 'unintended' }), shard(3, ALL))).exitCode, 1, 'unintended stays 1')
  const only = mergeSeriesReports(files(shard(2, ALL)))
  t.same(only.missing?.shards, [1, 3])
  t.equal(only.proofs.length, 2)
})

t.test('a shard that stopped early: its proofs not run are missing, though no shard is', async t => {
  const m = mergeSeriesReports(files(shard(1, { b: 'as-claimed' }, { interrupted: true, exitCode: 130 }), shard(2, ALL), shard(3, ALL)))
  t.same(m.missing, { shards: [], proofs: [PLAN[3]] })
  t.equal(m.exitCode, 2)
})

t.test('refused: different plans, twins, strangers, whole runs, junk (exit 3, one line and a hint)', async t => {
  const cases: [string, ShardFile[], RegExp][] = [
    ['different plan', files(shard(1, ALL), shard(2, ALL, { plan: { digest: 'd2', proofs: PLAN } })), /shard-2\.json and shard-1\.json are shards of different series plans \(plan d2 of 3 shards vs plan d1 of 3\)/],
    ['different shard count', files(shard(1, ALL), shard(2, ALL, { shard: { index: 2, total: 4, source: '--shard', owned: ['a', 'e'] } })), /different series plans/],
    ['the same shard twice', files(shard(1, ALL), shard(1, ALL)), /are both shard 1\/3/],
    ['a proof another shard owns', files(shard(1, ALL, { proofs: [proof(PLAN[0]!, 'equivalent')] })), /proof a \(fa\) is not shard 1's/],
    ['owned list tampered', files(shard(1, ALL, { shard: { index: 1, total: 3, source: '--shard', owned: ['b'] } })), /shard 1's proofs are not the ones its plan gives it/],
    ['a whole run', [{ name: 'full.json', report: { ...shard(1, ALL), shard: undefined } }], /full\.json is the report of a whole run, not of a shard/],
    ['not a report', [{ name: 'x.json', report: [1, 2] }], /x\.json is not a klp-verify series JSON report/],
    ['a bad verdict', [{ name: 'x.json', report: { ...shard(1, ALL), proofs: [{ id: 'b', verdict: 'fine' }] } }], /a proof without an id or a valid verdict/],
    ['nothing', [], /no reports to merge/],
  ]
  for (const [name, fs, msg] of cases) t.throws(() => mergeSeriesReports(fs), { message: msg, exitCode: 3, hint: /./ }, name)
  const other = shard(2, ALL)
  const p = other.proofs[0]!
  const cbmc7 = { ...other, proofs: [{ ...p, report: { ...p.report!, cbmc: { version: '7.0.0', solver: '' } } }, ...other.proofs.slice(1)] }
  t.throws(() => mergeSeriesReports(files(shard(1, ALL), cbmc7)), { message: /the shards ran different cbmc versions \(6\.4\.1, 7\.0\.0\)/ })
})
