import t from 'tap'
import {
  buildCbmcArgs,
  buildListFunctionsArgs,
  buildShowLoopsArgs,
  buildShowPropertiesArgs,
  checkCbmcArgs,
  refusedCbmcArgs,
  renderCommand,
  type CbmcArgOptions,
} from '../../src/cbmc/args.js'
import { UsageError } from '../../src/errors.js'

const base: CbmcArgOptions = { files: ['harness.c', 'old.c'], entry: 'klp_harness', unwind: 17, checks: 'all' }
const ALWAYS = ['--unwinding-assertions', '--no-malloc-may-fail', '--function', 'klp_harness', '--unwind', '17']

t.test('buildCbmcArgs', async t => {
  const rows: [string, Partial<CbmcArgOptions>, string[]][] = [
    ['defaults', {}, [...ALWAYS, '--slice-formula', '--json-ui', 'harness.c', 'old.c']],
    [
      "checks 'none' disables standard checks but keeps unwinding assertions",
      { checks: 'none' },
      ['--no-standard-checks', ...ALWAYS, '--slice-formula', '--json-ui', 'harness.c', 'old.c'],
    ],
    [
      'fwrapv drops the signed overflow check',
      { fwrapv: true },
      [...ALWAYS.slice(0, 2), '--no-signed-overflow-check', ...ALWAYS.slice(2), '--slice-formula', '--json-ui', 'harness.c', 'old.c'],
    ],
    ['fwrapv false adds nothing', { fwrapv: false }, [...ALWAYS, '--slice-formula', '--json-ui', 'harness.c', 'old.c']],
    [
      'unwindset rendered as one flag after --unwind',
      { unwindset: [{ loop: 'klp_harness.0', bound: 3 }, { loop: 'fact', bound: 6 }] },
      [...ALWAYS, '--unwindset', 'klp_harness.0:3,fact:6', '--slice-formula', '--json-ui', 'harness.c', 'old.c'],
    ],
    ['empty unwindset adds nothing', { unwindset: [] }, [...ALWAYS, '--slice-formula', '--json-ui', 'harness.c', 'old.c']],
    [
      'each property is its own flag',
      { properties: ['klp_harness.assertion.1', 'klp_harness.assertion.2'] },
      [
        ...ALWAYS,
        '--property', 'klp_harness.assertion.1',
        '--property', 'klp_harness.assertion.2',
        '--slice-formula', '--json-ui', 'harness.c', 'old.c',
      ],
    ],
    [
      'external solver',
      { solver: '/opt/bin/cadical' },
      [...ALWAYS, '--external-sat-solver', '/opt/bin/cadical', '--slice-formula', '--json-ui', 'harness.c', 'old.c'],
    ],
    ['SMT wins over the SAT solver', { smt: 'z3', solver: '/opt/bin/cadical' }, [...ALWAYS, '--z3', '--slice-formula', '--json-ui', 'harness.c', 'old.c']],
    ['sliceFormula false', { sliceFormula: false }, [...ALWAYS, '--json-ui', 'harness.c', 'old.c']],
    [
      'defines and includes',
      { defines: ['KLP_CLAIM=1', 'X'], includes: ['include', '/usr/src/linux/include'] },
      [
        ...ALWAYS, '--slice-formula',
        '-D', 'KLP_CLAIM=1', '-D', 'X', '-I', 'include', '-I', '/usr/src/linux/include',
        '--json-ui', 'harness.c', 'old.c',
      ],
    ],
    [
      'user passthrough goes before the files',
      { extra: ['--object-bits', '12'] },
      [...ALWAYS, '--slice-formula', '--object-bits', '12', '--json-ui', 'harness.c', 'old.c'],
    ],
    [
      'harmless passthrough: solver, verbosity, more checks',
      { extra: ['--sat-solver', 'minisat2', '--verbosity', '9', '--unsigned-overflow-check'] },
      [...ALWAYS, '--slice-formula', '--sat-solver', 'minisat2', '--verbosity', '9', '--unsigned-overflow-check', '--json-ui', 'harness.c', 'old.c'],
    ],
    ['unwind 0 is a valid bound', { unwind: 0 }, [...ALWAYS.slice(0, 5), '0', '--slice-formula', '--json-ui', 'harness.c', 'old.c']],
  ]
  for (const [name, over, want] of rows) t.same(buildCbmcArgs({ ...base, ...over }), want, name)
})

