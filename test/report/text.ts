import t from 'tap'
import { renderText } from '../../src/report/text.js'
import type { ProofReport } from '../../src/report/types.js'
import * as f from '../fixtures/reports.js'
import * as sz from '../fixtures/sizes-reports.js'
import * as lp from '../fixtures/livepatch-reports.js'

const ESC = '\x1b['

t.test('snapshot per fixture', async t => {
  for (const [name, r] of Object.entries(f.reports)) t.matchSnapshot(renderText(r), name)
})

t.test('snapshot with colour', async t => {
  t.matchSnapshot(renderText(f.unintended, { color: true }), 'unintended, coloured')
})

t.test('the verdict comes first, on one line', async t => {
  for (const r of Object.values(f.reports)) {
    const first = renderText(r).split('\n')[0]!
    t.match(first, new RegExp(`^${r.verdict.toUpperCase()}  ${r.function}\\(\\): `), r.verdict)
  }
  t.match(renderText(f.unintended), /^UNINTENDED {2}msg_fill\(\): the patch changes behavior outside its claims\n/)
})

t.test('equivalent and as-claimed say within which bounds', async t => {
  for (const r of [f.equivalent, f.asClaimed, f.claimUnobserved]) {
    const [verdict, bounds] = renderText(r).split('\n\n')
    t.match(verdict!.split('\n')[0], / \(within the bounds below\)$/, r.verdict)
    t.equal(
      bounds,
      [
        'within bounds ("default": not chosen by you):',
        '  unwinding bound                  auto (reached 16, max 64)                             default',
        '  max buffer size (--max-size)     12 elements',
        '  buffer buf                       len elements, 0 <= len <= 12',
        '  pointer parameters               non-NULL, one object each unless --buffer/--nullable  default',
        '  pointer fields of input objects  NULL or one fresh object (depth 1)                    default',
        '  globals at entry                 any value, the same for both versions                 default',
        '  signed overflow                  undefined (a safety violation)                        default',
      ].join('\n'),
      `${r.verdict}: the bounds table right after the verdict`,
    )
  }
})

t.test('a long bound value (a kernel command\'s flags) wraps under its column and widens nothing', async t => {
  const flags = Array.from({ length: 40 }, (_, i) => `-I/src/linux/include/dir${i}`).join(' ')
  const r = { ...f.equivalent, bounds: [...f.equivalent.bounds, { what: 'compiler flags (--cflags)', value: flags, isDefault: false }] }
  const [, bounds] = renderText(r).split('\n\n')
  const lines = bounds!.split('\n')
  t.equal(lines[1], '  unwinding bound                  auto (reached 16, max 64)                             default', 'the other rows keep their widths')
  const wrapped = lines.slice(lines.findIndex(l => l.startsWith('  compiler flags (--cflags)')))
  t.ok(wrapped.length > 5, 'on several lines')
  t.ok(wrapped.every(l => l.length <= 100), 'each within 100 columns')
  t.match(wrapped[0], /^ {2}compiler flags \(--cflags\) {8}-I\/src\/linux\/include\/dir0 /)
  t.ok(wrapped.slice(1).every(l => /^ {35}-I/.test(l)), 'continued under the value column')
  t.equal(wrapped.join(' ').replace(/\s+/g, ' ').trim().replace(/^compiler flags \(--cflags\) /, ''), flags, 'every flag, in order')
})

t.test('a headline too long for the pointer still gets the bounds table', async t => {
  const text = renderText({ ...f.equivalent, function: `a_very_long_function_name_${'x'.repeat(30)}` })
  t.match(text, /^EQUIVALENT {2}a_very_long\w+\(\): old and new behave the same\n/)
  t.match(text, '\n\nwithin bounds ("default": not chosen by you):\n')
})

t.test('other verdicts list the bounds at the end, or not at all', async t => {
  const text = renderText(f.inconclusiveUnwinding)
  t.match(text, /\n\nbounds \("default": not chosen by you\):\n {2}unwinding bound {18}8\n {2}max buffer size \(--max-size\) {5}16 elements {43}default\n/)
  t.match(text, /--unwind 16\n\nbounds /, 'after the hints')
  t.notMatch(text, /within (the )?bounds/)
  t.notMatch(renderText(f.inconclusiveTypeChanged), 'bounds (', 'no run, no bounds')
  t.notMatch(renderText(f.error), 'bounds (', 'failed proof, no bounds')
})

