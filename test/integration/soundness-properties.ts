/**
 * Soundness, class 2: klp-verify checks that its own properties were decided. A `--cbmc-arg` that can
 * drop, narrow or change a property is refused (one `error:` line naming every refused argument,
 * exit 3) before any cbmc runs, in single and series mode; the arguments it allows are printed in the
 * report's bounds section. A cbmc that answers `success` with an empty or partial result list gives
 * an error, never `equivalent`. And (class 8) a cbmc that crashes or is killed from outside is
 * reported as what it is, not as a C front-end rejection or out-of-memory.
 */
import t, { type Test } from 'tap'
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { requireCbmc } from '../fixtures/integration.js'
import { DIFFERING, assertNotForged, gitPair, nativeDiffers, sandbox, type Box, type SandboxRun } from '../fixtures/soundness.js'

let REAL_CBMC = ''
t.before(async () => {
  REAL_CBMC = await requireCbmc()
})

/**
 * A cbmc stand-in in box.scratch that logs every call and then, by FAKE_CBMC_MODE, runs the real
 * cbmc or lies about (or dies during) a verification run:
 *   pass         run the real cbmc
 *   empty        verification runs print `success` with an empty result list
 *   drop-failed  verification runs print the real results without the failed properties, and `success`
 *   kill-list    the --list-goto-functions run dies of SIGSEGV
 *   kill-run     verification runs die of SIGKILL (as if someone else killed them; no memory message)
 */
function fakeCbmc(box: Box): { cbmc: string; log: string; calls: () => string[] } {
  const log = path.join(box.scratch, 'cbmc-calls.log')
  const bin = path.join(box.scratch, 'fake-bin')
  mkdirSync(bin, { recursive: true })
  const cbmc = path.join(bin, 'cbmc.mjs')
  writeFileSync(cbmc, `#!/usr/bin/env node
import { appendFileSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
const args = process.argv.slice(2)
appendFileSync(${JSON.stringify(log)}, args.join(' ') + '\\n')
const mode = process.env.FAKE_CBMC_MODE ?? 'pass'
const real = () => spawnSync(${JSON.stringify(REAL_CBMC)}, args, { encoding: 'utf8', maxBuffer: 1 << 28 })
const info = args.includes('--version') || args.includes('--show-properties')
if (info || mode === 'pass') {
  const r = real(); process.stdout.write(r.stdout); process.stderr.write(r.stderr); process.exit(r.status ?? 1)
}
if (args.includes('--list-goto-functions')) {
  if (mode === 'kill-list') process.kill(process.pid, 'SIGSEGV')
  else { const r = real(); process.stdout.write(r.stdout); process.exit(r.status ?? 1) }
} else if (mode === 'kill-run') {
  process.kill(process.pid, 'SIGKILL')
} else {
  let result = []
  if (mode === 'drop-failed') {
    const items = JSON.parse(real().stdout)
    result = items.find(i => i.result).result.filter(p => p.status !== 'FAILURE')
  }
  process.stdout.write(JSON.stringify([{ program: 'CBMC 6.6.0 (cbmc-6.6.0)' }, { result }, { messageText: 'VERIFICATION SUCCESSFUL', messageType: 'STATUS-MESSAGE' }, { cProverStatus: 'success' }]))
  process.exit(0)
}
`)
  chmodSync(cbmc, 0o755)
  const calls = () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').filter(l => l && !l.includes('--version')) : [])
  return { cbmc, log, calls }
}

/** The refusal: exit 3, one error line naming each argument, one hint line, nothing proved. */
function assertRefused(t: Test, r: SandboxRun, args: readonly string[]): void {
  t.equal(r.code, 3, `exit 3 (stderr: ${r.stderr})`)
  const lines = r.stderr.trimEnd().split('\n')
  t.equal(lines.length, 2, 'one error line and one hint line')
  t.match(lines[0], /^error: --cbmc-arg refused: /)
  for (const a of args) t.ok(lines[0]!.includes(`"${a}"`), `the error names ${a}`)
  t.match(lines[1], /^hint: allowed: /)
  // nothing proved: no report (with --format json, the error itself as JSON)
  t.match(r.stdout ? JSON.parse(r.stdout) : { verdict: 'error', exitCode: 3 }, { verdict: 'error', exitCode: 3 }, 'no report: nothing was proved')
  assertNotForged(t, r)
}

