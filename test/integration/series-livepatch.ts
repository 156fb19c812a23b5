/**
 * `klp-verify series` with the live patch of each patch (issue #11): each changed file compiled in both
 * versions with the real gcc, joined to the series' proofs (real cbmc); a hazard fails the patch unless
 * its spec accepts it.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import t from 'tap'
import { HARNESSES, requireCbmc, runCli } from '../fixtures/integration.js'
import type { SeriesReport } from '../../src/series/types.js'

t.before(async () => {
  await requireCbmc()
})

const copy = (name: string) => ({
  'old.c': readFileSync(path.join(HARNESSES, name, 'old.c'), 'utf8'),
  'new.c': readFileSync(path.join(HARNESSES, name, 'new.c'), 'utf8'),
})

t.test('each patch lists the functions to replace with their series verdicts, and its hazards', async t => {
  const dir = t.testdir({
    inlined: copy('livepatch-inlined-helper'),
    data: { ...copy('livepatch-data-changed'), 'accept.yaml': 'function: should_retry\naccept-hazards: ["data-changed:max_retries"]\n' },
    'm.yaml': 'defaults:\n  max-size: 8\nentries:\n  - old: inlined/old.c\n    new: inlined/new.c\n    functions: auto\n  - old: data/old.c\n    new: data/new.c\n    functions: auto\n',
    'accepted.yaml': 'defaults:\n  max-size: 8\nentries:\n  - old: data/old.c\n    new: data/new.c\n    functions: auto\n    spec: data/accept.yaml\n',
  })
  const r = await runCli(['series', path.join(dir, 'm.yaml'), '--format', 'json', '--no-cache', '--cache-dir', path.join(dir, 'cache')])
  const report = JSON.parse(r.stdout) as SeriesReport
  t.same(report.proofs.map(p => [p.function, p.verdict]), [['rx_weight', 'equivalent'], ['scale', 'equivalent'], ['tx_weight', 'equivalent'], ['should_retry', 'equivalent']])
  const [inlined, data] = report.patches
  // scale() is inlined into both callers and has no symbol: the live patch replaces the callers, each proved by the series
  t.same(inlined!.livepatch!.functions.map(f => [f.symbol, f.reason, f.via, f.verdict]), [
    ['rx_weight', 'inlined-callee-changed', ['scale'], 'equivalent'],
    ['tx_weight', 'inlined-callee-changed', ['scale'], 'equivalent'],
  ])
  t.same(inlined!.livepatch!.hazards, [])
  t.same(data!.livepatch!.hazards.map(h => [h.kind, h.symbol, h.accepted ?? false]), [['data-changed', 'max_retries', false]])
  t.equal(r.code, 1, 'every proof is equivalent, but a hazard fails the run')
  t.equal(report.exitCode, 1)
  const text = await runCli(['series', path.join(dir, 'm.yaml'), '--cache-dir', path.join(dir, 'cache')])
  t.match(text.stdout, /^ {2}live patch of patch 1: 0 functions to replace, 1 hazard$/m)
  t.match(text.stdout, /^ {4}HAZARD data-changed max_retries \(error\): /m)
  const ok = await runCli(['series', path.join(dir, 'accepted.yaml'), '--format', 'json', '--cache-dir', path.join(dir, 'cache')])
  const accepted = JSON.parse(ok.stdout) as SeriesReport
  t.same(accepted.patches[0]!.livepatch!.hazards.map(h => [h.kind, h.accepted]), [['data-changed', true]], 'the spec accepts it: listed, marked')
  t.equal(ok.code, 0, 'an accepted hazard does not fail the run')
  const off = await runCli(['series', path.join(dir, 'm.yaml'), '--format', 'json', '--object', 'off', '--cache-dir', path.join(dir, 'cache')])
  t.equal(off.code, 0, '--object off: proofs only')
  t.notOk((JSON.parse(off.stdout) as SeriesReport).patches.some(p => p.livepatch))
})
