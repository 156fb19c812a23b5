import t from 'tap'
import path from 'node:path'
import { z } from 'zod'
import { ConfigError } from '../../src/errors.js'
import { formatZodIssues, loadSpec, loadSpecs, parseSpec, splitYamlDocuments } from '../../src/config/load.js'

const SPEC_HINT = 'see "Spec files" in the README for the allowed keys'
const YAML_HINT = 'check the indentation and quoting of the spec file'

t.test('loads a valid spec file', async t => {
  const dir = t.testdir({
    'spec.yaml': [
      '# comment',
      'function: msg_fill',
      'buffers: {buf: len}',
      'max-size: 12',
      'include: [inc, /abs/inc]',
      'intended:',
      '  - id: reject-long-payload',
      '    when: "len > MSG_PAYLOAD"',
      '    then: "ret == -EINVAL"',
      '    differs: [return]',
    ].join('\n'),
  })
  t.same(await loadSpec(path.join(dir, 'spec.yaml')), {
    function: 'msg_fill',
    assume: [],
    buffers: { buf: 'len' },
    nullable: [],
    'max-size': 12,
    include: ['inc', '/abs/inc'],
    intended: [{ id: 'reject-long-payload', when: 'len > MSG_PAYLOAD', then: 'ret == -EINVAL', differs: ['return'] }],
    held: [],
    externals: {},
  })
})

t.test('loads the worked example spec', async t => {
  const spec = await loadSpec('harnesses/refactor-equivalent/spec.yaml')
  t.match(spec, { function: 'pkt_csum', buffers: { data: 'len' }, 'max-size': 8, fwrapv: true, expect: { verdict: 'equivalent' } })
})

t.test('an empty file (or only comments) is an empty spec', async t => {
  for (const text of ['', '# nothing here\n', '---\n']) {
    t.same(parseSpec(text, 's.yaml'), { assume: [], buffers: {}, nullable: [], intended: [], held: [], externals: {} }, JSON.stringify(text))
  }
})

// One row per kind of invalid spec: YAML text → the whole message.
const invalid: [string, string, string, string][] = [
  ['unknown key', 'function: f\nfuntcion: g\n', "s.yaml: (top level): Unrecognized key(s) in object: 'funtcion'", SPEC_HINT],
  ['wrong type', 'max-size: "12"\n', 's.yaml: max-size: Expected number, received string', SPEC_HINT],
  ['bad observable in differs', 'intended:\n  - when: len > 8\n    differs: [return, retval]\n',
    "s.yaml: intended.0.differs.1: Invalid enum value. Expected 'return' | 'memory' | 'globals' | 'calls' | 'safety', received 'retval'", SPEC_HINT],
  ['several problems, all listed', 'function: 1\nunwind: 0\n', 's.yaml: function: Expected string, received number; unwind: must be at least 1', SPEC_HINT],
  ['a list instead of a mapping', '- function: f\n', 's.yaml: (top level): Expected object, received array', SPEC_HINT],
  ['bad YAML: line number', 'function: f\nbuffers: {buf: len\nmax-size: 3\n', '', YAML_HINT],
  ['bad YAML: tab indentation', 'intended:\n\t- when: x\n', '', YAML_HINT],
  ['two documents', 'function: f\n---\nfunction: g\n', '', YAML_HINT],
  ['an alias without its anchor (no line known)', 'function: *name\n', 's.yaml: not valid YAML (Unresolved alias (the anchor must be set before the alias): name)', YAML_HINT],
]

t.test('invalid specs give one ConfigError with path: message', async t => {
  for (const [name, text, message, hint] of invalid) {
    const err = t.throws(() => parseSpec(text, 's.yaml'), ConfigError, name) as ConfigError
    if (message) t.equal(err.message, message, `${name}: message`)
    t.equal(err.hint, hint, `${name}: hint`)
    t.equal(err.exitCode, 3, `${name}: exit 3`)
    t.notMatch(err.message, /\n/, `${name}: one line`)
  }
})