/** The bounds section's row for --cbmc-arg, if any. */
function extraArgsOf(bounds: { what: string; value: string }[] | undefined): string | undefined {
  return bounds?.find(b => /extra cbmc arguments/.test(b.what))?.value
}

const PAIR = { 'old.c': DIFFERING.old, 'new.c': DIFFERING.new }
// -fwrapv: the pair's only difference is the return value (no overflow for the safety runs to find)
const SINGLE = ['old.c', 'new.c', '--func', 'f', '--fwrapv', '--unwind', '1', '--format', 'json']

t.test('control: an allowed --cbmc-arg runs, finds the difference and is printed in the bounds section', async t => {
  const box = await sandbox(t, PAIR)
  t.ok(await nativeDiffers(box, 'old.c', 'new.c', 'f', 'printf("%d\\n", f(7));'), 'the pair differs natively')
  const fake = fakeCbmc(box)
  const r = await box.run([...SINGLE, '--cbmc', fake.cbmc, '--cbmc-arg', '--object-bits', '--cbmc-arg', '12', '--cbmc-arg', '--unsigned-overflow-check'])
  t.equal(r.code, 1, r.stderr)
  t.equal(r.json?.verdict, 'unintended')
  t.ok(extraArgsOf(r.json?.bounds) === '--object-bits 12 --unsigned-overflow-check', 'JSON bounds name the extra arguments')
  t.ok(fake.calls().some(c => c.includes('--object-bits 12')), 'cbmc got them')
  await box.assertClean(t)
  const text = await box.run(SINGLE.filter(a => a !== '--format' && a !== 'json').concat(['--cbmc-arg', '--object-bits', '--cbmc-arg', '12']))
  t.match(text.stdout, /extra cbmc arguments \(--cbmc-arg\)\s+--object-bits 12/, 'the text report prints them too')
  await box.assertClean(t)
})

t.test('--cbmc-arg that drops or narrows properties is refused before any cbmc runs (single mode)', async t => {
  const box = await sandbox(t, PAIR)
  const fake = fakeCbmc(box)
  const rows: [string, string[]][] = [
    ['the issue: --no-assertions', ['--no-assertions']],
    ['--property narrows the run to one property', ['--property', 'klp_harness.assertion.1']],
    ['--no-unwinding-assertions and --cover', ['--no-unwinding-assertions', '--cover', 'location']],
    ['disabled checks and a stop-on-fail among allowed arguments', ['--z3', '--no-pointer-check', '--stop-on-fail', '--object-bits', '10', '--no-standard-checks']],
    ['a UI flag and an extra source file', ['--xml-ui', 'evil.c']],
  ]
  for (const [name, args] of rows) {
    const r = await box.run([...SINGLE, '--cbmc', fake.cbmc, ...args.flatMap(a => ['--cbmc-arg', a])])
    t.test(name, async t => {
      const allowed = new Set(['--z3', '--object-bits', '10'])
      assertRefused(t, r, args.filter(a => !allowed.has(a)))
      for (const a of allowed) if (args.includes(a)) t.notOk(r.stderr.includes(`"${a}"`), `the allowed ${a} is not named`)
    })
    await box.assertClean(t)
  }
  t.same(fake.calls(), [], 'cbmc never ran')
})

