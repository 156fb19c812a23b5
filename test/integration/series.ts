/** `klp-verify series` over a small manifest of worked cases, against the real cbmc. */
import path from 'node:path'
import t from 'tap'
import { HARNESSES, requireCbmc, runCli } from '../fixtures/integration.js'

t.before(async () => {
  await requireCbmc()
})

t.test('a series: automatic function detection, specs per entry, worst exit code', async t => {
  const r = await runCli(['series', path.join(HARNESSES, 'series-manifest.yaml'), '--format', 'json', '--no-cache', '--cache-dir', t.testdir()])
  const report = JSON.parse(r.stdout)
  t.equal(report.schemaVersion, 1)
  const verdicts = Object.fromEntries(report.proofs.map((p: { function: string; verdict: string }) => [p.function, p.verdict]))
  t.same(verdicts, { msg_fill: 'as-claimed', pkt_csum: 'equivalent', rx_frame: 'unintended' }, 'one proof per changed function, spec winning over the manifest defaults')
  t.same(report.patches.find((l: { id: number }) => l.id === 1)?.added, ['sum_bytes'], 'an added helper is listed, not compared')
  t.same(report.patches.map((p: { status: string }) => p.status), ['applied', 'applied', 'applied'])
  t.equal(r.code, 1, 'worst exit code: unintended')
  t.equal(report.exitCode, 1)
  for (const p of report.proofs) t.ok(p.report && p.report.function === p.function, `${p.function}: the single-proof report is included`)
})

t.test('a bad manifest is one clear error', async t => {
  const dir = t.testdir({ 'm.yaml': 'entries: []\n' })
  const r = await runCli(['series', path.join(dir, 'm.yaml')])
  t.equal(r.code, 3)
  t.match(r.stderr, /^error: .*m\.yaml: entries: a series needs at least one entry/m)
  t.match(r.stderr, /^hint: /m)
})

t.test('--baseline shows what moved first; a bad baseline is one clear error', async t => {
  const dir = t.testdir({
    'base.json': JSON.stringify({ proofs: [{ function: 'rx_frame', old: 'x', new: path.join(HARNESSES, 'global-side-effect', 'new.c'), verdict: 'equivalent' }] }),
    'bad.json': '{"not": "a report"}',
  })
  const r = await runCli(['series', path.join(HARNESSES, 'series-manifest.yaml'), '--baseline', path.join(dir, 'base.json'), '--cache-dir', path.join(dir, 'cache')])
  t.match(r.stdout, /^since the baseline:\n {2}NEW unintended: rx_frame\(\) in /)
  const bad = await runCli(['series', path.join(HARNESSES, 'series-manifest.yaml'), '--baseline', path.join(dir, 'bad.json')])
  t.equal(bad.code, 3)
  t.match(bad.stderr, /^error: .*bad\.json is not a klp-verify series JSON report/m)
})
