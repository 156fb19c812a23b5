/**
 * Soundness, class 7: paths in data files stay inside the inputs. A quilt series file, a patch linked
 * into --patches, a manifest entry, a spec's include folder or a crafted git tree that names something
 * outside --patches, the manifest's folder or the snapshot is refused (exit 3, one error and one hint
 * line) — the outside file is never read (its first line never shows up as a patch title), nothing is
 * written outside the temp folder.
 */
import t, { type Test } from 'tap'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { requireCbmc } from '../fixtures/integration.js'
import { DIFFERING, assertNotForged, gitPair, nativeDiffers, sandbox, type SandboxRun } from '../fixtures/soundness.js'

t.before(async () => {
  await requireCbmc()
})

const diff = (file: string, a: string, b: string) => {
  const minus = a.split('\n').slice(0, -1)
  const plus = b.split('\n').slice(0, -1)
  return `--- a/${file}\n+++ b/${file}\n@@ -1,${minus.length} +1,${plus.length} @@\n${minus.map(l => `-${l}`).join('\n')}\n${plus.map(l => `+${l}`).join('\n')}\n`
}

const PATCH = `Subject: [PATCH] change f\n\n---\n${diff('f.c', DIFFERING.old, DIFFERING.new)}`
/** A patch outside --patches: its first line would become a patch title if it were read. */
const SECRET = `SECRET-TITLE-9f3c outside the inputs\n\n---\n${diff('f.c', DIFFERING.old, DIFFERING.old.replace('return x;', 'return x;  '))}`

function assertRefused(t: Test, r: SandboxRun, message: RegExp, hint: RegExp): void {
  t.equal(r.code, 3, `exit 3 (stderr: ${r.stderr})`)
  const lines = r.stderr.trimEnd().split('\n')
  t.equal(lines.length, 2, 'one error line and one hint line')
  t.match(lines[0], message)
  t.match(lines[1], hint)
  // nothing proved: no report (with --format json, the error itself as JSON)
  t.match(r.stdout ? JSON.parse(r.stdout) : { verdict: 'error', exitCode: 3 }, { verdict: 'error', exitCode: 3 }, 'no report')
  t.notMatch(r.stdout + r.stderr, /root:x:0:0|SECRET-TITLE/, 'the outside file was not read into the report')
  assertNotForged(t, r)
}

t.test('a control run: the same tree and patch, named honestly, is proved and found different', async t => {
  const box = await sandbox(t, { 'tree/f.c': DIFFERING.old, 'patches/series': '0001-change.patch\n', 'patches/0001-change.patch': PATCH, 'new.c': DIFFERING.new })
  t.ok(await nativeDiffers(box, 'tree/f.c', 'new.c', 'f', 'printf("%d\\n", f(7));'), 'the patch really changes f')
  const r = await box.run(['series', '--tree', 'tree', '--patches', 'patches', '--format', 'json', '--unwind', '1'])
  t.equal(r.code, 1, r.stderr)
  t.same(r.json?.patches.map((p: { title: string }) => p.title), ['change f'])
  t.ok(r.json?.proofs.every((p: { verdict: string }) => p.verdict === 'unintended'), 'every proof finds the difference')
  await box.assertClean(t)
})

t.test('a quilt series file naming files outside --patches', async t => {
  const up = `${'../'.repeat(40)}etc/passwd`
  const rows: Array<[string, string, RegExp]> = [
    ['the issue\'s example, ../../../../etc/passwd', '../../../../etc/passwd\n', /series:1: \.\.\/\.\.\/\.\.\/\.\.\/etc\/passwd is outside the patch directory$/],
    ['enough ../ to reach /etc/passwd', `0001-change.patch\n${up} -p1\n`, /series:2: (\.\.\/)+etc\/passwd is outside the patch directory$/],
    ['an absolute path', '/etc/passwd\n', /series:1: \/etc\/passwd is outside the patch directory$/],
    ['.. after a folder, with a -p option', 'sub/../../outside.patch -p0\n', /series:1: sub\/\.\.\/\.\.\/outside\.patch is outside/],
  ]
  for (const [name, series, message] of rows) {
    await t.test(name, async t => {
      const box = await sandbox(t, { 'tree/f.c': DIFFERING.old, 'patches/series': series, 'patches/0001-change.patch': PATCH, 'outside.patch': SECRET })
      const r = await box.run(['series', '--tree', 'tree', '--patches', 'patches', '--format', 'json', '--unwind', '1'])
      assertRefused(t, r, new RegExp(`^error: .*${message.source}`), /^hint: a series file names patches by their paths inside --patches/)
      await box.assertClean(t)
    })
  }
})