t.test('YAML errors name the line', async t => {
  const rows: [string, RegExp][] = [
    ['function: f\nbuffers: {buf: len\nmax-size: 3\n', /^s\.yaml:[23]: not valid YAML \(.+\)$/],
    ['intended:\n\t- when: x\n', /^s\.yaml:2: not valid YAML \(.*[Tt]ab.*\)$/],
    ['function: f\n---\nfunction: g\n', /^s\.yaml:2: not valid YAML \(Source contains multiple documents.*\)$/],
  ]
  for (const [text, re] of rows) {
    const err = t.throws(() => parseSpec(text, 's.yaml')) as ConfigError
    t.match(err.message, re)
    t.notMatch(err.message, /:\)$/, 'no dangling colon from the YAML library')
    t.ok(err.cause, 'the YAML error is kept as the cause')
  }
})

t.test('missing or unreadable spec file', async t => {
  const dir = t.testdir({ sub: {} })
  const missing = path.join(dir, 'nope.yaml')
  await t.rejects(loadSpec(missing), { name: 'ConfigError', message: `cannot read spec file ${missing}: ENOENT`, hint: 'check the path given to --spec', exitCode: 3 })
  await t.rejects(loadSpec(path.join(dir, 'sub')), { message: `cannot read spec file ${path.join(dir, 'sub')}: EISDIR` })
})

t.test('a read error without a code shows its message', async t => {
  const { loadSpec: load } = await t.mockImport<typeof import('../../src/config/load.js')>('../../src/config/load.js', {
    'node:fs/promises': { ...(await import('node:fs/promises')), readFile: async () => { throw new Error('weird failure') } },
  })
  await t.rejects(load('x.yaml'), { message: 'cannot read spec file x.yaml: weird failure' })
})

t.test('formatZodIssues', async t => {
  const r = z.object({ a: z.object({ b: z.array(z.number()) }) }).strict().safeParse({ a: { b: [1, 'x'] }, c: 1 })
  t.notOk(r.success)
  if (!r.success) {
    t.equal(formatZodIssues(r.error), "a.b.1: Expected number, received string; (top level): Unrecognized key(s) in object: 'c'")
  }
})

t.test('several specs in one file (one per function, YAML documents)', async t => {
  const dir = t.testdir({
    'two.yaml': '# patch 0004\nfunction: a\nmax-size: 4\n---\n# the other one\nfunction: b\nbuffers: {p: n}\n',
    'one.yaml': 'function: a\n',
    'bad.yaml': 'function: a\n---\nfunction: 1x\n',
  })
  const two = await loadSpecs(`${dir}/two.yaml`)
  t.same(two.map(s => [s.function, s['max-size'], s.buffers]), [['a', 4, {}], ['b', undefined, { p: 'n' }]])
  t.same((await loadSpecs(`${dir}/one.yaml`)).map(s => s.function), ['a'])
  await t.rejects(loadSpecs(`${dir}/bad.yaml`), { message: /bad\.yaml: function: must be a C identifier/ })
  await t.rejects(loadSpecs(`${dir}/none.yaml`), { message: /cannot read spec file .*none\.yaml: ENOENT/ })
  t.same(splitYamlDocuments('a: 1\n---\n# only a comment\n'), ['a: 1\n'], 'empty documents are dropped')
})

t.test('a spec\'s relative include dirs are relative to the spec file', async t => {
  const { includesRelativeTo } = await import('../../src/config/load.js')
  const spec = parseSpec('include: [inc, /abs/inc]\n', 's.yaml')
  t.same(includesRelativeTo(spec, '/w/specs/s.yaml').include, ['/w/specs/inc', '/abs/inc'])
  const none = parseSpec('max-size: 4\n', 's.yaml')
  t.equal(includesRelativeTo(none, '/w/s.yaml'), none, 'no include: the spec as it is')
})