t.test('buildCbmcArgs rejects bad bounds and names', async t => {
  const rows: [string, Partial<CbmcArgOptions>, RegExp][] = [
    ['negative unwind', { unwind: -1 }, /unwind must be a non-negative integer, got -1/],
    ['fractional unwind', { unwind: 1.5 }, /got 1.5/],
    ['NaN unwind', { unwind: NaN }, /got NaN/],
    ['bad unwindset bound', { unwindset: [{ loop: 'f.0', bound: -2 }] }, /unwind bound of f.0 must be a non-negative integer/],
    ['loop id with a colon', { unwindset: [{ loop: 'f:0', bound: 2 }] }, /invalid loop id 'f:0'/],
    ['loop id with a comma', { unwindset: [{ loop: 'f.0,g.0', bound: 2 }] }, /invalid loop id/],
    ['empty loop id', { unwindset: [{ loop: '', bound: 2 }] }, /invalid loop id ''/],
    ['empty entry', { entry: '' }, /empty harness function name/],
    ['a passthrough that drops properties', { extra: ['--no-assertions'] }, /--cbmc-arg refused: "--no-assertions"/],
    ['a UI flag of the user', { extra: ['--xml-ui'] }, /--cbmc-arg refused: "--xml-ui"/],
  ]
  for (const [name, over, message] of rows) {
    t.throws(() => buildCbmcArgs({ ...base, ...over }), message, name)
    t.throws(() => buildCbmcArgs({ ...base, ...over }), UsageError, `${name} is a UsageError`)
  }
})

t.test('refusedCbmcArgs: only options that cannot drop, narrow or change a property pass', async t => {
  const rows: [string, string[], string[]][] = [
    ['nothing', [], []],
    ['solver choice', ['--sat-solver', 'cadical', '--external-sat-solver', '/opt/kissat', '--z3', '--no-sat-preprocessor', '--refine'], []],
    ['encoding and slicing', ['--object-bits', '12', '--slice-formula', '--arrays-uf-always', '--max-node-refinement', '5'], []],
    ['verbosity 4..10', ['--verbosity', '4', '--verbosity', '10'], []],
    ['checks that only add properties', ['--unsigned-overflow-check', '--conversion-check', '--memory-leak-check', '--unwinding-assertions'], []],
    ['--no-assertions', ['--no-assertions'], ['--no-assertions']],
    ['--property and its value', ['--property', 'klp_harness.assertion.1'], ['--property', 'klp_harness.assertion.1']],
    ['--cover', ['--cover', 'location'], ['--cover', 'location']],
    ['unwinding', ['--no-unwinding-assertions', '--partial-loops', '--unwind', '3', '--unwindset', 'f.0:1', '--depth', '9'], ['--no-unwinding-assertions', '--partial-loops', '--unwind', '3', '--unwindset', 'f.0:1', '--depth', '9']],
    ['disabled checks', ['--no-bounds-check', '--no-standard-checks', '--no-built-in-assertions', '--no-assumptions', '--assert-to-assume'], ['--no-bounds-check', '--no-standard-checks', '--no-built-in-assertions', '--no-assumptions', '--assert-to-assume']],
    ['entry, shows, UI, paths', ['--function', 'main', '--show-properties', '--xml-ui', '--json-ui', '--paths', 'lifo', '--stop-on-fail'], ['--function', 'main', '--show-properties', '--xml-ui', '--json-ui', '--paths', 'lifo', '--stop-on-fail']],
    ['an extra file', ['evil.c'], ['evil.c']],
    ['semantics changes', ['--malloc-may-fail', '--drop-unused-functions', '--nondet-static', '--16', '--unsigned-char'], ['--malloc-may-fail', '--drop-unused-functions', '--nondet-static', '--16', '--unsigned-char']],
    ['verbosity below 4 drops the final status', ['--verbosity', '2'], ['--verbosity 2']],
    ['verbosity without a value', ['--verbosity'], ['--verbosity (no valid value)']],
    ['a valued option followed by a flag', ['--object-bits', '--z3'], ['--object-bits (no valid value)']],
    ['object bits out of range', ['--object-bits', '0', '--object-bits', 'x'], ['--object-bits 0', '--object-bits x']],
    ['one space-separated item is not two', ['--object-bits 12'], ['--object-bits 12']],
    ['a prototype key is no option', ['__proto__', 'constructor'], ['__proto__', 'constructor']],
  ]
  for (const [name, args, want] of rows) t.same(refusedCbmcArgs(args), want, name)
})

