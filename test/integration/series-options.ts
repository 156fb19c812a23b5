/**
 * `klp-verify series` through the built CLI, in processes of its own (issues 9 and 10): a bad proof
 * option is one usage error before anything runs; a series fails closed when changes give nothing
 * to prove; a manifest's `cflags:` string is split like --cflags.
 *
 * "Before anything runs" is checked for real: PATH starts with a folder whose gcc, cc and cbmc only
 * leave a mark and fail, and KLP_CBMC names that cbmc too, so any preprocessing or cbmc run would
 * leave a mark.
 */
import { execFile } from 'node:child_process'
import { chmodSync, existsSync, readdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import t from 'tap'
import { HARNESSES, ROOT } from '../fixtures/integration.js'

const BIN = path.join(ROOT, 'dist', 'bin.js')
const KERNEL = path.join(HARNESSES, 'kernel-series')

t.before(() => {
  if (!existsSync(BIN)) throw new Error('these tests run the built CLI in separate processes: run `npm run build` first')
})

interface Run { readonly code: number; readonly stdout: string; readonly stderr: string }

const cli = (args: readonly string[], env: Record<string, string | undefined> = {}): Promise<Run> => new Promise(resolve => {
  execFile(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, ...env }, maxBuffer: 64 << 20, timeout: 300_000 }, (err, stdout, stderr) => {
    resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr })
  })
})

/** A folder of tools that only leave a mark in `marks/` (their name) and fail. */
function trapTools(dir: string): { bin: string; marks: string } {
  const bin = path.join(dir, 'bin')
  const marks = path.join(dir, 'marks')
  for (const name of ['gcc', 'cc', 'cbmc']) {
    const f = path.join(bin, name)
    writeFileSync(f, `#!/bin/sh\ntouch "${marks}/${name}"\nexit 1\n`)
    chmodSync(f, 0o755)
  }
  return { bin, marks }
}

t.test('series --unwind abc, -j abc, --max-size -1, --timeout 0: exit 3, one error and one hint, nothing run', async t => {
  const dir = t.testdir({
    bin: {}, marks: {}, cache: {},
    m: { 'old.c': 'int f(int x) { return x; }\n', 'new.c': 'int f(int x) { return x + 1; }\n', 'm.yaml': 'entries:\n  - { old: old.c, new: new.c }\n' },
  })
  const { bin, marks } = trapTools(dir)
  const env = { PATH: `${bin}${path.delimiter}${process.env.PATH}`, KLP_CBMC: path.join(bin, 'cbmc'), KLP_CACHE_DIR: path.join(dir, 'cache') }
  const series = ['series', '--tree', path.join(KERNEL, 'tree'), '--patches', path.join(KERNEL, 'patches'), '-I', 'include']
  const rows: [string[], RegExp][] = [
    [['--unwind', 'abc'], /^error: --unwind must be a positive whole number or auto, not 'abc'$/],
    [['-j', 'abc'], /^error: --jobs must be a positive whole number, not a non-number$/],
    [['--max-size', '-1'], /^error: --max-size must be a whole number from 0 to 4096, not -1$/],
    [['--timeout', '0'], /^error: --timeout must be a positive number of seconds up to 2147483, not 0$/],
  ]
  for (const [opt, error] of rows) {
    for (const extra of [[], ['--list']]) {
      const what = [...opt, ...extra].join(' ')
      const r = await cli([...series, ...opt, ...extra], env)
      t.equal(r.code, 3, `${what}: exit 3`)
      const lines = r.stderr.split('\n').filter(Boolean)
      t.equal(lines.length, 2, `${what}: two lines on stderr, no progress (${JSON.stringify(r.stderr)})`)
      t.match(lines[0], error, `${what}: the error`)
      t.match(lines[1], /^hint: e\.g\. |^hint: seconds per cbmc run/, `${what}: the hint`)
      t.equal(r.stdout, '', `${what}: no report`)
      t.same(readdirSync(marks), [], `${what}: no gcc, no cbmc ran`)
    }
  }
  // the same trap lets a good command line through to the first preprocessing: the trap works
  await cli(['series', path.join(dir, 'm', 'm.yaml'), '--list'], env)
  t.ok(readdirSync(marks).includes('gcc'), 'a valid command line does reach gcc')
})

t.test('fail closed: changed C files with nothing to prove never exit 0; a shard that owns nothing does', async t => {
  const fn = (ret: string) => `int f(int x)\n{\n#if defined(A) && defined(B)\n\treturn ${ret};\n#else\n\treturn 0;\n#endif\n}\n`
  const dir = t.testdir({
    cflags: {
      'old.c': fn('x'), 'new.c': fn('x + 1'),
      'm.yaml': 'defaults:\n  cflags: "-DA=1 -DB=2"\nentries:\n  - { old: old.c, new: new.c }\n',
    },
    comment: {
      'old.c': 'int f(int x) { return x; }\n', 'new.c': 'int f(int x) { /* why */ return x; }\n',
      'm.yaml': 'entries:\n  - { old: old.c, new: new.c }\n',
    },
    hidden: {
      // a header that does not parse swallows the function (as kernel headers did with tree-sitter)
      'h.h': 'int g = (\n',
      'old.c': '#include "h.h"\nint f(int x) { return x; }\n', 'new.c': '#include "h.h"\nint f(int x) { return x + 1; }\n',
      'm.yaml': 'entries:\n  - { old: old.c, new: new.c }\n',
    },
    cache: {},
  })
  const env = { KLP_CACHE_DIR: path.join(dir, 'cache') }

  const listed = await cli(['series', path.join(dir, 'cflags', 'm.yaml'), '--list', '--format', 'json'], env)
  t.equal(listed.code, 0, listed.stderr)
  t.same((JSON.parse(listed.stdout) as { proofs: { function: string }[] }).proofs.map(p => p.function), ['f'], "a manifest's cflags: string reaches change detection split, like --cflags")

  const comment = await cli(['series', path.join(dir, 'comment', 'm.yaml')], env)
  t.equal(comment.code, 3, 'no proof planned for a changed file: exit 3')
  t.match(comment.stderr, /^error: the series changed 1 C file, but no proof was planned: nothing would be proved\nhint: .+\n$/)

  const hidden = await cli(['series', path.join(dir, 'hidden', 'm.yaml'), '--format', 'json'], env)
  t.equal(hidden.code, 3, hidden.stderr)
  const report = JSON.parse(hidden.stdout) as { exitCode: number; proofs: unknown[]; patches: { status: string; error?: string }[] }
  t.equal(report.exitCode, 3)
  t.same(report.proofs, [])
  t.match(report.patches[0], { status: 'error', error: /new\.c: the old version does not parse \(an unbalanced '\(' at .*h\.h:1\), so no function of it could be planned \(hint: / }, 'the error names the header line where it starts')

  // one proof, two shards: the second owns nothing and runs nothing, and that is no failure
  const empty = await cli(['series', path.join(dir, 'cflags', 'm.yaml'), '--shard', '2/2', '--format', 'json'], env)
  t.equal(empty.code, 0, empty.stderr)
  const shard = JSON.parse(empty.stdout) as { proofs: unknown[]; shard: { owned: string[] }; plan: { proofs: unknown[] } }
  t.same(shard.proofs, [])
  t.same(shard.shard.owned, [])
  t.equal(shard.plan.proofs.length, 1, 'the whole plan has the proof (shard 1 owns it)')
})
