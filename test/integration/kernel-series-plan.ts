/**
 * `klp-verify series --plan-only` on the real Debian linux-source-6.12 trees (scripts/kernel-fetch.mjs
 * caches and prepares them; the cached tree is only read): patch mode over 6.12.117 with two real
 * 6.12.118 fixes as patches and KBUILD_OUTPUT = a copy of its prepared build folder. Checked: every
 * changed function is planned, per patch and file, with the static callers affected (exit 0); and,
 * failing closed, a third patch that makes lib/cmdline.c unreadable for gcc is that patch's error and
 * base → tip's, the plan exits 3 and says which file was not planned and why. Nothing is proved.
 */
import t from 'tap'
import { cpSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { execFileSync, spawnSync } from 'node:child_process'
import path from 'node:path'
import { runCli } from '../fixtures/integration.js'
import type { PlanOnlyReport } from '../../src/series/plan-report.js'

interface Fetched { readonly trees: Record<string, { readonly src: string; readonly out: string }> }

const ROOT = path.resolve(import.meta.dirname, '../..')
const fetched = JSON.parse(execFileSync('node', [path.join(ROOT, 'scripts/kernel-fetch.mjs'), '--prepare', '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })) as Fetched
const [oldTree, newTree] = Object.values(fetched.trees).sort((a, b) => a.src.localeCompare(b.src, 'en', { numeric: true }))

/** A patch of `file` from `before` to `after` (the texts), in diff -u form with a/ b/ labels. */
function patchOf(file: string, before: string, after: string, subject: string): string {
  const d = spawnSync('diff', ['-u', '--label', `a/${file}`, '--label', `b/${file}`, before, after], { encoding: 'utf8' })
  if (d.status !== 1) throw new Error(`diff -u of ${file}: exit ${d.status}`)
  return `${subject}\n\n${d.stdout}`
}

t.test('--plan-only over two real fixes: every changed function planned (exit 0); a file gcc cannot read fails the plan closed (exit 3)', async t => {
  const dir = t.testdir({ good: {}, bad: {} })
  const build = path.join(dir, 'build')
  // make -n writes and removes .tmp_* files in the build folder: a copy, so the cache is never written
  cpSync(oldTree!.out, build, { recursive: true, preserveTimestamps: true, verbatimSymlinks: true, filter: src => !path.basename(src).startsWith('.tmp_') })
  const fixes = [['lib/cmdline.c', 'lib/cmdline: saturate the range count'], ['fs/notify/inotify/inotify_fsnotify.c', 'inotify: do not merge IN_MOVE events']] as const
  fixes.forEach(([file, subject], i) => {
    const text = patchOf(file, path.join(oldTree!.src, file), path.join(newTree!.src, file), subject)
    writeFileSync(path.join(dir, 'good', `000${i + 1}.patch`), text)
    writeFileSync(path.join(dir, 'bad', `000${i + 1}.patch`), text)
  })
  // the third patch: lib/cmdline.c (as 6.12.118 has it) includes a header no tree has
  const broken = path.join(dir, 'broken')
  mkdirSync(broken)
  const cmdline = readFileSync(path.join(newTree!.src, 'lib/cmdline.c'), 'utf8')
  writeFileSync(path.join(broken, 'cmdline.c'), cmdline.replace('#include <linux/export.h>', '#include <linux/export.h>\n#include <linux/klp-no-such-header.h>'))
  writeFileSync(path.join(dir, 'bad', '0003.patch'), patchOf('lib/cmdline.c', path.join(newTree!.src, 'lib/cmdline.c'), path.join(broken, 'cmdline.c'), 'lib/cmdline: include a header that does not exist'))
  const before = statSync(path.join(oldTree!.src, 'lib/cmdline.c')).mtimeMs
  const env = { ...process.env, KBUILD_OUTPUT: build }

  const t0 = Date.now()
  const good = await runCli(['series', '--tree', oldTree!.src, '--patches', path.join(dir, 'good'), '--plan-only', '--format', 'json', '-j', '2'], env)
  t.equal(good.code, 0, `planned (stderr: ${good.stderr.slice(-600)})`)
  const plan = JSON.parse(good.stdout) as PlanOnlyReport
  t.equal(plan.kind, 'series-plan-only')
  // why these: get_range (the fix), get_options (the fix's second hunk), event_compare (the fix); inotify_merge calls the static event_compare
  t.same(plan.files.map(f => [f.patch ?? 'base → tip', f.file, f.changed, f.affected, f.planned]), [
    ['0001.patch', 'lib/cmdline.c', ['get_options', 'get_range'], [], ['get_options', 'get_range']],
    ['0002.patch', 'fs/notify/inotify/inotify_fsnotify.c', ['event_compare'], ['inotify_merge'], ['event_compare', 'inotify_merge']],
    ['base → tip', 'fs/notify/inotify/inotify_fsnotify.c', ['event_compare'], ['inotify_merge'], ['event_compare', 'inotify_merge']],
    ['base → tip', 'lib/cmdline.c', ['get_options', 'get_range'], [], ['get_options', 'get_range']],
  ], 'every changed function, per patch and base → tip, nothing else')
  t.match(plan.counts, { files: 4, notPlanned: 0, changed: 6, changedPlanned: 6, proofs: 8 })
  const goodMs = Date.now() - t0

  const bad = await runCli(['series', '--tree', oldTree!.src, '--patches', path.join(dir, 'bad'), '--plan-only', '-j', '2'], env)
  t.equal(bad.code, 3, 'a file that could not be planned: exit 3, never a green plan')
  t.match(bad.stdout, /^patch 3\/3 0003\.patch: lib\/cmdline: include a header that does not exist — ERROR: .*klp-no-such-header\.h/m)
  t.match(bad.stdout, /^ {2}lib\/cmdline\.c: NOT PLANNED: .*klp-no-such-header\.h/m, 'the file says why')
  t.match(bad.stdout, /^ {2}lib\/cmdline\.c: changed get_options, get_range · 2 proofs: get_options, get_range$/m, 'the first patch is still planned')
  t.match(bad.stdout, /^base → tip\n(?:.*\n)*? {2}lib\/cmdline\.c: NOT PLANNED: /m, 'base → tip of the file too')
  t.match(bad.stdout, /\nNOT every changed file or function could be planned \(exit 3\)\n$/)
  t.equal(statSync(path.join(oldTree!.src, 'lib/cmdline.c')).mtimeMs, before, 'the tree was not written')
  t.comment(`plan of two real fixes: ${(goodMs / 1000).toFixed(1)} s; with the broken patch: ${((Date.now() - t0 - goodMs) / 1000).toFixed(1)} s`)
})
