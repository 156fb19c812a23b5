/**
 * Soundness, class 1: every C expression a file or an option brings (a spec's externals writes size,
 * each field of a --models file, claims, assumptions) passes one validator before it reaches the
 * harness: a statement smuggled after it (`4); __CPROVER_assume(0); (4`) can no longer make a
 * differing pair EQUIVALENT, a statement expression calling system() never runs in native replay,
 * and a claim holding `//` is refused for what it is (a comment), not called "empty". Each refusal
 * is exit 3 with one `error:` line naming the file, field and text, and one `hint:` line.
 */
import t, { type Test } from 'tap'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { requireCbmc } from '../fixtures/integration.js'
import { assertNotForged, sandbox, type Box, type SandboxRun } from '../fixtures/soundness.js'

t.before(async () => {
  await requireCbmc()
})

/**
 * A pair that calls the world: fill() writes through its first argument, cin() copies in, put()
 * releases, get() answers. The new version returns x + 1 for x > 5 (old returns x): the versions
 * differ whatever the world does.
 */
const DECLS = 'void fill(int *out, int n);\nint get(int n);\nunsigned long cin(void *to, unsigned long n);\nvoid put(void *p);\n'
const BODY = '\tint v = 0, w = 0;\n\tfill(&v, 4);\n\tcin(&w, 4);\n\tput(0);\n'
const PAIR = {
  old: `${DECLS}int f(int x)\n{\n${BODY}\treturn x + get(v + w) * 0;\n}\n`,
  new: `${DECLS}int f(int x)\n{\n${BODY}\tif (x > 5)\n\t\treturn x + 1;\n\treturn x + get(v + w) * 0;\n}\n`,
} as const

/** The world, natively: what fill() and get() do does not matter to the difference. */
const WORLD_C = 'void fill(int *out, int n) { *out = n; }\nint get(int n) { return n; }\nunsigned long cin(void *to, unsigned long n) { return n; }\nvoid put(void *p) { (void)p; }\n'

/** Build each version natively with WORLD_C and a main printing f(7): do the versions differ? */
function nativeDiffers(box: Box, oldRel: string, newRel: string): boolean {
  const outputs = [oldRel, newRel].map((rel, i) => {
    const dir = path.join(box.scratch, `native-${i}`)
    mkdirSync(dir, { recursive: true })
    writeFileSync(path.join(dir, 'world.c'), WORLD_C)
    writeFileSync(path.join(dir, 'main.c'), 'int printf(const char *, ...);\nint f(int);\nint main(void) { printf("%d\\n", f(7)); return 0; }\n')
    const exe = path.join(dir, 'a.out')
    execFileSync('gcc', ['-w', '-o', exe, path.join(box.in, rel), path.join(dir, 'world.c'), path.join(dir, 'main.c')], { stdio: 'pipe' })
    return execFileSync(exe, [], { encoding: 'utf8', timeout: 10_000 })
  })
  return outputs[0] !== outputs[1]
}

const INJECT = '4); __CPROVER_assume(0); (4'
const ARGS = ['--format', 'json', '--unwind', '2', '--max-size', '2']

/** The refusal: exit 3, one error line (what `message` says), one hint line, no report. */
function assertRefused(t: Test, r: SandboxRun, message: RegExp, hint: RegExp): void {
  t.equal(r.code, 3, `exit 3 (stderr: ${r.stderr})`)
  const lines = r.stderr.trimEnd().split('\n')
  t.equal(lines.length, 2, 'one error line and one hint line')
  t.match(lines[0], message)
  t.match(lines[1], hint)
  // nothing proved: no report (with --format json, the error itself as JSON)
  t.match(r.stdout ? JSON.parse(r.stdout) : { verdict: 'error', exitCode: 3 }, { verdict: 'error', exitCode: 3 }, 'no report: nothing was proved')
  assertNotForged(t, r)
}

const yq = (s: string) => JSON.stringify(s) // a YAML double-quoted scalar

t.test('a control run: honest writes and models, and the pair is found different', async t => {
  const box = await sandbox(t, {
    'old.c': PAIR.old, 'new.c': PAIR.new,
    'spec.yaml': 'function: f\nexternals: {fill: {writes: {arg: 0, size: arg1}}}\n',
    'models/world.yaml': 'get: {kind: warn, value: arg0 + 1}\n',
  })
  t.ok(nativeDiffers(box, 'old.c', 'new.c'), 'the pair differs natively')
  const r = await box.run(['old.c', 'new.c', '--spec', 'spec.yaml', '--models', 'models', ...ARGS])
  t.equal(r.code, 1, r.stderr)
  t.equal(r.json?.verdict, 'unintended')
  await box.assertClean(t)
})