t.test('checkCbmcArgs names every refused argument on one line, with a hint', async t => {
  t.same(checkCbmcArgs(['--object-bits', '12']), ['--object-bits', '12'])
  const err = t.throws(() => checkCbmcArgs(['--z3', '--no-assertions', '--property', 'x', '--cover', 'location'])) as UsageError
  t.type(err, UsageError)
  t.equal(err.exitCode, 3)
  t.equal(err.message, '--cbmc-arg refused: "--no-assertions", "--property", "x", "--cover", "location" (it could drop, narrow or change the properties klp-verify checks)')
  t.notMatch(err.message, /\n/)
  t.match(err.hint, /--object-bits N/)
})

t.test('buildListFunctionsArgs', async t => {
  t.same(buildListFunctionsArgs(['h.c', 'old.c'], 'klp_harness'), [
    '--function', 'klp_harness', '--list-goto-functions', '--json-ui', 'h.c', 'old.c',
  ])
  t.same(buildListFunctionsArgs(['h.c'], 'klp_harness', ['A=1'], ['inc']), [
    '--function', 'klp_harness', '-D', 'A=1', '-I', 'inc', '--list-goto-functions', '--json-ui', 'h.c',
  ])
  t.throws(() => buildListFunctionsArgs(['h.c'], ''), UsageError)
})

t.test('buildShowPropertiesArgs keeps the check flags that decide property numbering', async t => {
  const opts: CbmcArgOptions = {
    ...base,
    checks: 'none',
    fwrapv: true,
    properties: ['klp_harness.assertion.1'],
    solver: '/opt/bin/cadical',
    defines: ['X'],
    extra: ['--unsigned-overflow-check'],
  }
  t.same(buildShowPropertiesArgs(opts), [
    '--no-standard-checks', '--unwinding-assertions', '--no-malloc-may-fail', '--no-signed-overflow-check',
    '--function', 'klp_harness', '--unwind', '17',
    '-D', 'X', '--unsigned-overflow-check', '--json-ui', '--show-properties', 'harness.c', 'old.c',
  ])
  t.same(buildShowPropertiesArgs(base), [...ALWAYS, '--json-ui', '--show-properties', 'harness.c', 'old.c'])
})

t.test('buildShowLoopsArgs: the program as the runs see it, then --show-loops', async t => {
  t.same(buildShowLoopsArgs({ ...base, solver: '/opt/bin/cadical', properties: ['p.1'] }), [...ALWAYS, '--json-ui', '--show-loops', 'harness.c', 'old.c'])
})

t.test('renderCommand quotes for a POSIX shell', async t => {
  const rows: [string, string[], string][] = [
    ['cbmc', ['--unwind', '5', 'a.c'], 'cbmc --unwind 5 a.c'],
    ['/opt/cbmc 6/bin/cbmc', ['x.c'], "'/opt/cbmc 6/bin/cbmc' x.c"],
    ['cbmc', ['-D', 'NAME="a b"'], `cbmc -D 'NAME="a b"'`],
    ['cbmc', ['-D', "it's"], `cbmc -D 'it'\\''s'`],
    ['cbmc', ['--unwindset', 'f.0:3,g:2'], 'cbmc --unwindset f.0:3,g:2'],
    ['cbmc', [''], "cbmc ''"],
    ['cbmc', ['$HOME', 'a;b', 'x*'], "cbmc '$HOME' 'a;b' 'x*'"],
  ]
  for (const [cbmc, argv, want] of rows) t.equal(renderCommand(cbmc, argv), want, want)
})