t.test('a difference block: classification, observable, claim, inputs, aligned values', async t => {
  const text = renderText(f.unintended)
  t.match(
    text,
    [
      'unintended  return  (not allowed by any claim)',
      '  inputs   len = 8, m->type = 1, buf[0..7] = { 0, 0, 0, 0, 0, 0, 0, 0 }',
      '  values   what   | old | new',
      '           return | 0   | -22 (-EINVAL)',
      '           m->len | 8   | 0',
      '  run      equiv',
    ].join('\n'),
  )
  t.match(text, '\nintended  return  (allowed by claim reject-long-payload)\n')
  t.match(
    text,
    [
      '',
      '  at       new.c:19',
      '  detail   introduced by the patch: dereference failure: pointer outside object bounds in buf[len -',
      '           1] in msg_fill()',
      '  run      safety-new',
    ].join('\n'),
    'long details wrap under their label',
  )
})

t.test('claim phrases', async t => {
  const d = f.unintended.differences[0]!
  const render = (diff: typeof d): string => renderText({ ...f.unintended, differences: [diff] })
  t.match(render({ ...d, claim: 'reject-long-payload' }), '\nunintended  return  (breaks claim reject-long-payload)\n')
  t.match(render({ ...d, classification: 'intended' }), '\nintended  return\n', 'intended without a claim')
})

t.test('long input lists wrap under their label', async t => {
  const inputs = Array.from({ length: 16 }, (_, i) => ({ name: `buf[${i}]`, value: String(i * 11) }))
  const text = renderText({ ...f.unintended, differences: [{ ...f.unintended.differences[0]!, inputs }] })
  const lines = text.split('\n')
  const at = lines.findIndex(l => l.startsWith('  inputs   '))
  t.match(lines[at], /^ {2}inputs {3}buf\[0\] = 0, .*,$/)
  t.match(lines[at + 1], /^ {11}buf\[\d+\] = \d+/)
})

t.test('lines stay within 100 columns', async t => {
  for (const [name, r] of Object.entries(f.reports)) {
    for (const line of renderText(r).split('\n')) t.ok(line.length <= 100, `${name}: ${line}`)
  }
})

t.test('claims: observed, not observed, unknown, with witnesses', async t => {
  t.match(
    renderText(f.claimUnobserved),
    [
      'claims: 1 of 2 observed',
      '  observed      reject-long-payload: when len > MSG_PAYLOAD, then ret == -EINVAL',
      '    differs  return, memory, safety',
      '    witness  len = 9, m->type = 1, buf[0..8] = { 0, 0, 0, 0, 0, 0, 0, 0, 0 }',
      '    values   what   | old | new',
    ].join('\n'),
  )
  t.match(renderText(f.claimUnobserved), '\n  NOT observed  count-errors: when m->type == 0, then nr_errors')
  t.match(renderText(f.inconclusiveUnwinding), 'claims: 0 of 1 observed, 1 unknown\n  unknown       reject-long-payload: when len > MSG_PAYLOAD\n')
  const long: ProofReport = {
    ...f.claimUnobserved,
    claims: [{ ...f.claimUnobserved.claims[1]!, when: 'm->type == 0 && (m->len > 4 || m->flags & MSG_F_URGENT) && nr_errors < INT_MAX' }],
  }
  t.match(
    renderText(long),
    [
      '  NOT observed  count-errors: when m->type == 0 && (m->len > 4 || m->flags & MSG_F_URGENT) &&',
      '                  nr_errors < INT_MAX, then nr_errors == old_nr_errors + 1',
      '    differs  globals',
    ].join('\n'),
    'long claims wrap',
  )
  const bare: ProofReport = {
    ...f.asClaimed,
    claims: [{ id: 'c', when: 'x > 0', differs: [], observed: true, witness: { inputs: [], values: f.asClaimed.claims[0]!.witness!.values } }],
  }
  t.match(renderText(bare), '\n  observed      c: when x > 0\n    values   what   | old | new\n', 'no then, no differs, no inputs')
  t.notMatch(renderText(f.equivalent), /claims/, 'no claims section without claims')
})

t.test('pre-existing findings are marked verdict-neutral', async t => {
  const text = renderText(f.equivalent)
  t.match(text, 'pre-existing safety findings: 1 (already in old; they do not change the verdict)\n')
  t.match(text, '\n  array bounds in msg_fill() at old.c:19\n    array \'m->payload\' upper bound in m->payload[i]\n    inputs   len = 9')
  t.match(text, '1 pre-existing finding')
  const noLocation: ProofReport = { ...f.equivalent, preExisting: [{ ...f.equivalent.preExisting[0]!, location: undefined, inputs: [] }] }
  t.match(renderText(noLocation), '\n  array bounds in msg_fill()\n    array \'m->payload\' upper bound in m->payload[i]\n\n')
})