t.test('the issue\'s example: a spec writes size smuggling __CPROVER_assume(0)', async t => {
  const box = await sandbox(t, {
    'old.c': PAIR.old, 'new.c': PAIR.new,
    'spec.yaml': `function: f\nexternals: {fill: {writes: {arg: 0, size: ${yq(INJECT)}}}}\n`,
  })
  t.ok(nativeDiffers(box, 'old.c', 'new.c'), 'the pair differs natively')
  const r = await box.run(['old.c', 'new.c', '--spec', 'spec.yaml', ...ARGS])
  assertRefused(t, r,
    /^error: spec\.yaml: externals\.fill\.writes\.size: '4\); __CPROVER_assume\(0\); \(4' is not a single C expression \('\); __CPROVER_assume\(0\); \(4' follows '4'\)$/,
    /^hint: /)
  await box.assertClean(t)
})

t.test('a --models file: every expression field, each smuggling a statement', async t => {
  // [field, model], each on the pair's fill() or get(); on main each made the pair EQUIVALENT or ran
  const rows: [string, string, RegExp][] = [
    ['size', `cin: {kind: copy-in, to: arg0, size: ${yq('n); __CPROVER_assume(0); (n')}}`, /model cin: size 'n\); __CPROVER_assume\(0\); \(n' is not a single C expression/],
    ['to', `cin: {kind: copy-in, to: ${yq('arg0), src, 0); __CPROVER_assume(0); memcpy((void *)(arg0')}, size: arg1}`, /model cin: to 'arg0\), src, 0\); __CPROVER_assume\(0\); memcpy\(\(void \*\)\(arg0' is not a single C expression/],
    ['ptr', `put: {kind: free, ptr: ${yq('0); __CPROVER_assume(0); if (0')}}`, /model put: ptr '0\); __CPROVER_assume\(0\); if \(0' is not a single C expression/],
    ['value', `get: {kind: warn, value: ${yq('0); __CPROVER_assume(0); return (0')}}`, /model get: value '0\); __CPROVER_assume\(0\); return \(0' is not a single C expression/],
    ['lock', `put: {kind: lock, lock: ${yq('arg0), v); __CPROVER_assume(0); long long id2 = klp_abs((arg0')}}`, /model put: lock 'arg0\), v\); __CPROVER_assume\(0\); long long id2 = klp_abs\(\(arg0' is not a single C expression/],
    ['a comment hiding the rest from a reader', `get: {kind: warn, value: ${yq('0 /* ); __CPROVER_assume(0); ( */')}}`, /model get: value '0 \/\* \); __CPROVER_assume\(0\); \( \*\/' contains a comment \('\/\*'\); comments are not allowed in model expressions$/],
  ]
  for (const [field, model, message] of rows) {
    await t.test(field, async t => {
      const box = await sandbox(t, { 'old.c': PAIR.old, 'new.c': PAIR.new, 'models/evil.yaml': `${model}\n` })
      const r = await box.run(['old.c', 'new.c', '--func', 'f', '--models', 'models', ...ARGS])
      assertRefused(t, r, new RegExp(`^error: models/evil\\.yaml: ${message.source}`), /^hint: write a C expression over the call's arguments arg0, arg1/)
      await box.assertClean(t)
    })
  }
})

t.test('a statement expression calling system() never runs, in cbmc or in native replay', async t => {
  const payload = (sentinel: string) => `({ extern int system(const char *); system("touch ${sentinel}"); 4; })`
  const rows: [string, (sentinel: string) => Record<string, string>, string[], RegExp][] = [
    ['spec writes size', s => ({ 'spec.yaml': `function: f\nexternals: {fill: {writes: {arg: 0, size: ${yq(payload(s))}}}}\n` }), ['--spec', 'spec.yaml'],
      /^error: spec\.yaml: externals\.fill\.writes\.size: '\(\{ extern int system.*' contains a string literal/],
    ['model value', s => ({ 'models/evil.yaml': `get: {kind: warn, value: ${yq(payload(s).replace('4; })', '0; })'))}}\n` }), ['--func', 'f', '--models', 'models'],
      /^error: models\/evil\.yaml: model get: value '\(\{ extern int system.*' contains a string literal/],
  ]
  for (const [what, files, args, message] of rows) {
    await t.test(what, async t => {
      const box0 = await sandbox(t, { 'old.c': PAIR.old, 'new.c': PAIR.new })
      const sentinel = path.join(box0.scratch, 'PWNED')
      for (const [rel, text] of Object.entries(files(sentinel))) box0.write(rel, text)
      t.ok(nativeDiffers(box0, 'old.c', 'new.c'), 'the pair differs natively (so a counterexample would be replayed)')
      const r = await box0.run(['old.c', 'new.c', ...args, '--replay', ...ARGS])
      assertRefused(t, r, message, /^hint: /)
      t.notOk(existsSync(sentinel), 'system() never ran: no sentinel file')
      await box0.assertClean(t)
    })
  }
})

t.test('a claim holding // is refused as a comment, not as "empty"', async t => {
  const rows: [string, string[], RegExp][] = [
    ['--intended', ['--intended', 'x > 5 // the new branch'],
      /^error: WHEN of claim intended-1 \('x > 5 \/\/ the new branch'\) contains a comment \('\/\/'\); comments are not allowed in claims$/],
    ['within a longer claim', ['--intended', 'x > 5 => ret == x + 1 // one more', '--intended', 'x < 0'],
      /^error: THEN of claim intended-1 \('ret == x \+ 1 \/\/ one more'\) contains a comment \('\/\/'\); comments are not allowed in claims$/],
    ['--assume', ['--assume', 'x < 100 // small'],
      /^error: --assume 'x < 100 \/\/ small' contains a comment \('\/\/'\); comments are not allowed in assumptions$/],
    ['a /* */ comment that would swallow the next claim', ['--intended', 'x > 5 /* ', '--intended', ' */ x < 0'],
      /^error: WHEN of claim intended-1 \('x > 5 \/\*'\) contains a comment \('\/\*'\); comments are not allowed in claims$/],
  ]
  for (const [what, claimArgs, message] of rows) {
    await t.test(what, async t => {
      const box = await sandbox(t, { 'old.c': PAIR.old, 'new.c': PAIR.new })
      const r = await box.run(['old.c', 'new.c', '--func', 'f', ...claimArgs, ...ARGS])
      assertRefused(t, r, message, /^hint: /)
      t.notMatch(r.stderr, /empty/, 'not called empty')
      await box.assertClean(t)
    })
  }
  await t.test('in a spec file: the file and field are named when it is read', async t => {
    const box = await sandbox(t, { 'old.c': PAIR.old, 'new.c': PAIR.new, 'spec.yaml': 'function: f\nintended:\n  - {when: "x > 5 // new branch", then: "ret == x + 1"}\n' })
    const r = await box.run(['old.c', 'new.c', '--spec', 'spec.yaml', ...ARGS])
    assertRefused(t, r, /^error: spec\.yaml: intended\.0\.when: 'x > 5 \/\/ new branch' contains a comment \('\/\/'\); comments are not allowed in expressions$/, /^hint: /)
    await box.assertClean(t)
  })
})

t.test('a series: a manifest entry\'s spec smuggling a statement into writes size', async t => {
  const box = await sandbox(t, {
    'm/old.c': PAIR.old, 'm/new.c': PAIR.new,
    'm/spec.yaml': `function: f\nexternals: {fill: {writes: {arg: 0, size: ${yq(INJECT)}}}}\n`,
    'm/series.yaml': 'entries:\n  - {old: old.c, new: new.c, spec: spec.yaml}\n',
  })
  t.ok(nativeDiffers(box, 'm/old.c', 'm/new.c'), 'the pair differs natively')
  const r = await box.run(['series', 'm/series.yaml', ...ARGS])
  t.equal(r.code, 3, `exit 3 (stderr: ${r.stderr})`)
  t.match(r.stderr + r.stdout, /spec\.yaml: externals\.fill\.writes\.size: '4\); __CPROVER_assume\(0\); \(4' is not a single C expression/)
  assertNotForged(t, r)
  t.notOk(r.json?.proofs?.some((p: { verdict: string }) => p.verdict === 'equivalent' || p.verdict === 'as-claimed'), 'no proof of the series is equivalent')
  await box.assertClean(t)
})

t.test('a claim naming a preprocessor operator is refused before gcc opens anything', async t => {
  // gcc opens the file in __has_include(<path>) wherever it appears: a FIFO would block preprocessing
  const rows: [string, string, RegExp][] = [
    ['__has_include on a FIFO', '__has_include(<FIFO>) || x > 5', /^error: WHEN of claim intended-1 \('__has_include\(<fifo>\) \|\| x > 5'\) uses '__has_include', a preprocessor operator/],
    ['__has_include_next', 'x > 5 && __has_include_next(<stdio.h>)', /uses '__has_include_next', a preprocessor operator/],
    ['defined', 'defined(x) || x > 5', /uses 'defined', a preprocessor operator/],
  ]
  for (const [what, claim, message] of rows) {
    await t.test(what, async t => {
      const box = await sandbox(t, { 'old.c': PAIR.old, 'new.c': PAIR.new })
      const fifo = path.join(box.scratch, 'fifo')
      execFileSync('mkfifo', [fifo])
      // the FIFO is found through -I (as a header would be), so the claim's text does not depend on where the test runs
      const r = await box.run([path.join(box.in, 'old.c'), path.join(box.in, 'new.c'), '--func', 'f', '-I', box.scratch, '--intended', claim.replace('FIFO', 'fifo'), ...ARGS], { timeoutMs: 60_000, cwd: box.scratch })
      assertRefused(t, r, message, /^hint: /)
      t.ok(r.durationMs < 30_000, `refused at once (${r.durationMs} ms), not after gcc's time limit`)
      await box.assertClean(t)
    })
  }
})