t.test('links in --patches that lead outside it: a patch, the series file, a spec beside a patch', async t => {
  const rows: Array<[string, (patches: string, secret: string) => void, RegExp]> = [
    ['a *.patch link, no series file', (p, s) => symlinkSync(s, path.join(p, '0002-more.patch')), /0002-more\.patch in .* leads outside the patch directory/],
    ['a link the series file names', (p, s) => {
      writeFileSync(path.join(p, 'series'), '0001-change.patch\nmore.patch\n')
      symlinkSync(s, path.join(p, 'more.patch'))
    }, /more\.patch in .* leads outside the patch directory/],
    ['the series file itself', (p, s) => symlinkSync(s, path.join(p, 'series')), /series in .* leads outside the patch directory/],
    ['a spec beside a patch', (p, s) => symlinkSync(path.join(path.dirname(s), 'outside.yaml'), path.join(p, '0001-change.yaml')), /0001-change\.yaml in .* leads outside the patch directory/],
  ]
  for (const [name, setup, message] of rows) {
    await t.test(name, async t => {
      const box = await sandbox(t, { 'tree/f.c': DIFFERING.old })
      // the links are made in scratch, which the sandbox does not watch for new files
      const patches = path.join(box.scratch, 'patches')
      mkdirSync(patches)
      writeFileSync(path.join(patches, '0001-change.patch'), PATCH)
      const secret = path.join(box.scratch, 'secret.patch')
      writeFileSync(secret, SECRET)
      writeFileSync(path.join(box.scratch, 'outside.yaml'), 'function: f\nintended:\n  - {when: "1"}\n')
      setup(patches, secret)
      const r = await box.run(['series', '--tree', 'tree', '--patches', patches, '--format', 'json', '--unwind', '1'])
      assertRefused(t, r, new RegExp(`^error: ${message.source}`), /^hint: patches, the series file and specs beside patches must be files inside --patches/)
      await box.assertClean(t)
    })
  }
})

t.test('manifest entries outside the manifest\'s folder', async t => {
  const rows: Array<[string, string, RegExp]> = [
    ['old: ../../x.c', 'entries:\n  - {old: ../../x.c, new: new.c}\n', /entries\.0\.old \.\.\/\.\.\/x\.c$/],
    ['absolute old and spec', 'entries:\n  - {old: /etc/passwd, new: new.c, spec: /etc/passwd}\n', /entries\.0\.old \/etc\/passwd, entries\.0\.spec \/etc\/passwd$/],
    ['a link out of the folder', 'entries:\n  - {old: link/old.c, new: new.c}\n', /entries\.0\.old link\/old\.c$/],
    ['defaults include outside', 'defaults: {include: [../inc]}\nentries:\n  - {old: old.c, new: new.c}\n', /defaults\.include \.\.\/inc$/],
  ]
  for (const [name, manifest, message] of rows) {
    await t.test(name, async t => {
      const box = await sandbox(t, { 'm/old.c': DIFFERING.old, 'm/new.c': DIFFERING.new, 'm/series.yaml': manifest, 'x.c': DIFFERING.new, 'inc/a.h': '' })
      if (manifest.includes('link/')) {
        mkdirSync(path.join(box.scratch, 'elsewhere'))
        writeFileSync(path.join(box.scratch, 'elsewhere', 'old.c'), DIFFERING.new)
        symlinkSync(path.join(box.scratch, 'elsewhere'), path.join(box.in, 'm', 'link'))
        box.write('m/touch', '') // the link is part of the inputs, not something the run created
      }
      const r = await box.run(['series', 'm/series.yaml', '--format', 'json', '--unwind', '1'])
      assertRefused(t, r, new RegExp(`^error: m/series\\.yaml: paths outside the manifest's folder: ${message.source}`), /^hint: a manifest names files by paths relative to its own folder/)
      await box.assertClean(t)
    })
  }
})

