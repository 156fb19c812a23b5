/**
 * Soundness, class 8 (file names): a name with a `"` or a newline in it gets a true verdict or a true
 * one-line error. cbmc fails on an escaped quote in a line marker (an invariant violation, then no
 * JSON: "cbmc output is not valid JSON"), and no #include can spell a newline: the files reach gcc
 * and cbmc under names they take, and every error line stays one line.
 */
import t, { type Test } from 'tap'
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { requireCbmc } from '../fixtures/integration.js'
import { DIFFERING, assertNotForged, nativeDiffers, sandbox, type SandboxRun } from '../fixtures/soundness.js'

t.before(async () => {
  await requireCbmc()
})

const NAMES: Array<[string, string, string]> = [
  ['a quote', 'o"ld.c', 'ne"w.c'],
  ['a newline', 'ol\nd.c', 'ne\nw.c'],
  ['a backslash and a tab', 'o\\ld.c', 'ne\tw.c'],
]

function assertDifferenceFound(t: Test, r: SandboxRun): void {
  t.equal(r.code, 1, `exit 1, the difference found (stderr: ${JSON.stringify(r.stderr.slice(0, 300))})`)
  t.equal(r.json?.verdict, 'unintended')
  t.notMatch(r.stderr, /not valid JSON|cannot build the harness/, 'no tool failure')
  assertNotForged(t, r)
}

t.test('control: the pair differs natively', async t => {
  const box = await sandbox(t, { 'old.c': DIFFERING.old, 'new.c': DIFFERING.new })
  t.ok(await nativeDiffers(box, 'old.c', 'new.c', 'f', 'printf("%d\\n", f(7));'), 'f(7) differs')
})

t.test('single mode: file names with a quote, a newline, a backslash get the true verdict', async t => {
  for (const [name, oldName, newName] of NAMES) {
    await t.test(name, async t => {
      const box = await sandbox(t, { [oldName]: DIFFERING.old, [newName]: DIFFERING.new })
      const r = await box.run([oldName, newName, '--func', 'f', '--unwind', '1', '--no-replay', '--format', 'json'])
      assertDifferenceFound(t, r)
      await box.assertClean(t)
    })
  }
})

t.test('single mode: errors about such files are one error line and one hint line', async t => {
  for (const [name, oldName, newName] of NAMES) {
    await t.test(name, async t => {
      const box = await sandbox(t, { [oldName]: DIFFERING.old, [newName]: DIFFERING.new })
      const rows: Array<[string, string[], RegExp]> = [
        ['a function the file does not define', [oldName, newName, '--func', 'g'], /^error: function g\(\) is not defined in /],
        ['a file that is not there', [`missing-${oldName}`, newName, '--func', 'f'], /^error: cannot read missing-.*: no such file$/],
        ['C that does not parse', [oldName, newName, '--func', 'f'], /^error: .*:2: C that does not parse/],
      ]
      for (const [what, argv, message] of rows) {
        if (what === 'C that does not parse') box.write(oldName, 'int f(int x)\n{ return x @ 1; }\n')
        const r = await box.run([...argv, '--unwind', '1', '--no-replay'])
        t.equal(r.code, 3, `${what}: exit 3`)
        const lines = r.stderr.trimEnd().split('\n')
        t.equal(lines.length, 2, `${what}: one error line and one hint line (${JSON.stringify(r.stderr)})`)
        t.match(lines[0], message, what)
        t.match(lines[1], /^hint: /)
        if (name === 'a newline') t.match(lines[0], /\\n/, 'the newline is shown as \\n')
        assertNotForged(t, r)
      }
      await box.assertClean(t)
    })
  }
})

t.test('series (manifest): an entry whose files have a quote in their names', async t => {
  const box = await sandbox(t, {
    'o"ld.c': DIFFERING.old,
    'ne"w.c': DIFFERING.new,
    'm.yaml': 'entries:\n  - {old: "o\\"ld.c", new: "ne\\"w.c", functions: [f]}\n',
  })
  const r = await box.run(['series', 'm.yaml', '--unwind', '1', '--no-replay', '--format', 'json'])
  t.equal(r.code, 1, `exit 1 (stderr: ${r.stderr.slice(0, 300)})`)
  t.same(r.json?.proofs.map((p: { function: string; verdict: string }) => [p.function, p.verdict]), [['f', 'unintended']], 'the difference is found')
  assertNotForged(t, r)
  await box.assertClean(t)
})

t.test('series (git): a changed file whose name holds a quote, a newline or a %XX is found and proved', async t => {
  // the plan compares line-marker names with paths: with the escaped names it used to find no changed
  // function ("nothing to prove", exit 0)
  for (const name of ['we"ird.c', 'new\nline.c', 'pc%22t.c']) {
    await t.test(JSON.stringify(name), async t => {
      const box = await sandbox(t, {})
      // the repository lives in scratch (the sandbox checks box.in for stray files)
      const repo = path.join(box.scratch, 'repo')
      const git = (...args: string[]) => execFileSync('git', ['-C', repo, '-c', 'user.name=T', '-c', 'user.email=t@x', ...args], { stdio: 'pipe' })
      mkdirSync(repo)
      git('init', '-q')
      writeFileSync(path.join(repo, name), DIFFERING.old)
      git('add', '--', name)
      git('commit', '-q', '-m', 'base')
      writeFileSync(path.join(repo, name), DIFFERING.new)
      git('commit', '-q', '-a', '-m', 'change f')
      const r = await box.run(['series', '--git', repo, '--range', 'HEAD~1..HEAD', '--format', 'json', '--unwind', '1', '--no-replay'])
      t.equal(r.code, 1, `exit 1 (stderr: ${JSON.stringify(r.stderr.slice(0, 300))})`)
      const proofs: Array<{ function: string; verdict: string }> = r.json?.proofs ?? []
      t.same([...new Set(proofs.map(p => `${p.function} ${p.verdict}`))], ['f unintended'], 'f was proved, and found different')
      assertNotForged(t, r)
      await box.assertClean(t)
    })
  }
})