t.test('data files: flags, defines and include folders are checked together, one error for all', async t => {
  const { checkDataFiles, DATA_FLAGS_HINT } = await import('../../src/config/load.js')
  const { symlinkSync } = await import('node:fs')
  const dir = t.testdir({ tree: { inc: {}, sub: { 'spec.yaml': '' } }, other: { inc: {} } })
  const tree = path.join(dir, 'tree')
  symlinkSync(path.join(dir, 'other'), path.join(tree, 'link'))
  const spec = path.join(tree, 'sub', 'spec.yaml')
  const roots = { roots: [path.join(tree, 'sub'), tree], rootsText: 'the tree' }
  // all fine: allowed flags, folders inside (also ones that do not exist yet, and links that stay inside)
  await checkDataFiles([{ file: spec, cflags: ['-DX -fwrapv', `-I${tree}/inc`], define: ['A=1'], include: [path.join(tree, 'inc'), path.join(tree, 'sub', 'missing', 'deeper')], ...roots }])
  await checkDataFiles([{ file: spec, ...roots }])
  await t.rejects(checkDataFiles([
    { file: spec, cflags: '-fplugin=evil.so -include /etc/passwd', define: ['B=1\n#x'], include: [path.join(tree, 'link', 'inc'), '/etc'], ...roots },
    { file: 'm.yaml', cflags: [`-I ${path.join(tree, '..', 'other')}`], roots: [tree], rootsText: "the manifest's folder" },
    { file: 'fine.yaml', cflags: ['-O2'], roots: [tree], rootsText: 'x' },
  ]), {
    name: 'ConfigError',
    message: `compiler flags refused in data files: ${spec}: -fplugin=evil.so (not a -f flag known to be safe), -include /etc/passwd (not allowed in a data file), ` +
      `define "B=1\\n#x" (the value spans lines), include ${path.join(tree, 'link', 'inc')} (outside the tree), include /etc (outside the tree); ` +
      `m.yaml: -I${path.join(tree, '..', 'other')} (outside the manifest's folder)`,
    hint: DATA_FLAGS_HINT,
  })
  // a relative -I in cflags is resolved as gcc resolves it: against the working directory
  await t.rejects(checkDataFiles([{ file: 's', cflags: '-I..', roots: [process.cwd()], rootsText: 'the tree' }]), { message: /s: -I\.\. \(outside the tree\)/ })
  await checkDataFiles([{ file: 's', cflags: '-Isrc', roots: [process.cwd()], rootsText: 'the tree' }])
})

t.test('realPathOf resolves links as the kernel does, and keeps a missing tail as written', async t => {
  const { realPathOf } = await import('../../src/config/load.js')
  const { realpathSync, symlinkSync } = await import('node:fs')
  const dir = realpathSync(t.testdir({ a: { b: { c: {} } }, x: {} }))
  symlinkSync(path.join(dir, 'a', 'b', 'c'), path.join(dir, 'x', 'deep'))
  t.equal(await realPathOf(path.join(dir, 'x', 'deep')), path.join(dir, 'a', 'b', 'c'))
  t.equal(await realPathOf(`${dir}/x/deep/..`), path.join(dir, 'a', 'b'), 'link/.. is the parent of the target, not of the link')
  t.equal(await realPathOf(path.join(dir, 'x', 'deep', 'no', 'such')), path.join(dir, 'a', 'b', 'c', 'no', 'such'))
  t.equal(await realPathOf('/no-such-dir-klp/x'), '/no-such-dir-klp/x')
})

t.test('a single proof\'s spec: include folders inside the spec\'s folder or the C files\' folders', async t => {
  const { loadProofSpec } = await import('../../src/config/load.js')
  const dir = t.testdir({
    src: { 'old.c': '', 'new.c': '', inc: {} },
    specs: { 'ok.yaml': 'include: [here, ../src/inc]\ncflags: [-DX, -Wall]\n', 'bad.yaml': 'include: [../../x]\ncflags: -iquote /\n' },
  })
  const c = [path.join(dir, 'src', 'old.c'), path.join(dir, 'src', 'new.c')]
  t.same((await loadProofSpec(path.join(dir, 'specs', 'ok.yaml'), c)).include, [path.join(dir, 'specs', 'here'), path.join(dir, 'src', 'inc')])
  await t.rejects(loadProofSpec(path.join(dir, 'specs', 'bad.yaml'), c), {
    name: 'ConfigError',
    message: /bad\.yaml: -iquote \/ \(not allowed in a data file\), include .*\/x \(outside the spec's folder and the C files' folders\)$/,
  })
})