t.test('a crafted git tree naming ../.. is refused, and nothing is written outside the temp folder', async t => {
  const box = await sandbox(t, {})
  const repo = path.join(box.scratch, 'repo')
  const git = (args: string[], input?: string) => execFileSync('git', ['-C', repo, '-c', 'user.name=T', '-c', 'user.email=t@x', ...args], { input, encoding: 'utf8', stdio: 'pipe' }).trim()
  mkdirSync(repo)
  git(['init', '-q'])
  writeFileSync(path.join(repo, 'f.c'), DIFFERING.old)
  git(['add', 'f.c'])
  git(['commit', '-q', '-m', 'base'])
  // the commit changes f.c and adds sub/../../../../escape.h: written as is, it lands above the snapshot
  const blob = git(['hash-object', '-w', '--stdin'], '#define ESCAPED 1\n')
  const fc = git(['hash-object', '-w', '--stdin'], DIFFERING.new)
  let tree = git(['mktree'], `100644 blob ${blob}\tescape.h\n`)
  for (let i = 0; i < 4; i++) tree = git(['mktree'], `040000 tree ${tree}\t..\n`)
  const top = git(['mktree'], `100644 blob ${fc}\tf.c\n040000 tree ${tree}\tsub\n`)
  const commit = git(['commit-tree', top, '-p', 'HEAD', '-m', 'change f'])
  git(['update-ref', 'refs/heads/evil', commit])
  const r = await box.run(['series', '--git', repo, '--range', 'HEAD..evil', '--format', 'json', '--unwind', '1'])
  assertRefused(t, r, /^error: commit [0-9a-f]{12} has a file named "sub\/\.\.\/\.\.\/\.\.\/\.\.\/escape\.h", which is outside the tree$/, /^hint: .*crafted tree object/)
  t.notOk(existsSync(path.join(box.tmp, 'escape.h')), 'nothing written in TMPDIR itself')
  await box.assertClean(t)
})

t.test('a spec include folder outside the inputs, in a series (PATCH.yaml) and a single proof', async t => {
  const box = await sandbox(t, {
    'tree/f.c': DIFFERING.old, 'patches/series': '0001-change.patch\n', 'patches/0001-change.patch': PATCH,
    'patches/0001-change.yaml': 'function: f\ninclude: [../../../../../../../../../../etc]\n',
    'old.c': DIFFERING.old, 'new.c': DIFFERING.new, 'spec.yaml': 'function: f\ninclude: [/usr/include, ..]\n',
  })
  const s = await box.run(['series', '--tree', 'tree', '--patches', 'patches', '--format', 'json', '--unwind', '1'])
  assertRefused(t, s, /^error: compiler flags refused in data files: .*0001-change\.yaml: include .*etc \(outside the spec's folder and .*tree\)$/, /^hint: /)
  await box.assertClean(t)
  const one = await box.run(['old.c', 'new.c', '--spec', 'spec.yaml', '--format', 'json', '--unwind', '1'])
  assertRefused(t, one, /^error: compiler flags refused in data files: spec\.yaml: include \/usr\/include \(outside .*\), include \.\. \(outside the spec's folder and the C files' folders\)$/, /^hint: /)
  await box.assertClean(t)
})

t.test('a header in the repository that links outside it is left out of the snapshot, not read', async t => {
  const box = await sandbox(t, { 'old.c': DIFFERING.old, 'new.c': DIFFERING.new })
  t.ok(await nativeDiffers(box, 'old.c', 'new.c', 'f', 'printf("%d\\n", f(7));'), 'the pair differs natively')
  // outside the repository: a header that makes both versions return 0 (equivalent, if it were read)
  const outside = path.join(box.scratch, 'outside.h')
  writeFileSync(outside, '#define return return 0;\n')
  const repo = gitPair(box, { base: `#include "cfg.h"\n${DIFFERING.old}`, tip: `#include "cfg.h"\n${DIFFERING.new}`, prepare: r => symlinkSync(outside, path.join(r, 'cfg.h')) })
  const r = await box.run(['series', '--git', repo, '--range', 'HEAD~1..HEAD', '--format', 'json', '--unwind', '1'])
  t.equal(r.code, 3, r.stderr)
  t.ok(r.json?.patches.some((p: { error?: string }) => /cfg\.h: No such file/.test(p.error ?? '')), 'the patch is an error: cfg.h is not there')
  t.notOk(r.json?.proofs.some((p: { verdict: string }) => p.verdict === 'equivalent'), 'no proof is equivalent')
  assertNotForged(t, r)
  await box.assertClean(t)
})