t.test('--cbmc-arg --no-assertions is refused in series mode (git and patch directory) before any cbmc runs', async t => {
  const box = await sandbox(t, {
    'tree/f.c': DIFFERING.old,
    'patches/series': '0001-change.patch\n',
    'patches/0001-change.patch': [
      'From: T <t@x>', 'Subject: [PATCH] change f', '', '---', '--- a/f.c', '+++ b/f.c', '@@ -1,4 +1,6 @@',
      ' int f(int x)', ' {', '+\tif (x > 5)', '+\t\treturn x + 1;', ' \treturn x;', ' }', '',
    ].join('\n'),
  })
  const fake = fakeCbmc(box)
  const repo = gitPair(box)
  const common = ['--fwrapv', '--unwind', '1', '--format', 'json', '--cbmc', fake.cbmc]

  // control: the same series with an allowed argument finds the difference
  const ok = await box.run(['series', '--git', repo, '--range', 'HEAD~1..HEAD', ...common, '--cbmc-arg', '--slice-formula'])
  t.equal(ok.code, 1, ok.stderr)
  t.equal(ok.json?.proofs?.[0]?.verdict, 'unintended', 'the series finds the difference')
  t.equal(extraArgsOf(ok.json?.proofs?.[0]?.report?.bounds), '--slice-formula', 'the proof report names the extra argument')
  await box.assertClean(t)
  const before = fake.calls().length

  const g = await box.run(['series', '--git', repo, '--range', 'HEAD~1..HEAD', ...common, '--cbmc-arg', '--no-assertions'])
  assertRefused(t, g, ['--no-assertions'])
  await box.assertClean(t)
  const p = await box.run(['series', '--tree', 'tree', '--patches', 'patches', ...common, '--cbmc-arg', '--partial-loops', '--cbmc-arg', '--depth', '--cbmc-arg', '5'])
  assertRefused(t, p, ['--partial-loops', '--depth', '5'])
  await box.assertClean(t)
  t.equal(fake.calls().length, before, 'no cbmc ran for the refused series')
})

t.test('a cbmc that answers success with an empty or partial result list gives an error, never equivalent', async t => {
  const box = await sandbox(t, PAIR)
  const fake = fakeCbmc(box)
  for (const mode of ['empty', 'drop-failed']) {
    const r = await box.run([...SINGLE, '--cbmc', fake.cbmc], { env: { FAKE_CBMC_MODE: mode } })
    t.test(mode, async t => {
      t.equal(r.code, 3, `exit 3 (stdout: ${r.stdout.slice(0, 400)})`)
      t.equal(r.json?.verdict, 'error')
      assertNotForged(t, r)
      t.match(JSON.stringify(r.json?.errors), /no status|planted/, 'the error says planted properties got no status')
    })
    await box.assertClean(t)
  }
  t.ok(fake.calls().some(c => !c.includes('--list-goto-functions')), 'the fake cbmc did answer the verification runs')
})

t.test('class 8: a crashing cbmc is not blamed on the C front end, a killed one is not out-of-memory', async t => {
  const box = await sandbox(t, PAIR)
  const fake = fakeCbmc(box)
  const crash = await box.run([...SINGLE, '--cbmc', fake.cbmc], { env: { FAKE_CBMC_MODE: 'kill-list' } })
  t.equal(crash.code, 3, crash.stderr)
  const lines = crash.stderr.trimEnd().split('\n')
  t.equal(lines.length, 2, 'one error line and one hint line')
  t.match(lines[0], /^error: .*SIGSEGV/, 'the error names the signal')
  t.notMatch(crash.stderr, /front end|rejected the code/, 'no hint that the C code was rejected')
  await box.assertClean(t)

  const killed = await box.run([...SINGLE, '--cbmc', fake.cbmc], { env: { FAKE_CBMC_MODE: 'kill-run' } })
  t.equal(killed.code, 3, killed.stderr)
  t.equal(killed.json?.verdict, 'error')
  t.not(killed.json?.reason, 'out-of-memory')
  t.match(JSON.stringify(killed.json?.errors), /SIGKILL/, 'the error says cbmc was killed')
  t.notMatch(`${killed.json?.summary} ${JSON.stringify(killed.json?.errors)}`, /ran out of memory|out-of-memory/, 'nothing says it ran out of memory')
  assertNotForged(t, killed)
  await box.assertClean(t)
  void fake
})