t.test('type and const changes, errors and hints', async t => {
  t.match(
    renderText(f.inconclusiveTypeChanged),
    'type changes:\n  struct msg: field flags (u16) added after len; size 12 → 14\nconst changes:\n  MSG_PAYLOAD: 8 → 16\n',
  )
  t.match(renderText({ ...f.inconclusiveTypeChanged, typeChanges: [] }), '\n\nconst changes:\n')
  t.match(renderText(f.inconclusiveUnwinding), '\nhint: bound 8 was too small for the loop at new.c:12; try --unwind 16\n')
  t.match(renderText(f.error), "\nerror: cbmc failed on the harness (exit 6): new.c:14: conflicting types for 'msg_fill'\nhint: re-run")
  t.match(
    renderText(f.inconclusiveTypeChanged),
    '\nhint: a live patch cannot change the layout of a type that running code already uses; keep the old\n      layout',
    'hints wrap',
  )
  const longError = { ...f.error, errors: [`cbmc: ${'word '.repeat(30)}end`] }
  t.match(renderText(longError), /\nerror: cbmc: word .*\n {7}word .*end\n/, 'errors wrap')
})

t.test('footer: cbmc, runs, unwinding, timings', async t => {
  t.match(
    renderText(f.inconclusiveUnwinding),
    [
      '',
      'cbmc 6.6.0 (cbmc-6.6.0) · solver CaDiCaL (external, --external-sat-solver)',
      'klp-verify 0.1.0 · exit 2 · runs: 2 (2 bound-too-small)',
      'unwinding: fixed bound 8, incomplete (open loops: klp_new_msg_fill.0 (new.c:12))',
      'time: 1 min 15 s total (cbmc 1 min 15 s, own 400 ms)',
      '',
    ].join('\n'),
  )
  t.match(renderText(f.equivalent), '\nunwinding: auto bound 16, complete\n')
  const cpu = { ...f.equivalent, timings: { ...f.equivalent.timings, toolCpuMs: 61_000, ownCpuMs: 900 } }
  t.match(renderText(cpu), /\ntime: .*\ncpu: 1 min 1 s in cbmc, solvers and gcc, 900 ms in klp-verify\n/, 'CPU time of the process tree beside wall time')
  t.notMatch(renderText(f.equivalent), /\ncpu: /, 'no line where the system did not say')
  t.match(renderText({ ...cpu, timings: { ...cpu.timings, ownCpuMs: undefined } }), /\ncpu: 1 min 1 s in cbmc, solvers and gcc\n/)
  t.match(
    renderText(f.inconclusiveTypeChanged),
    '\nklp-verify 0.1.0 · exit 2 · runs: none\ntime: 180 ms total',
    'no unwinding line without runs',
  )
})

t.test('difference counts only when they mean something', async t => {
  t.match(renderText(f.equivalent), '\n            old.c → new.c · no differences · 1 pre-existing finding\n')
  t.match(renderText(f.unintended), 'old.c → new.c · 3 differences (2 unintended, 1 intended) · claims observed: 1 of 1\n')
  t.match(renderText(f.asClaimed), 'old.c → new.c · 3 intended differences · claims observed: 1 of 1\n')
  const one = { ...f.unintended, differences: f.unintended.differences.slice(0, 1), claims: [] }
  t.match(renderText(one), 'old.c → new.c · 1 unintended difference\n')
  t.match(renderText(f.error), '\n       old.c → new.c\n', 'no count when the proof did not finish')
})

