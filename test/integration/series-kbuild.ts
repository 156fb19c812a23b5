/**
 * A series over a configured Kbuild-shaped tree made here (its Makefile prints the gcc line for
 * `make V=1 -n lib/x.o`): the real CLI and cbmc. Every changed file is proved with its old
 * version's compile command (one make run for the series), in patch mode and in git mode; a file
 * the configuration does not build is its patch's error (exit 3), never a proof without the flags.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import t from 'tap'
import { requireCbmc, runCli } from '../fixtures/integration.js'
import type { SeriesReport } from '../../src/series/types.js'

t.before(async () => {
  await requireCbmc()
})

const MAKEFILE = [
  '$(shell echo run >> $(CURDIR)/../make-runs.log)',
  'lib/%.o: lib/%.c',
  '\tgcc -Wp,-MMD,x.d -nostdinc -I./include -include ./include/cfg.h -DLIMIT_SHIFT=2 -fno-strict-overflow -Wall -c -o $@ $<',
  'skip/%.o: skip/%.c',
  '\t@echo nothing for $@',
  '',
].join('\n')

// clamp(): without the build's flags it does not even preprocess (<lim.h>, LIMIT_SHIFT, CFG_ON from -include)
const clamp = (cmp: string) => `#include <lim.h>\n\nint clamp(int x)\n{\n\tif (CFG_ON && x ${cmp} LIMIT)\n\t\treturn LIMIT;\n\treturn x;\n}\n`
const other = (v: number) => `#include <lim.h>\n\nint other(int x)\n{\n\treturn x + ${v};\n}\n`
/** A one-line change as a patch, the whole file its context. */
const diff = (file: string, a: string, b: string) => {
  const [al, bl] = [a.trimEnd().split('\n'), b.trimEnd().split('\n')]
  const body = al.flatMap((l, k) => (l === bl[k] ? [` ${l}`] : [`-${l}`, `+${bl[k]}`]))
  return `--- a/${file}\n+++ b/${file}\n@@ -1,${al.length} +1,${bl.length} @@\n${body.join('\n')}\n`
}

const TREE = {
  Makefile: MAKEFILE, Kbuild: 'obj-y += lib/\n', Kconfig: 'config X\n\tbool "x"\n', '.config': 'CONFIG_X=y\n',
  include: { 'cfg.h': '#define CFG_ON 1\n', 'lim.h': '#define LIMIT (1 << LIMIT_SHIFT)\n' },
  lib: { 'x.c': clamp('>') },
  skip: { 'z.c': other(1) },
}

const PATCHES = {
  series: '0001-x.patch\n0002-z.patch\n',
  // equivalent: at x == LIMIT both return LIMIT
  '0001-x.patch': `lib/x: clamp at the limit\n\n---\n${diff('lib/x.c', clamp('>'), clamp('>='))}`,
  '0002-z.patch': `skip/z: a file this configuration does not build\n---\n${diff('skip/z.c', other(1), other(2))}`,
}

const proofsOf = (r: SeriesReport) => r.proofs.map(p => [p.function, p.patch, p.verdict])

t.test('patch mode: the old version\'s compile command for every changed file, one make run', async t => {
  const dir = t.testdir({ linux: TREE, patches: PATCHES })
  const r = await runCli(['series', '--tree', path.join(dir, 'linux'), '--patches', path.join(dir, 'patches'), '--format', 'json', '--no-cache'])
  const report = JSON.parse(r.stdout) as SeriesReport
  t.same(proofsOf(report), [['clamp', '0001-x.patch', 'equivalent'], ['(base → tip: skip/z.c)', null, 'error'], ['clamp', null, 'equivalent']], 'clamp proved with the build\'s flags, per patch and base → tip')
  const bounds = report.proofs[0]!.report!.bounds.map(b => [b.what, b.value])
  t.ok(bounds.some(([w, v]) => w === 'build context' && v === 'make V=1 -n lib/x.o'), 'the report names where the flags came from')
  t.ok(bounds.some(([w, v]) => w === 'compile flag' && /^-fno-strict-overflow → /.test(v)), 'and what each flag with meaning does')
  t.match(report.patches[1], { id: '0002-z.patch', status: 'error', error: /make V=1 -n skip\/z\.o printed no command that compiles/ }, 'a file the configuration does not build: its patch\'s error')
  t.equal(r.code, 3)
  t.equal(readFileSync(path.join(dir, 'make-runs.log'), 'utf8').trim().split('\n').length, 1, 'one make run for the whole series')

  const listed = await runCli(['series', '--tree', path.join(dir, 'linux'), '--patches', path.join(dir, 'patches'), '--list', '--format', 'json', '--no-cache'])
  t.same((JSON.parse(listed.stdout) as { proofs: { function: string }[] }).proofs.map(p => p.function), ['clamp', '(base → tip: skip/z.c)', 'clamp'], '--list plans with the build context too (and lists the file without one)')
})

t.test('git mode, the work tree configured in place: -I folders into each commit\'s snapshot, generated headers from the tree', async t => {
  const dir = t.testdir({ linux: { ...TREE, include: { ...TREE.include, generated: { 'autoconf.h': '#define CONFIG_X 1\n' } } } })
  const repo = path.join(dir, 'linux')
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, encoding: 'utf8' })
  // generated headers are not tracked, as in a kernel tree (.gitignore); the .c file includes one
  const x2 = clamp('>=').replace('#include <lim.h>', '#include <lim.h>\n#include <generated/autoconf.h>')
  writeFileSync(path.join(repo, '.gitignore'), '.config\ninclude/generated/\n')
  git('init', '-q')
  git('add', '.')
  git('commit', '-q', '-m', 'base')
  writeFileSync(path.join(repo, 'lib/x.c'), x2)
  git('commit', '-q', '-am', 'lib/x: clamp at the limit\n\ncommit 0123456789abcdef0123456789abcdef01234567 upstream.\n\nFixes: 89abcdef0123 ("lib/x: add clamp")\nCc: stable@vger.kernel.org\nSigned-off-by: A U Thor <a@example.org>\nSigned-off-by: Greg Kroah-Hartman <gregkh@linuxfoundation.org>')
  const r = await runCli(['series', '--git', repo, '--range', 'HEAD~1..HEAD', '--format', 'json', '--no-cache'])
  const report = JSON.parse(r.stdout) as SeriesReport
  t.same(proofsOf(report).map(([f, , v]) => [f, v]), [['clamp', 'equivalent'], ['clamp', 'equivalent']], `proved in git mode (stderr: ${r.stderr})`)
  t.equal(r.code, 0)
  t.same(report.proofs[0]!.claims, [], 'Fixes:, Cc: and Signed-off-by: trailers are no claims')
})
