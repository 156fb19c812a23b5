import t from 'tap'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { CliContext } from '../../src/cli/context.js'
import type { VerifyArgs } from '../../src/cli/commands/verify.js'
import { runVerify } from '../../src/cli/run-verify.js'

// A tiny proof (well under a second of cbmc) whose files only compile if the header is found.
const HEADER = '#define STEP 1\ntypedef int myint;\nextern int counter;\n'
const OLD = '#include "defs.h"\nint counter;\nmyint f(myint x) { counter++; return x + STEP; }\n'
const NEW = '#include "defs.h"\nint counter;\nmyint f(myint x) { counter += 1; return STEP + x; }\n'
const CHANGED = '#include "defs.h"\nint counter;\nmyint f(myint x) { counter += 2; return STEP + x; }\n'

function fake(over: Partial<CliContext> = {}) {
  const out: string[] = []
  const err: string[] = []
  const ctx: CliContext = { env: { PATH: process.env.PATH }, stdout: s => out.push(s), stderr: s => err.push(s), isTTY: false, ...over }
  return { ctx, out, err }
}

const args = (over: Partial<VerifyArgs>): VerifyArgs => ({ old: '', new: '', format: 'json', fwrapv: true, ...over })

t.test('relative include: paths in a spec are resolved against the spec\'s directory', async t => {
  const dir = t.testdir({
    src: { 'old.c': OLD, 'new.c': NEW, hdr: { 'defs.h': HEADER } },
    proof: { 'spec.yaml': 'function: f\ninclude: [headers]\n', headers: { 'defs.h': HEADER } },
    elsewhere: { 'spec.yaml': 'function: f\ninclude: [../src/hdr]\n' },
    outside: { 'spec.yaml': 'function: f\ninclude: [../proof/headers]\n' },
  })
  const rel = (p: string) => path.relative(process.cwd(), path.join(dir, p))
  // inside the spec's folder, or inside the C files' folder
  for (const [spec, inc] of [['proof/spec.yaml', 'headers'], ['elsewhere/spec.yaml', '../src/hdr']] as const) {
    const f = fake()
    await runVerify(args({ old: rel('src/old.c'), new: rel('src/new.c'), spec: rel(spec) }), f.ctx)
    t.equal(f.ctx.exitCode, 0, `${spec}: exit 0 (${f.err.join('')})`)
    const report = JSON.parse(f.out.join(''))
    t.equal(report.verdict, 'equivalent', `${spec}: the header was found`)
    t.same(report.options.includes, [path.join(path.dirname(rel(spec)), inc)], `${spec}: include relative to the spec`)
  }
  // an include folder outside both the spec's folder and the C files' folders is refused (a spec is data)
  await t.rejects(runVerify(args({ old: rel('src/old.c'), new: rel('src/new.c'), spec: rel('outside/spec.yaml') }), fake().ctx), {
    name: 'ConfigError', message: /outside\/spec\.yaml: include .*proof\/headers \(outside the spec's folder and the C files' folders\)/,
  })
})

t.test('absolute include paths in a spec, and CLI -I relative to the working directory', async t => {
  const dir = t.testdir({ 'old.c': OLD, 'new.c': NEW, inc: { 'defs.h': HEADER }, 'spec.yaml': '' })
  const inc = path.join(dir, 'inc')
  const specs = { abs: `function: f\ninclude: ${inc}\n` }
  const withSpec = path.join(dir, 'spec.yaml')
  const { writeFileSync } = await import('node:fs')
  writeFileSync(withSpec, specs.abs)
  let f = fake()
  await runVerify(args({ old: path.join(dir, 'old.c'), new: path.join(dir, 'new.c'), spec: withSpec }), f.ctx)
  t.equal(f.ctx.exitCode, 0)
  t.same(JSON.parse(f.out.join('')).options.includes, [inc], 'an absolute path is kept')

  f = fake()
  await runVerify(args({ old: path.join(dir, 'old.c'), new: path.join(dir, 'new.c'), func: 'f', include: [path.relative(process.cwd(), inc)] }), f.ctx)
  t.equal(f.ctx.exitCode, 0, '-I is taken as given (relative to the cwd)')
})

t.test('without the include the proof fails with a clear error', async t => {
  const dir = t.testdir({ 'old.c': OLD, 'new.c': NEW, 'spec.yaml': 'function: f\n' })
  await t.rejects(runVerify(args({ old: path.join(dir, 'old.c'), new: path.join(dir, 'new.c'), spec: path.join(dir, 'spec.yaml') }), fake().ctx), {
    name: 'ExtractError', message: /^cannot preprocess .*(old|new)\.c: .*defs\.h: No such file/,
  })
})

t.test('an unintended difference: the outcome is exit 1', async t => {
  const dir = t.testdir({ 'old.c': OLD, 'new.c': CHANGED, inc: { 'defs.h': HEADER } })
  const f = fake()
  await runVerify(args({ old: path.join(dir, 'old.c'), new: path.join(dir, 'new.c'), func: 'f', include: [path.join(dir, 'inc')] }), f.ctx)
  t.equal(f.ctx.exitCode, 1)
  t.equal(JSON.parse(f.out.join('')).verdict, 'unintended')
})

