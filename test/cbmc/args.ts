import t from 'tap'
import {
  buildCbmcArgs,
  buildListFunctionsArgs,
  buildShowPropertiesArgs,
  hasUiFlag,
  renderCommand,
  resolveUnwind,
  type CbmcArgOptions,
  type Unwind,
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
    ['user --xml-ui suppresses --json-ui', { extra: ['--xml-ui'] }, [...ALWAYS, '--slice-formula', '--xml-ui', 'harness.c', 'old.c']],
    ['user --json-ui is not doubled', { extra: ['--json-ui'] }, [...ALWAYS, '--slice-formula', '--json-ui', 'harness.c', 'old.c']],
    [
      'user --json-interface suppresses --json-ui',
      { extra: ['--json-interface'] },
      [...ALWAYS, '--slice-formula', '--json-interface', 'harness.c', 'old.c'],
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
  ]
  for (const [name, over, message] of rows) {
    t.throws(() => buildCbmcArgs({ ...base, ...over }), message, name)
    t.throws(() => buildCbmcArgs({ ...base, ...over }), UsageError, `${name} is a UsageError`)
  }
})

t.test('hasUiFlag', async t => {
  const rows: [string[], boolean][] = [
    [[], false],
    [['--xml-ui'], true],
    [['--json-ui'], true],
    [['--json-interface'], true],
    [['--trace', '--object-bits', '12'], false],
    [['--json-uix'], false],
  ]
  for (const [args, want] of rows) t.equal(hasUiFlag(args), want, args.join(' '))
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
    extra: ['--xml-ui', '--unsigned-overflow-check'],
  }
  t.same(buildShowPropertiesArgs(opts), [
    '--no-standard-checks', '--unwinding-assertions', '--no-malloc-may-fail', '--no-signed-overflow-check',
    '--function', 'klp_harness', '--unwind', '17',
    '-D', 'X', '--unsigned-overflow-check', '--json-ui', '--show-properties', 'harness.c', 'old.c',
  ])
  t.same(buildShowPropertiesArgs(base), [...ALWAYS, '--json-ui', '--show-properties', 'harness.c', 'old.c'])
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

t.test('resolveUnwind: CLI > spec > default', async t => {
  const rows: [{ cli?: Unwind; spec?: Unwind; dflt: Unwind }, Unwind][] = [
    [{ dflt: 'auto' }, 'auto'],
    [{ dflt: 8 }, 8],
    [{ spec: 3, dflt: 8 }, 3],
    [{ spec: 'auto', dflt: 8 }, 'auto'],
    [{ cli: 1, spec: 3, dflt: 8 }, 1],
    [{ cli: 1, dflt: 'auto' }, 1],
    [{ cli: 'auto', spec: 3, dflt: 8 }, 'auto'],
    [{ cli: 0, spec: 3, dflt: 8 }, 0],
    [{ cli: undefined, spec: undefined, dflt: 2 }, 2],
  ]
  for (const [src, want] of rows) t.equal(resolveUnwind(src), want, JSON.stringify(src))
})
