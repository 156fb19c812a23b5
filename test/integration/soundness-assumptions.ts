/**
 * Soundness, class 3: assumptions that allow no input prove anything. The harness plants a
 * reachability marker (KLP_ENTRY) after every entry assumption (--assume, spec `assume:`,
 * `Klp-Assume:` trailers, buffer bounds, held locks); if no run reaches it, the verdict is an error
 * (exit 3) naming the assumptions, never `equivalent` for a pair that differs natively.
 */
import t, { type Test } from 'tap'
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { requireCbmc, ROOT } from '../fixtures/integration.js'
import { DIFFERING, assertNotForged, gitPair, nativeDiffers, sandbox, type SandboxRun } from '../fixtures/soundness.js'

t.before(async () => {
  await requireCbmc()
})

const PAIR = { 'old.c': DIFFERING.old, 'new.c': DIFFERING.new }
const SINGLE = ['old.c', 'new.c', '--func', 'f', '--fwrapv', '--unwind', '1', '--format', 'json']

/** The vacuity error: exit 3, verdict error, the errors name every given assumption, one hint. */
function assertVacuous(t: Test, r: SandboxRun, named: readonly string[], errors = r.json?.errors as string[] | undefined): void {
  t.equal(r.code, 3, `exit 3 (stderr: ${r.stderr}; stdout: ${r.stdout.slice(0, 300)})`)
  assertNotForged(t, r)
  t.equal(errors?.length, 1, `one error line, naming every run that saw it (${JSON.stringify(errors)})`)
  t.match(errors?.[0], /the entry assumptions \(.*\) allow no input at all, so every property would hold vacuously/)
  for (const a of named) t.ok(errors?.[0]?.includes(`'${a}'`), `the error names ${a}`)
}

t.test('control: a satisfiable assumption still finds the difference', async t => {
  const box = await sandbox(t, PAIR)
  t.ok(await nativeDiffers(box, 'old.c', 'new.c', 'f', 'printf("%d\\n", f(7));'), 'the pair differs natively')
  const r = await box.run([...SINGLE, '--assume', 'x > 6'])
  t.equal(r.code, 1, r.stderr)
  t.equal(r.json?.verdict, 'unintended')
  await box.assertClean(t)
})

t.test('--assume that no input satisfies is an error, not EQUIVALENT', async t => {
  const box = await sandbox(t, PAIR)
  const rows: [string, string[], string[]][] = [
    ['the issue: --assume 0', ['--assume', '0'], ['0']],
    ["the issue: --assume 'x != x'", ['--assume', 'x != x'], ['x != x']],
    ['two assumptions that contradict each other', ['--assume', 'x > 10', '--assume', 'x < 5'], ['x > 10', 'x < 5']],
  ]
  for (const [what, args, named] of rows) {
    const r = await box.run([...SINGLE, ...args])
    t.test(what, async t => assertVacuous(t, r, named))
    await box.assertClean(t)
  }
  const text = await box.run(['old.c', 'new.c', '--func', 'f', '--unwind', '1', '--assume', 'x != x'])
  t.equal(text.code, 3)
  t.match(text.stdout, /error: .*the entry assumptions \('x != x'\) allow no input/, 'the text report says it')
  t.match(text.stdout, /hint: drop or relax the contradicting --assume/, 'with what to do')
  await box.assertClean(t)
})

t.test("a spec's assume: entries that contradict are an error", async t => {
  const box = await sandbox(t, { ...PAIR, 'spec.yaml': 'function: f\nassume: ["x > 10", "x < 5"]\n' })
  const r = await box.run(['old.c', 'new.c', '--spec', 'spec.yaml', '--fwrapv', '--unwind', '1', '--format', 'json'])
  assertVacuous(t, r, ['x > 10', 'x < 5'])
  await box.assertClean(t)
})

t.test('a buffer bound that cannot hold (--buffer buf:len --assume len > 100 --max-size 8)', async t => {
  const old = 'int g(char *buf, int len)\n{\n\treturn len > 0 ? buf[0] : 0;\n}\n'
  const nw = 'int g(char *buf, int len)\n{\n\treturn len > 0 ? buf[0] + 1 : 0;\n}\n'
  const box = await sandbox(t, { 'old.c': old, 'new.c': nw })
  t.ok(await nativeDiffers(box, 'old.c', 'new.c', 'g', 'char b[200] = {1}; printf("%d\\n", g(b, 150));'), 'the pair differs natively')
  const args = ['old.c', 'new.c', '--func', 'g', '--buffer', 'buf:len', '--max-size', '8', '--unwind', '1', '--fwrapv', '--format', 'json']
  const control = await box.run([...args, '--assume', 'len > 4'])
  t.equal(control.json?.verdict, 'unintended', `control: within the bound the difference is found (${control.stderr})`)
  const r = await box.run([...args, '--assume', 'len > 100'])
  assertVacuous(t, r, ['0 <= len <= 8 (buffer buf)', 'len > 100'])
  await box.assertClean(t)
})

