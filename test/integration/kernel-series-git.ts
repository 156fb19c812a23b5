/**
 * `klp-verify series --git` on a linux-stable-shaped repository built here from the two real Debian
 * linux-source-6.12 trees (scripts/kernel-fetch.mjs caches and prepares them; no kernel code is
 * committed, and the cached trees are only read). The repository's first commit is 6.12.117 as far
 * as three files need it: the top Makefile, those .c files and every header they include are real
 * files, everything else a link into the cached tree (so `make -n` works, at no copy cost). Later
 * commits apply the real 6.12.118 changes of the three files, with linux-stable's commit-message
 * shape (`commit … upstream.`, Fixes:, Cc: stable, Signed-off-by:), the last one through a merge.
 * The build folder is a copy of the cached prepared one ($KBUILD_OUTPUT), so make never writes into
 * the cache. Checked: the plan (which functions of which commit, claims from trailers: none) and each
 * file's build context (one make run, the kernel's flags, -I folders in each commit's snapshot), and
 * get_range() of the first commit proved as-claimed from the repository alone (plus its spec); and
 * in patch mode over the cached tree itself, each file's context in its overlay views.
 */
import t from 'tap'
import { cpSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { execFileSync, spawnSync } from 'node:child_process'
import path from 'node:path'
import { findBuildContext, findBuildContexts } from '../../src/kbuild/index.js'
import { buildOverlay } from '../../src/series/overlay.js'
import { openGitRange } from '../../src/series/git.js'
import { openPatchDir } from '../../src/series/patches.js'
import { resolveSeriesBuild } from '../../src/series/build-context.js'
import { requireCbmc, runCli } from '../fixtures/integration.js'
import type { SeriesReport } from '../../src/series/types.js'

interface Fetched { readonly trees: Record<string, { readonly src: string; readonly out: string }> }

const ROOT = path.resolve(import.meta.dirname, '../..')
const fetched = JSON.parse(execFileSync('node', [path.join(ROOT, 'scripts/kernel-fetch.mjs'), '--prepare', '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })) as Fetched
const [oldTree, newTree] = Object.values(fetched.trees).sort((a, b) => a.src.localeCompare(b.src, 'en', { numeric: true }))

/** The three real 6.12.117 → 6.12.118 fixes (docs/kernel-frontend.md, candidates 1–3) and what changed in each. */
const FILES = ['lib/cmdline.c', 'lib/stackdepot.c', 'fs/notify/inotify/inotify_fsnotify.c'] as const

/** Tree-relative paths of the headers gcc reads for `file` with its build flags (`gcc -M`). */
function headersOf(file: string, flags: readonly string[], cwd: string, trees: readonly string[]): string[] {
  const deps = execFileSync('gcc', ['-M', ...flags, file], { cwd, encoding: 'utf8', maxBuffer: 64 << 20 })
  const out = new Set<string>()
  for (const w of deps.replace(/\\\n/g, ' ').split(/\s+/)) {
    const abs = path.resolve(cwd, w)
    const tree = trees.find(d => abs.startsWith(`${d}/`))
    if (tree && !abs.endsWith('.c')) out.add(path.relative(tree, abs))
  }
  return [...out]
}

/** A linux-stable-style commit message (the upstream id is a placeholder: these trees come as Debian tarballs, not git). */
const stableMessage = (subject: string, file: string) => `${subject}

commit ${'0123456789abcdef'.repeat(3).slice(0, 40)} upstream.

The real change of ${file} between Debian's linux-source-6.12 6.12.117 and 6.12.118.

Fixes: 89abcdef0123 ("${path.dirname(file)}: an earlier change")
Cc: stable@vger.kernel.org
Signed-off-by: A U Thor <author@example.org>
Signed-off-by: Greg Kroah-Hartman <gregkh@linuxfoundation.org>
`

t.test('git mode on a linux-stable-shaped repository: the plan, a proof, and every file\'s build context', async t => {
  await requireCbmc()
  const dir = t.testdir({})
  const repo = path.join(dir, 'linux')
  const build = path.join(dir, 'build')
  // (make -n itself writes and removes .tmp_* files there while another test runs it: not copied)
  cpSync(oldTree!.out, build, { recursive: true, preserveTimestamps: true, verbatimSymlinks: true, filter: src => !path.basename(src).startsWith('.tmp_') })
  // the headers each version of each file reads, with the old tree's flags (the cached tree's own build context)
  const t0 = Date.now()
  const contexts = await findBuildContexts(FILES.map(f => path.join(oldTree!.src, f)), { buildDir: oldTree!.out })
  const batchMs = Date.now() - t0
  const touched = new Set<string>(['Makefile', ...FILES])
  for (const f of FILES) {
    const c = contexts.get(path.join(oldTree!.src, f))
    if (!c || c instanceof Error) throw new Error(`no build context for ${f} in the cached tree: ${String(c)}`)
    for (const src of [path.join(oldTree!.src, f), path.join(newTree!.src, f)]) {
      for (const h of headersOf(src, c.flags.kept, c.command.directory, [oldTree!.src, newTree!.src])) touched.add(h)
    }
  }
  await buildOverlay(oldTree!.src, repo, touched)
  // git reads no .gitignore through a link (it warns): they ignore build output this test never writes
  execFileSync('find', [repo, '-name', '.gitignore', '-type', 'l', '-delete'])
  for (const p of touched) {
    rmSync(path.join(repo, p), { force: true })
    cpSync(path.join(oldTree!.src, p), path.join(repo, p))
  }
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Greg Kroah-Hartman', '-c', 'user.email=gregkh@linuxfoundation.org', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, encoding: 'utf8' }).trim()
  const apply = (file: string, subject: string) => {
    rmSync(path.join(repo, file))
    cpSync(path.join(newTree!.src, file), path.join(repo, file))
    git('commit', '-q', '-m', stableMessage(subject, file), '--', file)
  }
  git('init', '-q', '-b', 'linux-6.12.y')
  git('add', '-A')
  git('commit', '-q', '-m', 'Linux 6.12.117')
  const base = git('rev-parse', 'HEAD')
  apply('lib/cmdline.c', 'lib/cmdline: saturate the range count instead of overflowing')
  const cmdline = git('rev-parse', 'HEAD')
  git('checkout', '-q', '-b', 'side')
  apply('fs/notify/inotify/inotify_fsnotify.c', 'inotify: do not merge IN_MOVE events')
  git('checkout', '-q', 'linux-6.12.y')
  apply('lib/stackdepot.c', 'lib/stackdepot: leave room for the next pool')
  git('merge', '-q', '--no-ff', '-m', "Merge branch 'side' into linux-6.12.y", 'side')
  t.comment(`repository: ${touched.size} real files (${git('ls-files').split('\n').length} tracked entries), the rest links into the cached tree`)

  const env = { ...process.env, KBUILD_OUTPUT: build }
  const listed = await runCli(['series', '--git', repo, '--range', `${base}..HEAD`, '--list', '--format', 'json', '--no-cache'], env)
  t.equal(listed.code, 0, `planned (stderr: ${listed.stderr.slice(-600)})`)
  const plan = JSON.parse(listed.stdout) as { proofs: { function: string; patch: string | null; affected: boolean; old: string }[] }
  const subjects = new Map(git('log', '--format=%h %s', '--abbrev=12', `${base}..HEAD`).split('\n').map(l => [l.slice(0, 12), l.slice(13)]))
  const rows = plan.proofs.map(p => `${p.patch === null ? 'base → tip' : subjects.get(p.patch)}: ${p.function}${p.affected ? ' (affected)' : ''}`)
  t.same(rows, [
    'lib/cmdline: saturate the range count instead of overflowing: get_options',
    'lib/cmdline: saturate the range count instead of overflowing: get_range',
    'lib/stackdepot: leave room for the next pool: depot_alloc_stack (affected)',
    'lib/stackdepot: leave room for the next pool: depot_init_pool',
    'lib/stackdepot: leave room for the next pool: depot_pop_free_pool (affected)',
    'lib/stackdepot: leave room for the next pool: stack_depot_save_flags (affected)',
    'inotify: do not merge IN_MOVE events: event_compare',
    'inotify: do not merge IN_MOVE events: inotify_merge (affected)',
    "Merge branch 'side' into linux-6.12.y: event_compare",
    "Merge branch 'side' into linux-6.12.y: inotify_merge (affected)",
    'base → tip: depot_alloc_stack (affected)',
    'base → tip: depot_init_pool',
    'base → tip: depot_pop_free_pool (affected)',
    'base → tip: event_compare',
    'base → tip: get_options',
    'base → tip: get_range',
    'base → tip: inotify_merge (affected)',
    'base → tip: stack_depot_save_flags (affected)',
  ], 'every function each commit changed (in git rev-list --topo-order; the merge against its first parent), static callers affected, base → tip; nothing else')

  // proved end to end: get_range() of the first commit, with the claim of test/integration/kernel-fixes.ts (why it is right: there)
  writeFileSync(path.join(dir, 'get_range.yaml'), [
    'function: get_range', 'buffers: {pint: n}', 'assume: ["n >= 1"]', 'max-size: 4', 'unwind: 5', 'intended:',
    '  - when: "(long long)(int)@simple_strtol(1) - *pint > INT_MAX || (long long)(int)@simple_strtol(1) - *pint < INT_MIN"',
    '    then: "ret == (old_ret < 0 ? INT_MAX : -1)"', '',
  ].join('\n'))
  // get_options() (a static caller, planned too) gets small bounds and a budget: only get_range() is checked here
  const proved = await runCli(['series', '--git', repo, '--range', `${base}..${cmdline}`, '--spec', path.join(dir, 'get_range.yaml'), '--max-size', '4', '--proof-timeout', '120', '--format', 'json', '--no-cache'], env)
  const report = JSON.parse(proved.stdout) as SeriesReport
  const getRange = report.proofs.filter(p => p.function === 'get_range')
  t.same(getRange.map(p => [p.patch === null ? 'base → tip' : 'patch', p.verdict]), [['patch', 'as-claimed'], ['base → tip', 'as-claimed']], `get_range(): as-claimed in the kernel's build context (${getRange.map(p => p.error ?? p.report?.summary).join('; ')})`)
  t.ok(getRange[0]?.report?.bounds.some(b => b.what === 'build context' && b.value === `make O=${build} V=1 -n lib/cmdline.o`), 'the flags came from make -n in the work tree')
  t.ok(getRange[0]?.report?.bounds.some(b => b.what === 'compile flag' && /^-fno-strict-overflow → signed overflow wraps/.test(b.value)), 'old wraps instead of UB: -fno-strict-overflow from Kbuild')
  t.comment(`get_options() (a static caller of get_range): ${report.proofs.filter(p => p.function === 'get_options').map(p => p.verdict).join(', ')}`)

  // each file's build context: one make run from the repository's work tree with the copied build folder
  const source = await openGitRange({ repo, range: `${base}..HEAD`, includes: [] })
  try {
    const logs: string[] = []
    const t1 = Date.now()
    const buildOf = await resolveSeriesBuild(source, {}, { KBUILD_OUTPUT: build }, m => logs.push(m), false)
    const seriesMs = Date.now() - t1
    t.match(logs, [/^build context: 3 of 3 files/])
    t.ok(source.patches.every(p => !p.problem && !p.error), 'kernel trailers are no claims and no problem')
    t.same(source.patches.map(p => Object.keys(p.trailerClaims).length), [0, 0, 0, 0])
    for (const f of [...source.patches.flatMap(p => p.files), ...source.baseTip]) {
      const b = buildOf(f)
      if (!b || b instanceof Error) throw new Error(`${f.oldLabel}: no build context: ${String(b)}`)
      const oldView = f.oldPath!.slice(0, -f.key.length - 1)
      const newView = f.newPath!.slice(0, -f.key.length - 1)
      t.equal(b.summary.from, `make O=${build} V=1 -n ${f.key.replace(/\.c$/, '.o')}`, `${f.oldLabel}: the command make prints for its object`)
      t.ok(b.cflags.includes('-D__KERNEL__') && b.cflags.includes('-fno-strict-overflow') && b.cflags.includes('-ftrivial-auto-var-init=zero'), `${f.oldLabel}: the kernel's flags`)
      t.ok(b.cflags.includes(`-fmacro-prefix-map=${oldView}/=`), `${f.oldLabel}: __FILE__ as the build names it in the old view`)
      const inRepo = (d: string) => d === repo || d.startsWith(`${repo}/`)
      t.same([b.includes.old.filter(inRepo), b.includes.new.filter(inRepo)], [[], []], `${f.oldLabel}: no -I folder of the work tree (it may hold another commit)`)
      for (const [view, dirs] of [[oldView, b.includes.old], [newView, b.includes.new]] as const) {
        t.same(['arch/x86/include', 'include'].map(d => dirs.includes(path.join(view, d))), [true, true], `${f.oldLabel}: the tree's -I folders in each commit's snapshot (${path.basename(view)})`)
      }
      t.ok(b.includes.old.includes(path.join(build, 'include')), `${f.oldLabel}: generated headers from the build folder`)
      t.same(b.platform, ['--unsigned-char'], `${f.oldLabel}: -funsigned-char for cbmc`)
    }
    // make -n per object, for comparison with the one run for the series
    const t2 = Date.now()
    for (const f of FILES) await findBuildContext(path.join(realpathSync(repo), f), { buildDir: build })
    t.comment(`build context of ${FILES.length} files: one make run ${(seriesMs / 1000).toFixed(1)} s (cached tree: ${(batchMs / 1000).toFixed(1)} s), one make per file ${((Date.now() - t2) / 1000).toFixed(1)} s`)
  } finally {
    await source.cleanup()
  }
  t.equal(readFileSync(path.join(build, '.config'), 'utf8'), readFileSync(path.join(oldTree!.out, '.config'), 'utf8'), 'the copied build folder still has the cached config')
})

t.test('patch mode on the cached tree itself (read in place, never written): every file\'s context in its overlay views', async t => {
  const dir = t.testdir({ patches: {} })
  const build = path.join(dir, 'build')
  cpSync(oldTree!.out, build, { recursive: true, preserveTimestamps: true, verbatimSymlinks: true, filter: src => !path.basename(src).startsWith('.tmp_') })
  for (const [i, f] of FILES.entries()) {
    const d = spawnSync('diff', ['-u', '--label', `a/${f}`, '--label', `b/${f}`, path.join(oldTree!.src, f), path.join(newTree!.src, f)], { encoding: 'utf8' })
    writeFileSync(path.join(dir, 'patches', `000${i + 1}-${path.basename(f, '.c')}.patch`), `${path.basename(f)}: the 6.12.118 change\n\n${d.stdout}`)
  }
  const before = statSync(path.join(oldTree!.src, FILES[0])).mtimeMs
  const source = await openPatchDir({ tree: oldTree!.src, patches: path.join(dir, 'patches'), includes: [] })
  try {
    const logs: string[] = []
    const buildOf = await resolveSeriesBuild(source, {}, { KBUILD_OUTPUT: build }, m => logs.push(m), false)
    t.match(logs, [/^build context: 3 of 3 files/], 'one make run from the tree with the copied build folder')
    const files = [...source.patches.flatMap(p => p.files), ...source.baseTip]
    t.equal(files.length, 6)
    for (const f of files) {
      const b = buildOf(f)
      if (!b || b instanceof Error) throw new Error(`${f.oldLabel}: no build context: ${String(b)}`)
      const [oldView, newView] = [f.oldPath!, f.newPath!].map(p => p.slice(0, -f.key.length - 1))
      t.same([b.includes.old.includes(path.join(oldView!, 'include')), b.includes.new.includes(path.join(newView!, 'include'))], [true, true], `${f.newLabel}: -I into each version's overlay`)
      t.notOk([...b.includes.old, ...b.includes.new].some(d => d.startsWith(`${oldTree!.src}/`)), `${f.newLabel}: no -I names the tree itself (no fallback: the build folder is outside it)`)
    }
  } finally {
    await source.cleanup()
  }
  t.equal(statSync(path.join(oldTree!.src, FILES[0])).mtimeMs, before, 'the tree was not written')
})
