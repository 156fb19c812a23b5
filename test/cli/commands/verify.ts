import t from 'tap'
import path from 'node:path'
import type { ArgumentsCamelCase } from 'yargs'
import type { CliContext } from '../../../src/cli/context.js'
import { verifyCommand, type VerifyArgs } from '../../../src/cli/commands/verify.js'
import { main } from '../../../src/main.js'

const quiet = (): CliContext => ({ env: process.env, stdout: () => {}, stderr: () => {}, isTTY: false })

t.test('parsing through the real parser (main\'s configuration, this builder)', async t => {
  let got: ArgumentsCamelCase<VerifyArgs> | undefined
  // main, with the verify command's handler replaced by one that records its arguments
  const { buildParser } = await t.mockImport<typeof import('../../../src/main.js')>('../../../src/main.js', {
    '../../../src/cli/commands/index.js': {
      commands: (ctx: CliContext) => [{ ...verifyCommand(ctx), handler: (a: ArgumentsCamelCase<VerifyArgs>) => { got = a } }],
    },
  })
  const parse = async (argv: string[]) => {
    got = undefined
    await buildParser(argv, quiet()).parseAsync()
    return got!
  }
  // [what, argv, expected subset]
  const rows: [string, string[], Record<string, unknown>][] = [
    ['positionals and defaults', ['a.c', 'b.c', '--func', 'f'], { old: 'a.c', new: 'b.c', func: 'f', format: 'text' }],
    ['-f alias', ['a.c', 'b.c', '-f', 'g'], { func: 'g' }],
    ['a repeatable option before the files leaves them alone', ['--buffer', 'buf:len', 'a.c', 'b.c'], { old: 'a.c', new: 'b.c', buffer: ['buf:len'] }],
    ['-I and -D before the files', ['-I', 'inc', '-D', 'X=1', 'a.c', 'b.c'], { old: 'a.c', new: 'b.c', include: ['inc'], define: ['X=1'] }],
    ['repeated lists add up', ['a.c', 'b.c', '--intended', 'len > 8 => ret == -22', '--intended', 'x', '--assume', 'len < 9', '--nullable', 'p', '--nullable', 'q'],
      { intended: ['len > 8 => ret == -22', 'x'], assume: ['len < 9'], nullable: ['p', 'q'] }],
    ['--cflags may start with a dash', ['a.c', 'b.c', '--cflags', '-DX -fno-strict-overflow'], { cflags: '-DX -fno-strict-overflow' }],
    ['--cbmc-arg takes cbmc flags', ['a.c', 'b.c', '--cbmc-arg', '--trace', '--cbmc-arg=--z3', '--cbmc-arg', '--refine'], { cbmcArg: ['--trace', '--z3', '--refine'] }],
    ['one --cbmc-arg is still a list', ['--cbmc-arg', '--trace', 'a.c', 'b.c'], { cbmcArg: ['--trace'], old: 'a.c' }],
    ['--intended= may start with a dash', ['a.c', 'b.c', '--intended=-x > 1'], { intended: ['-x > 1'] }],
    ['--unwind stays text (auto or N)', ['a.c', 'b.c', '--unwind', '10'], { unwind: '10' }],
    ['numbers, booleans, camelCase', ['a.c', 'b.c', '--max-unwind', '8', '--max-size', '4', '--timeout', '1.5', '-j', '2', '--init-globals', '--no-fwrapv', '--keep-harness', 'kh', '-o', 'r.json', '-v', '--debug', '--solver', 'z3', '--cbmc', '/x/cbmc', '--spec', 's.yaml', '--format', 'junit'],
      { maxUnwind: 8, maxSize: 4, timeout: 1.5, jobs: 2, initGlobals: true, fwrapv: false, keepHarness: 'kh', output: 'r.json', verbose: true, debug: true, solver: 'z3', cbmc: '/x/cbmc', spec: 's.yaml', format: 'junit' }],
    ['booleans not given stay undefined (so a spec can set them)', ['a.c', 'b.c'], { fwrapv: undefined, initGlobals: undefined, verbose: undefined }],
  ]
  for (const [what, argv, want] of rows) t.match(await parse(argv), want, what)
  t.notOk('fwrapv' in (await parse(['a.c', 'b.c'])), 'absent boolean is not set at all')
  await t.rejects(parse(['a.c', 'b.c', '--unwind', '1', '--unwind', '2']), { name: 'UsageError', message: '--unwind was given more than once (1, 2)' }, 'a repeated single-valued option is refused')
})

t.test('the handler runs the proof and reports its outcome (real cbmc)', async t => {
  const dir = t.testdir({
    'old.c': 'int f(int x) { return x + 1; }\n',
    'new.c': 'int f(int x) { return 1 + x; }\n',
  })
  const out: string[] = []
  const err: string[] = []
  const ctx: CliContext = { ...quiet(), stdout: s => out.push(s), stderr: s => err.push(s) }
  const code = await main([path.join(dir, 'old.c'), path.join(dir, 'new.c'), '--func', 'f', '--format', 'json'], ctx)
  t.equal(code, 0, `exit 0 (a missing cbmc shows here; run npm install): ${err.join('\n')}`)
  t.equal(ctx.exitCode, 0, 'the handler set the outcome')
  t.match(JSON.parse(out.join('')), { function: 'f', verdict: 'equivalent' })
})