t.test('text report: colour and progress only on a terminal', async t => {
  const dir = t.testdir({ 'old.c': OLD, 'new.c': NEW, inc: { 'defs.h': HEADER } })
  const a = args({ old: path.join(dir, 'old.c'), new: path.join(dir, 'new.c'), func: 'f', include: [path.join(dir, 'inc')], format: 'text' })
  // [what, context, colour?, progress on stderr?]
  const rows: [string, Partial<CliContext>, boolean, boolean][] = [
    ['pipe', {}, false, false],
    ['terminal', { isTTY: true }, true, true],
    ['terminal with NO_COLOR', { isTTY: true, env: { PATH: process.env.PATH, NO_COLOR: '1' } }, false, true],
  ]
  for (const [what, over, colour, progress] of rows) {
    const f = fake(over)
    await runVerify(a, f.ctx)
    const text = f.out.join('')
    t.equal(f.ctx.exitCode, 0, `${what}: exit 0`)
    t.match(text.replace(/\x1b\[\d+m/g, ''), /^EQUIVALENT\s+f\(\)/, `${what}: a text report`)
    t.ok(text.endsWith('\n'), `${what}: ends with a newline`)
    t.equal(/\x1b\[/.test(text), colour, `${what}: colour ${colour}`)
    t.equal(f.err.some(l => /^klp-verify: proving f\(\)/.test(l)), progress, `${what}: progress ${progress}`)
    t.notOk(f.err.some(l => /^klp-verify: cbmc: /.test(l)), `${what}: no debug lines`)
  }
})

t.test('--verbose and --debug print the cbmc command lines', async t => {
  const dir = t.testdir({ 'old.c': OLD, 'new.c': NEW, inc: { 'defs.h': HEADER } })
  for (const flag of ['verbose', 'debug'] as const) {
    const f = fake()
    await runVerify(args({ old: path.join(dir, 'old.c'), new: path.join(dir, 'new.c'), func: 'f', include: [path.join(dir, 'inc')], [flag]: true }), f.ctx)
    t.ok(f.err.some(l => /^klp-verify: cbmc: /.test(l)), `${flag}: the cbmc in use`)
    t.ok(f.err.some(l => /^klp-verify: \[equiv\] .*cbmc .*--unwind/.test(l)), `${flag}: a cbmc command line`)
    t.ok(f.err.some(l => /^klp-verify: proving f\(\)/.test(l)), `${flag}: progress`)
  }
})

t.test('--output writes the report to a file and says so on stderr', async t => {
  const dir = t.testdir({ 'old.c': OLD, 'new.c': NEW, inc: { 'defs.h': HEADER } })
  const base = { old: path.join(dir, 'old.c'), new: path.join(dir, 'new.c'), func: 'f', include: [path.join(dir, 'inc')] }
  for (const format of ['json', 'text'] as const) {
    const file = path.join(dir, `report.${format}`)
    const f = fake({ isTTY: true })
    await runVerify(args({ ...base, format, output: file }), f.ctx)
    t.same(f.out, [], `${format}: nothing on stdout`)
    t.equal(f.err.at(-1), `klp-verify: equivalent — report written to ${file}`)
    const text = readFileSync(file, 'utf8')
    t.ok(text.endsWith('\n'), `${format}: the file ends with a newline`)
    t.notMatch(text, /\x1b\[/, `${format}: no colour in a file`)
    if (format === 'json') t.equal(JSON.parse(text).verdict, 'equivalent')
    t.equal(f.ctx.exitCode, 0)
  }
  // a newline in the path stays one line on stderr (written as \n)
  const odd = path.join(dir, 'rep\nort.json')
  const g = fake({ isTTY: true })
  await runVerify(args({ ...base, format: 'json', output: odd }), g.ctx)
  t.equal(JSON.parse(readFileSync(odd, 'utf8')).verdict, 'equivalent', 'written to the path as given')
  t.equal(g.err.at(-1), `klp-verify: equivalent — report written to ${path.join(dir, 'rep\\nort.json')}`)
  t.notOk(g.err.at(-1)?.includes('\n'), 'one line')
  const bad = path.join(dir, 'no', 'such', 'dir', 'r.json')
  await t.rejects(runVerify(args({ ...base, output: bad }), fake().ctx), {
    name: 'UsageError',
    message: `cannot write the report: ENOENT: no such file or directory, open '${bad}'`,
    hint: 'check the path given to --output (its directory must exist)',
    exitCode: 3,
  })
})

t.test('the command line is checked before the spec file is read', async t => {
  await t.rejects(runVerify(args({ old: 'old.c', new: 'new.c', spec: '/nonexistent/spec.yaml', unwind: 'abc' }), fake().ctx), {
    name: 'UsageError', message: "--unwind must be a positive whole number or auto, not 'abc'",
  })
  await t.rejects(runVerify(args({ old: 'old.c', new: 'new.c', spec: '/nonexistent/spec.yaml' }), fake().ctx), { name: 'ConfigError', message: /cannot read spec file/ })
})
