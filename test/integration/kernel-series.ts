/**
 * The realistic example series (harnesses/kernel-series): a kernel-style tree and six patches,
 * proved end to end against the real cbmc, in patch-directory mode and in git-range mode.
 */
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import t from 'tap'
import { parse } from 'yaml'
import { HARNESSES, requireCbmc, runCli } from '../fixtures/integration.js'
import type { SeriesReport } from '../../src/series/types.js'

const DIR = path.join(HARNESSES, 'kernel-series')
const expect = parse(readFileSync(path.join(DIR, 'expect.yaml'), 'utf8')) as {
  patches: Record<string, Record<string, string> | 'not-applied'>
  'base-tip': Record<string, string>
}

t.before(async () => {
  await requireCbmc()
})

const verdictsOf = (r: SeriesReport, patch: string | number | null) =>
  Object.fromEntries(r.proofs.filter(p => p.patch === patch).map(p => [p.function, p.verdict]))

t.test('patch directory: every patch and function gets the expected verdict', async t => {
  const cache = t.testdir()
  const args = ['series', '--tree', path.join(DIR, 'tree'), '--patches', path.join(DIR, 'patches'), '-I', 'include', '--cache-dir', cache]
  const r = await runCli([...args, '--format', 'json'])
  const report = JSON.parse(r.stdout) as SeriesReport
  t.equal(report.source.kind, 'patches')
  t.same(report.patches.map(p => p.id), Object.keys(expect.patches), 'patches in the series file\'s order')
  for (const [name, want] of Object.entries(expect.patches)) {
    const info = report.patches.find(p => p.id === name)!
    if (want === 'not-applied') {
      t.equal(info.status, 'not-applied', `${name}: reported as not applied`)
      t.match(info.error, /^does not apply: /)
      t.same(verdictsOf(report, name), {}, `${name}: nothing proved`)
    } else {
      t.equal(info.status, 'applied', name)
      t.same(verdictsOf(report, name), want, `${name}: verdict per function`)
    }
  }
  t.same(verdictsOf(report, null), expect['base-tip'], 'base → tip: every changed function, with the union of its claims')
  t.equal(report.exitCode, 3, 'a patch that does not apply is the worst outcome (exit 3)')
  t.equal(r.code, 3)

  const p1 = report.proofs.find(p => p.function === 'foo_parse_frame' && p.patch === Object.keys(expect.patches)[0])!
  t.match(p1, { old: 'base:drivers/net/foo/foo_parse.c', new: /^0001-.*\.patch:drivers\/net\/foo\/foo_parse\.c$/, affected: false })
  t.same(p1.claims, ['len > FOO_HDR_LEN + FOO_MAX_PAYLOAD => ret == -EINVAL'], 'the claim comes from the commit trailer')
  const tip = report.proofs.find(p => p.function === 'foo_parse_frame' && p.patch === null)!
  t.equal(tip.claims.length, 2, 'base → tip carries the claims of 0001 and 0004')
  t.ok(report.proofs.filter(p => p.affected).map(p => p.function).includes('foo_frame_queue'), 'callers of a changed static helper are affected')
  for (const p of report.proofs) t.equal(p.cached, false, `${p.function}: proved, not cached, on the first run`)

  // the second run: every proof from the cache, the same verdicts, and an HTML report with harness links
  const html = path.join(cache, 'report.html')
  const again = await runCli([...args, '--format', 'html', '--output', html])
  t.equal(again.code, 3)
  const page = readFileSync(html, 'utf8')
  t.match(page, /foo_frame_queue/)
  const json = await runCli([...args, '--format', 'json'])
  const cached = JSON.parse(json.stdout) as SeriesReport
  t.equal(cached.timings.cached, report.proofs.length, 'an unchanged proof is never re-run')
  t.same(cached.proofs.map(p => [p.function, p.patch, p.verdict]), report.proofs.map(p => [p.function, p.patch, p.verdict]))
  const kept = path.join(cache, 'report-harness')
  t.ok(existsSync(kept) && readdirSync(kept).length === report.proofs.length, 'one harness folder per proof next to the HTML report')
  t.ok(readdirSync(kept).every(d => existsSync(path.join(kept, d, 'run-cbmc.sh'))), 'each with the exact cbmc commands')
})

t.test('git range: each commit is one patch, read from git objects', async t => {
  // a clone of the example as commits (the patch that does not apply is left out)
  const repo = t.testdir()
  cpSync(path.join(DIR, 'tree'), repo, { recursive: true })
  const git = (...a: string[]) => execFileSync('git', ['-C', repo, '-c', 'user.name=t', '-c', 'user.email=t@localhost', '-c', 'commit.gpgsign=false', ...a], { encoding: 'utf8', env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' } })
  git('init', '-q')
  git('add', '-A')
  git('commit', '-qm', 'base')
  const [first, second] = Object.keys(expect.patches)
  for (const p of [first!, second!]) git('am', '-q', path.join(DIR, 'patches', p))
  t.equal(git('rev-parse', '--show-toplevel').trim(), repo, 'a repository of its own')
  const before = git('status', '--porcelain')
  const head = git('rev-parse', 'HEAD').trim()
  // in git mode the proof options come from --spec files (the patch directory keeps them beside each patch)
  const specs = [first!, second!].flatMap(p => ['--spec', path.join(DIR, 'patches', p.replace(/\.patch$/, '.yaml'))])
  const r = await runCli(['series', '--git', repo, '--range', 'HEAD~2..HEAD', '-I', 'include', ...specs, '--format', 'json', '--no-cache', '--cache-dir', path.join(repo, '.git', 'klp-cache')])
  const report = JSON.parse(r.stdout) as SeriesReport
  t.equal(report.source.kind, 'git')
  t.equal(report.patches.length, 2)
  t.match(report.patches[0], { id: /^[0-9a-f]{12}$/, title: 'foo: reject oversized frames in foo_parse_frame()', status: 'applied' })
  t.same(verdictsOf(report, report.patches[0]!.id), expect.patches[first!], 'the first commit, claims from its trailer')
  t.same(verdictsOf(report, report.patches[1]!.id), expect.patches[second!])
  t.match(report.proofs[0], { old: /^[0-9a-f]{12}:drivers\/net\/foo\/foo_parse\.c$/, new: `${report.patches[0]!.id}:drivers/net/foo/foo_parse.c` })
  t.equal(r.code, 0)
  t.equal(git('status', '--porcelain'), before, 'the work tree is untouched')
  t.equal(git('rev-parse', 'HEAD').trim(), head)
})
