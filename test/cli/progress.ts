import t from 'tap'
import { eta, formatDuration, seriesProgress } from '../../src/cli/progress.js'
import type { SeriesProof } from '../../src/series/types.js'

const proof = (fn: string, verdict: SeriesProof['verdict'], cached = false): SeriesProof =>
  ({ function: fn, old: 'o.c', new: 'n.c', patch: 'abc123', affected: false, verdict, claims: [], cached, report: null })

t.test('durations and ETA', async t => {
  t.equal(formatDuration(4_400), '4s')
  t.equal(formatDuration(125_000), '2m05s')
  t.equal(formatDuration(3_725_000), '1h02m')
  t.equal(eta(0, 10, 1000), '?')
  t.equal(eta(2, 10, 10_000), '40s', 'mean time per proof × proofs left')
  t.equal(eta(10, 10, 10_000), '?')
})

t.test('not a terminal: one plain line per finished proof (CI logs)', async t => {
  let out = ''
  const p = seriesProgress({ isTTY: false, write: s => { out += s } })
  p.onEvent({ kind: 'planned', total: 2 })
  p.onEvent({ kind: 'start', label: 'f()', running: 1 })
  p.onEvent({ kind: 'done', proof: proof('f', 'unintended'), done: 1, total: 2, running: 0, failures: 1, elapsedMs: 1000 })
  p.onEvent({ kind: 'done', proof: proof('g', 'equivalent', true), done: 2, total: 2, running: 0, failures: 1, elapsedMs: 1100 })
  p.finish()
  t.equal(out, 'klp-verify: series: 2 proofs planned\nklp-verify: [1/2] unintended: f() patch abc123\nklp-verify: [2/2] equivalent (cached): g() patch abc123\n')
  t.notMatch(out, /\r|\x1b/, 'no control characters in logs')
})

t.test('a terminal: one status line rewritten in place; failures stay above it', async t => {
  let out = ''
  const p = seriesProgress({ isTTY: true, write: s => { out += s } })
  p.onEvent({ kind: 'planned', total: 3 })
  p.onEvent({ kind: 'start', label: 'f()', running: 2 })
  t.match(out, /\r\x1b\[2Kklp-verify: \[0\/3\] 2 running · 0 failing · ETA \?$/)
  p.onEvent({ kind: 'done', proof: proof('f', 'equivalent'), done: 1, total: 3, running: 1, failures: 0, elapsedMs: 2000 })
  t.notMatch(out, /equivalent/, 'a passing proof only moves the counter')
  p.onEvent({ kind: 'done', proof: proof('g', 'unintended'), done: 2, total: 3, running: 1, failures: 1, elapsedMs: 4000 })
  t.match(out, /\r\x1b\[2Kklp-verify: \[2\/3\] unintended: g\(\) patch abc123\n\r\x1b\[2Kklp-verify: \[2\/3\] 1 running · 1 failing · ETA 2s$/)
  p.finish()
  t.match(out, /\r\x1b\[2K$/, 'the status line is cleared at the end')
})