t.test('held: locks that cannot all be held at once (the same lock twice) are an error', async t => {
  const dir = path.join(ROOT, 'harnesses', 'must-hold')
  const box = await sandbox(t, {
    'include/kern.h': readFileSync(path.join(ROOT, 'harnesses', 'include', 'kern.h'), 'utf8'),
    'case/old.c': readFileSync(path.join(dir, 'old.c'), 'utf8'),
    'case/new.c': readFileSync(path.join(dir, 'new.c'), 'utf8'),
    'case/ok.yaml': 'function: queue_push_locked\nheld: ["&q->lock"]\n',
    'case/twice.yaml': 'function: queue_push_locked\nheld: ["&q->lock", "&q->lock"]\n',
  })
  const args = (spec: string) => ['case/old.c', 'case/new.c', '--spec', spec, '--unwind', '2', '--format', 'json']
  const control = await box.run(args('case/ok.yaml'))
  t.equal(control.json?.verdict, 'unintended', `control: one held lock, the dropped unlock is found (${control.stderr})`)
  const r = await box.run(args('case/twice.yaml'))
  assertVacuous(t, r, ['held &q->lock'])
  await box.assertClean(t)
})

t.test('a Klp-Assume trailer that no input satisfies is an error in series git mode', async t => {
  const box = await sandbox(t, {})
  const repo = gitPair(box, { message: 'change f\n\nKlp-Assume: f: x != x\n' })
  const r = await box.run(['series', '--git', repo, '--range', 'HEAD~1..HEAD', '--fwrapv', '--unwind', '1', '--format', 'json'])
  const proof = r.json?.proofs?.[0] as { verdict?: string; report?: { errors?: string[] } } | undefined
  t.equal(proof?.verdict, 'error', `the proof is an error (${r.stderr})`)
  t.not(r.json?.verdict, 'equivalent')
  assertVacuous(t, r, ['x != x'], proof?.report?.errors)

  // control: the same trailer with a satisfiable assumption finds the difference
  execFileSync('git', ['-C', repo, '-c', 'user.name=T', '-c', 'user.email=t@x', 'commit', '-q', '--amend', '-m', 'change f\n\nKlp-Assume: f: x > 6\n'], { stdio: 'pipe' })
  const ok = await box.run(['series', '--git', repo, '--range', 'HEAD~1..HEAD', '--fwrapv', '--unwind', '1', '--format', 'json'])
  t.equal((ok.json?.proofs?.[0] as { verdict?: string } | undefined)?.verdict, 'unintended', ok.stderr)
  await box.assertClean(t)
})

t.test('a claim whose WHEN no input satisfies is never observed (not as-claimed)', async t => {
  const box = await sandbox(t, PAIR)
  const r = await box.run([...SINGLE, '--intended', 'x != x'])
  t.not(r.json?.verdict, 'as-claimed')
  assertNotForged(t, r)
  t.equal(r.code, 1, r.stderr)
  await box.assertClean(t)
})

t.test('the bounds section lists what the proof assumed and was preprocessed with', async t => {
  const box = await sandbox(t, { ...PAIR, 'inc/defs.h': '#define UNUSED 1\n' })
  const r = await box.run([...SINGLE, '--assume', 'x > 6', '--cflags', '-std=gnu11 -DFOO=2', '-D', 'BAR=3', '-I', 'inc'])
  t.equal(r.json?.verdict, 'unintended', r.stderr)
  const rows = ((r.json?.bounds ?? []) as { what: string; value: string }[]).map(b => `${b.what}: ${b.value}`)
  for (const want of ['assumption: x > 6', 'compiler flags (--cflags): -std=gnu11 -DFOO=2', 'define (-D): BAR=3', 'include folder (-I): inc']) {
    t.ok(rows.includes(want), `bounds list ${want} (${JSON.stringify(rows)})`)
  }
  const text = await box.run(['old.c', 'new.c', '--func', 'f', '--unwind', '1', '--fwrapv', '-D', 'BAR=3', '-I', 'inc', '--cflags', '-std=gnu11'])
  t.match(text.stdout, /define \(-D\)\s+BAR=3/, 'the text report prints them')
  t.match(text.stdout, /include folder \(-I\)\s+inc/)
  t.match(text.stdout, /compiler flags \(--cflags\)\s+-std=gnu11/)
  await box.assertClean(t)
})
