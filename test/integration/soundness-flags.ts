/**
 * Soundness, class 4: compiler flags from data files (specs, manifest defaults, PATCH.yaml beside a
 * patch, --spec files of a series) are allow-listed. A refused flag is one `error:` line naming every
 * refused flag and its file, exit 3, before any compiler runs: a gcc plugin's constructor never runs,
 * no file is pulled into the proof, and no macro rewrites the code into an `equivalent` pair.
 */
import t, { type Test } from 'tap'
import { execFileSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { requireCbmc } from '../fixtures/integration.js'
import { DIFFERING, assertNotForged, gitPair, nativeDiffers, sandbox, type Box, type SandboxRun } from '../fixtures/soundness.js'

t.before(async () => {
  await requireCbmc()
})

const REAL_GCC = execFileSync('sh', ['-c', 'command -v gcc'], { encoding: 'utf8' }).trim()

/**
 * A gcc "plugin" whose constructor creates a sentinel file (gcc dlopens it, so the constructor runs
 * even though it is no real plugin), and a gcc on PATH that logs every call before running the real
 * one: after a refused run neither file may exist.
 */
function traps(box: Box): { plugin: string; sentinel: string; gccLog: string; env: Record<string, string> } {
  const sentinel = path.join(box.scratch, 'PLUGIN-RAN')
  const gccLog = path.join(box.scratch, 'gcc-calls.log')
  const src = path.join(box.scratch, 'evil.c')
  const plugin = path.join(box.scratch, 'evil.so')
  writeFileSync(src, `#include <stdio.h>\n__attribute__((constructor)) static void evil(void)\n{\n\tFILE *f = fopen(${JSON.stringify(sentinel)}, "w");\n\tif (f) { fputs("ran\\n", f); fclose(f); }\n}\n`)
  execFileSync(REAL_GCC, ['-shared', '-fPIC', '-o', plugin, src])
  const bin = path.join(box.scratch, 'bin')
  mkdirSync(bin, { recursive: true })
  writeFileSync(path.join(bin, 'gcc'), `#!/bin/sh\necho "$*" >> '${gccLog}'\nexec '${REAL_GCC}' "$@"\n`)
  chmodSync(path.join(bin, 'gcc'), 0o755)
  return { plugin, sentinel, gccLog, env: { PATH: `${bin}:${process.env.PATH}` } }
}

/** The refusal: exit 3, one error line naming each flag, one hint line, nothing else on stderr; no verdict. */
function assertRefused(t: Test, r: SandboxRun, flags: readonly string[]): void {
  t.equal(r.code, 3, `exit 3 (stderr: ${r.stderr})`)
  const lines = r.stderr.trimEnd().split('\n')
  t.equal(lines.length, 2, 'one error line and one hint line')
  t.match(lines[0], /^error: compiler flags refused in data files: /)
  for (const f of flags) t.ok(lines[0]!.includes(f), `the error names ${f}`)
  t.match(lines[1], /^hint: .*--cflags/)
  // nothing proved: no report (with --format json, the error itself as JSON)
  t.match(r.stdout ? JSON.parse(r.stdout) : { verdict: 'error', exitCode: 3 }, { verdict: 'error', exitCode: 3 }, 'no report: nothing was proved')
  assertNotForged(t, r)
}

t.test('a control run: allowed spec flags reach gcc, and the pair is found different', async t => {
  const box = await sandbox(t, {
    'old.c': DIFFERING.old, 'new.c': DIFFERING.new, 'inc/defs.h': '#define UNUSED 1\n',
    'spec.yaml': 'function: f\ncflags: "-DX=1 -fwrapv -fno-strict-aliasing -std=gnu11 -O2 -Wall -m64 -Iinc"\ndefine: [CONFIG_Y=2]\ninclude: [inc]\n',
  })
  const trap = traps(box)
  t.ok(await nativeDiffers(box, 'old.c', 'new.c', 'f', 'printf("%d\\n", f(7));'), 'the pair differs natively')
  const r = await box.run(['old.c', 'new.c', '--spec', 'spec.yaml', '--format', 'json', '--unwind', '1'], { env: trap.env })
  t.equal(r.code, 1, r.stderr)
  t.equal(r.json?.verdict, 'unintended')
  t.same(r.json?.options.cflags, ['-DX=1', '-fwrapv', '-fno-strict-aliasing', '-std=gnu11', '-O2', '-Wall', '-m64', '-Iinc'], 'the report lists the flags passed')
  t.ok(existsSync(trap.gccLog) && readFileSync(trap.gccLog, 'utf8').includes('-DX=1'), 'the logging gcc ran (so its silence below means something)')
  await box.assertClean(t)
})

t.test('spec cflags: -fplugin never loads the plugin, gcc is not even started', async t => {
  const box = await sandbox(t, { 'old.c': DIFFERING.old, 'new.c': DIFFERING.new })
  const trap = traps(box)
  try {
    execFileSync(REAL_GCC, ['-E', `-fplugin=${trap.plugin}`, '-x', 'c', '/dev/null'], { stdio: 'ignore' })
  } catch {
    // gcc then refuses the "plugin" (no GPL symbol), after its constructor ran
  }
  t.ok(existsSync(trap.sentinel), 'the trap works: gcc -E with this plugin runs its constructor')
  execFileSync('rm', ['-f', trap.sentinel])
  for (const plugin of [trap.plugin, '/nonexistent.so']) {
    box.write('spec.yaml', `function: f\ncflags: "-DX -fplugin=${plugin}"\n`)
    const r = await box.run(['old.c', 'new.c', '--spec', 'spec.yaml', '--format', 'json', '--unwind', '1'], { env: trap.env })
    assertRefused(t, r, [`spec.yaml: -fplugin=${plugin}`])
    t.notOk(existsSync(trap.sentinel), 'the plugin\'s constructor did not run')
    t.notOk(existsSync(trap.gccLog), 'gcc was never started')
    await box.assertClean(t)
  }
})

t.test('spec cflags and define: files pulled in, options passed on, macros that rewrite the code', async t => {
  const box = await sandbox(t, { 'old.c': DIFFERING.old, 'new.c': DIFFERING.new })
  const trap = traps(box)
  const rows: Array<[string, string, string[]]> = [
    ['-include /etc/passwd', 'cflags: "-include /etc/passwd"', ['-include /etc/passwd']],
    ['-Wp, -imacros, -iquote /', 'cflags: ["-Wp,-imacros,/etc/passwd", "-imacros /etc/passwd -iquote /"]', ['-Wp,-imacros,/etc/passwd', '-imacros /etc/passwd', '-iquote /']],
    ['-isystem, -B, a response file', 'cflags: "-isystem /etc -B/tmp -wrapper /bin/sh @/etc/passwd"', ['-isystem /etc', '-B/tmp', '-wrapper /bin/sh', '@/etc/passwd']],
    ['-I outside the folders', 'cflags: "-I ../../etc -I/etc"', ['-I../../etc', '-I/etc']],
    ['include: outside the folders', 'include: [/etc, ../../..]', ['include /etc', 'include ']],
    // `#define return return 0;` makes both versions return 0: an equivalent pair, if it got through
    ['a macro named after a keyword', 'define: ["return=return 0;"]', ['define return=return 0; (return is a C keyword)']],
    ['a macro that silences the harness', 'define: ["__CPROVER_assert=(void)"]', ['define __CPROVER_assert=(void)']],
    ['a define that spans lines', 'define: ["X=1\\n#include \\"/etc/passwd\\""]', ['define "X=1\\n#include \\"/etc/passwd\\""']],
  ]
  for (const [name, yaml, flags] of rows) {
    await t.test(name, async t => {
      box.write('spec.yaml', `function: f\n${yaml}\n`)
      const r = await box.run(['old.c', 'new.c', '--spec', 'spec.yaml', '--format', 'json', '--unwind', '1'], { env: trap.env })
      assertRefused(t, r, flags)
      t.notMatch(r.stdout + r.stderr, /root:x:0:0/, 'nothing of /etc/passwd appears')
      t.notOk(existsSync(trap.gccLog), 'gcc was never started')
      await box.assertClean(t)
    })
  }
})

t.test('the command line is the user\'s own: the same flag passes there, and the report lists it', async t => {
  const box = await sandbox(t, { 'old.c': DIFFERING.old, 'new.c': DIFFERING.new, 'macros.h': '#define FROM_CLI 1\n' })
  const r = await box.run(['old.c', 'new.c', '--func', 'f', '--cflags', '-imacros macros.h', '--format', 'json', '--unwind', '1'])
  t.equal(r.code, 1, r.stderr)
  t.same(r.json?.options.cflags, ['-imacros', 'macros.h'])
  await box.assertClean(t)
})

const diff = (file: string, a: string, b: string) => {
  const minus = a.split('\n').slice(0, -1)
  const plus = b.split('\n').slice(0, -1)
  return `--- a/${file}\n+++ b/${file}\n@@ -1,${minus.length} +1,${plus.length} @@\n${minus.map(l => `-${l}`).join('\n')}\n${plus.map(l => `+${l}`).join('\n')}\n`
}

t.test('a series: manifest defaults, a PATCH.yaml beside a patch, a --spec file in git mode — one error for all', async t => {
  const box = await sandbox(t, {
    'm/old.c': DIFFERING.old, 'm/new.c': DIFFERING.new, 'm/spec.yaml': 'function: f\ncflags: -fdump-tree-all\n',
    'm/series.yaml': 'defaults:\n  cflags: "-DOK -include /etc/passwd"\nentries:\n  - {old: old.c, new: new.c, spec: spec.yaml}\n',
    'tree/f.c': DIFFERING.old,
    'patches/series': '0001-change.patch\n',
    'patches/0001-change.patch': `Subject: [PATCH] change f\n\n---\n${diff('f.c', DIFFERING.old, DIFFERING.new)}`,
    'patches/0001-change.yaml': 'function: f\ncflags: "-fplugin=/nonexistent.so -Wp,-include,/etc/passwd"\n',
    'git.yaml': 'function: f\ndefine: ["__CPROVER_assume=(void)"]\n',
  })
  const trap = traps(box)

  const m = await box.run(['series', 'm/series.yaml', '--format', 'json', '--unwind', '1'], { env: trap.env })
  assertRefused(t, m, ['m/series.yaml: -include /etc/passwd', 'spec.yaml: -fdump-tree-all'])
  t.notOk(existsSync(trap.gccLog), 'manifest: gcc was never started')
  await box.assertClean(t)

  const p = await box.run(['series', '--tree', 'tree', '--patches', 'patches', '--format', 'json', '--unwind', '1'], { env: trap.env })
  assertRefused(t, p, ['0001-change.yaml: -fplugin=/nonexistent.so', '-Wp,-include,/etc/passwd'])
  t.notOk(existsSync(trap.gccLog), 'patch directory: gcc was never started')
  await box.assertClean(t)

  // git mode: the repository lives in scratch (the sandbox checks box.in for stray files)
  const repo = gitPair(box)
  const g = await box.run(['series', '--git', repo, '--range', 'HEAD~1..HEAD', '--spec', 'git.yaml', '--format', 'json', '--unwind', '1'], { env: trap.env })
  assertRefused(t, g, ['git.yaml: define __CPROVER_assume=(void)'])
  t.notOk(existsSync(trap.gccLog), 'git mode: gcc was never started')
  await box.assertClean(t)
})