t.test('colour codes only with color: true', async t => {
  for (const r of Object.values(f.reports)) {
    t.notOk(renderText(r).includes(ESC), `${r.verdict}: none by default`)
    t.notOk(renderText(r, { color: false }).includes(ESC), `${r.verdict}: none with color: false`)
    t.ok(renderText(r, { color: true }).includes(ESC), `${r.verdict}: some with color: true`)
  }
  const strip = (s: string): string => s.replace(/\x1b\[\d+m/g, '')
  for (const r of Object.values(f.reports)) {
    t.equal(strip(renderText(r, { color: true })), renderText(r), `${r.verdict}: same text under the colour`)
  }
  t.match(renderText(f.equivalent, { color: true }), /^\x1b\[1m\x1b\[32mEQUIVALENT\x1b\[39m\x1b\[22m {2}/, 'green verdict')
  t.match(renderText(f.unintended, { color: true }), /^\x1b\[1m\x1b\[31mUNINTENDED/, 'red verdict')
  t.match(renderText(f.inconclusiveUnwinding, { color: true }), /^\x1b\[1m\x1b\[33mINCONCLUSIVE/, 'yellow verdict')
})

t.test('ends with exactly one newline', async t => {
  for (const r of Object.values(f.reports)) t.match(renderText(r), /[^\n]\n$/)
})

t.test('a verdict reached at a smaller buffer bound states the bound in its verdict line', async t => {
  const open = renderText(sz.reducedBound)
  t.match(open.split('\n')[0], /^INCONCLUSIVE {2}ucs2_strnlen\(\): equivalent for buffers of up to 16 elements \(max-size 32 timed out after 1 min 33 s\)$/)
  t.match(open, '\n\nwithin bounds ("default": not chosen by you):\n', 'the bounds it holds within come with the verdict')
  t.match(open, /max buffer size \(--max-size\) +16 elements \(asked 32; max-size 32 timed out after 1 min 33 s\)/)
  t.match(open, 'exit 2')
  const ok = renderText(sz.reducedAccepted)
  t.match(ok.split('\n')[0], /^EQUIVALENT {2}ucs2_strnlen\(\): old and new behave the same for buffers of up to 16 elements \(max-size 32 timed out after 1 min 33 s; accepted by --min-size 16\)$/)
  t.matchSnapshot(open, 'reduced bound')
  t.matchSnapshot(ok, 'reduced bound, accepted by --min-size')
})

t.test('live patch: right under the verdict, each function with why and its verdict, then the hazards', async t => {
  for (const [name, r] of Object.entries(lp.livePatchReports)) t.matchSnapshot(renderText(r), `live patch: ${name}`)
  const text = renderText(lp.asClaimedWithLivePatch)
  const blocks = text.split('\n\n')
  t.match(blocks[0], /^AS-CLAIMED /, 'the verdict stays first')
  t.match(blocks[1], /^live patch: 5 functions to replace, 2 hazards \(1 accepted\)\n/)
  t.match(text, /^ {2}scale\.constprop\.0 +ipa-clone of scale +not-proved$/m)
  t.match(text, /^ {2}rx_weight +inlined-callee-changed via scale +unintended$/m)
  t.match(text, /^ {2}caller +codegen-only +equivalent \(benign\)$/m)
  t.match(text, /^ {2}hazard {2}data-changed {2}limit {2}\(error\)$/m)
  t.match(text, /^ {2}hazard {2}ipa-ra {2}callee {2}\(warning, accepted\)$/m)
  t.match(renderText(lp.equivalentNothingChanged), /\n\nlive patch: no function changed in the object code, no hazards\n\n/)
  t.match(renderText(lp.equivalentObjectError), /\n\nlive patch: not analysed\n {2}gcc failed: old\.c:3:1: error: expected declaration\n\n/)
  t.notMatch(renderText(f.equivalent), /live patch/, 'no section without the analysis (--object off)')
  const coloured = renderText(lp.asClaimedWithLivePatch, { color: true })
  t.match(coloured, `${ESC}31munintended${ESC}39m`, 'a failed proof in red')
  t.match(coloured, `${ESC}2mnot-proved${ESC}22m`, 'not proved dimmed')
  t.match(coloured, `${ESC}2mhazard${ESC}22m  ipa-ra`, 'an accepted hazard dimmed')
})

t.test('a proof for every iteration count says it unwound nothing', async t => {
  const r: ProofReport = {
    ...f.equivalent, preExisting: [],
    unwinding: { mode: 'auto', bound: 0, complete: true, openLoops: [], kind: 'unbounded', techniques: [{ what: 'loop at line 7 of f()', technique: 'coupling-invariant' }] },
    runs: [{ run: 'loop-proof', unwind: 0, status: 'complete', durationMs: 900, command: 'goto-instrument --apply-loop-contracts (2 rounds, 40 candidates)' }],
  }
  t.match(renderText(r), /\nunwinding: none \(unbounded: coupling-invariant\)\n/)
  const bounded = { ...r, unwinding: { ...r.unwinding, bound: 33 } }
  t.match(renderText(bounded), /\nunwinding: auto bound 33, complete\n/, 'an unbounded verdict whose bounded runs unwound keeps their bound')
  const none = { ...r, unwinding: { mode: 'auto' as const, bound: 0, complete: true, openLoops: [], kind: 'unbounded' as const } }
  t.match(renderText(none), /\nunwinding: none \(unbounded\)\n/)
})
