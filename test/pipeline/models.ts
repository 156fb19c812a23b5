/** Models of external functions: YAML files, validated; the built-in kernel models; --models overrides. */
import path from 'node:path'
import t from 'tap'
import { ConfigError } from '../../src/errors.js'
import { ARG_EXPR_HINT } from '../../src/extract/validate-expr.js'
import { loadModelDir, loadModels, ModelSchema } from '../../src/pipeline/models.js'
import { checkModelExprs, MODEL_EXPR_FIELDS } from '../../src/model/world.js'

const HINT = 'see templates/models/kernel.yaml for the format'

t.test('loadModelDir: every *.yaml and *.yml file, in name order; later files win', async t => {
  const dir = t.testdir({
    'b.yml': 'mine_alloc: {kind: alloc, size: arg1 * 2, zero: true}\nmine_free: {kind: free}\n',
    'a.yaml': 'mine_free: {kind: free, ptr: arg1}\nmine_lock: {kind: lock, lock: "&arg0->lock"}\n',
    'empty.yaml': '',
    'comments.yaml': '# nothing but a comment\n',
    'notes.txt': 'not: [a model',
    'sub.yaml': { 'inner.yaml': 'x: {kind: log}\n' },
    '0-link.yaml': t.fixture('symlink', 'a.yaml'),
  })
  const models = await loadModelDir(dir)
  t.same(Object.fromEntries(models), {
    mine_free: { kind: 'free' },
    mine_lock: { kind: 'lock', lock: '&arg0->lock' },
    mine_alloc: { kind: 'alloc', size: 'arg1 * 2', zero: true },
  }, 'b.yml (after a.yaml and 0-link.yaml, a symlink to it) overrides mine_free; other files and directories are ignored')
  t.same([...models.keys()], ['mine_free', 'mine_lock', 'mine_alloc'])
  t.same(await loadModelDir(t.testdir({})), new Map(), 'an empty directory: no models')
})

t.test('loadModelDir: every kind and field is accepted', async t => {
  const rows: [string, object][] = [
    ['{kind: alloc, size: arg0, zero: false}', { kind: 'alloc', size: 'arg0', zero: false }],
    ['{kind: free, ptr: arg0}', { kind: 'free', ptr: 'arg0' }],
    ['{kind: lock, lock: arg0}', { kind: 'lock', lock: 'arg0' }],
    ['{kind: unlock, lock: arg0}', { kind: 'unlock', lock: 'arg0' }],
    ['{kind: copy-in, to: arg0, size: arg2}', { kind: 'copy-in', to: 'arg0', size: 'arg2' }],
    ['{kind: copy-out, from: arg1, size: arg2}', { kind: 'copy-out', from: 'arg1', size: 'arg2' }],
    ['{kind: log}', { kind: 'log' }],
    ['{kind: warn, value: arg0}', { kind: 'warn', value: 'arg0' }],
    ['{kind: bug}', { kind: 'bug' }],
  ]
  for (const [yaml, want] of rows) {
    const dir = t.testdir({ 'm.yaml': `fn: ${yaml}\n` })
    t.same((await loadModelDir(dir)).get('fn'), want, yaml)
  }
})

t.test('loadModelDir: bad files are ConfigErrors naming the file', async t => {
  // [what, file text, message after `<file>: `]
  const rows: [string, string, string | RegExp][] = [
    ['not YAML', 'kmalloc: {kind: alloc\n', /^not valid YAML \(.+\)$/],
    ['an unknown kind', 'kmalloc: {kind: allocate}\n', /^kmalloc\.kind: Invalid enum value\. Expected 'alloc' \| 'free' \| .*received 'allocate'$/],
    ['a missing kind', 'kmalloc: {size: arg0}\n', 'kmalloc.kind: Required'],
    ['an unknown field', 'kmalloc: {kind: alloc, bytes: arg0}\n', "kmalloc: Unrecognized key(s) in object: 'bytes'"],
    ['an empty expression', 'kmalloc: {kind: alloc, size: ""}\n', 'kmalloc.size: String must contain at least 1 character(s)'],
    ['a number for an expression', 'kmalloc: {kind: alloc, size: 16}\n', 'kmalloc.size: Expected string, received number'],
    ['zero that is not a boolean', 'kzalloc: {kind: alloc, zero: yes}\n', 'kzalloc.zero: Expected boolean, received string'],
    ['a name that is not a C identifier', '"k-malloc": {kind: alloc}\n', 'k-malloc: must be a C function name'],
    ['a list instead of a mapping', '- kmalloc\n', '(top level): Expected object, received array'],
    ['an entry without a model', 'kmalloc:\n', 'kmalloc: Expected object, received null'],
  ]
  for (const [what, text, message] of rows) {
    const dir = t.testdir({ 'bad.yaml': text })
    const file = path.join(dir, 'bad.yaml')
    const err = await loadModelDir(dir).then(() => undefined, (e: unknown) => e)
    t.type(err, ConfigError, what)
    const e = err as ConfigError
    t.equal(e.hint, HINT, `${what}: hint`)
    t.equal(e.exitCode, 3, `${what}: exit code`)
    t.ok(e.message.startsWith(`${file}: `), `${what}: names the file`)
    if (typeof message === 'string') t.equal(e.message.slice(file.length + 2), message, `${what}: message`)
    else t.match(e.message.slice(file.length + 2), message, `${what}: message`)
  }
})

t.test('loadModelDir: a directory or file it cannot read', async t => {
  const dir = t.testdir({ 'file.yaml': 'x: {kind: log}\n' })
  for (const [what, target, code] of [['missing', path.join(dir, 'nope'), 'ENOENT'], ['a file', path.join(dir, 'file.yaml'), 'ENOTDIR']] as const) {
    await t.rejects(loadModelDir(target), {
      name: 'ConfigError',
      message: `cannot read models directory ${target}: ${code}`,
      hint: 'pass a directory of *.yaml model files to --models',
      cause: { code },
    }, what)
  }
  const broken = t.testdir({ 'a.yaml': 'x: {kind: log}\n', 'dangling.yaml': t.fixture('symlink', 'nowhere.yaml') })
  await t.rejects(loadModelDir(broken), {
    name: 'ConfigError',
    message: `cannot read model file ${path.join(broken, 'dangling.yaml')}: ENOENT`,
    hint: 'pass a directory of *.yaml model files to --models',
  }, 'a model file it cannot read is not called invalid YAML')
  // errors without an errno code (not what node:fs throws, but handled): the message is used
  const { loadModelDir: load } = await t.mockImport<typeof import('../../src/pipeline/models.js')>('../../src/pipeline/models.js', {
    'node:fs/promises': {
      readdir: async (d: string) => (d.endsWith('bad-file') ? [{ name: 'm.yaml', isDirectory: () => false }] : Promise.reject(new Error('boom'))),
      readFile: async () => { throw new Error('bang') },
    },
  })
  await t.rejects(load('/x/bad-dir'), { name: 'ConfigError', message: 'cannot read models directory /x/bad-dir: Error: boom' })
  await t.rejects(load('/x/bad-file'), { name: 'ConfigError', message: 'cannot read model file /x/bad-file/m.yaml: Error: bang' })
})

t.test('loadModels: the built-in kernel and libc models', async t => {
  const models = await loadModels()
  const rows: [string, object][] = [
    ['kmalloc', { kind: 'alloc', size: 'arg0' }],
    ['kzalloc', { kind: 'alloc', size: 'arg0', zero: true }],
    ['kcalloc', { kind: 'alloc', size: 'arg0 * arg1', zero: true }],
    ['kfree', { kind: 'free', ptr: 'arg0' }],
    ['spin_lock', { kind: 'lock', lock: 'arg0' }],
    ['mutex_unlock', { kind: 'unlock', lock: 'arg0' }],
    ['rcu_read_lock', { kind: 'log' }],
    // reference drops and completions: recorded with their object, contents not compared
    ['__brelse', { kind: 'log' }],
    ['iput', { kind: 'log' }],
    ['dput', { kind: 'log' }],
    ['complete', { kind: 'log' }],
    ['BUG_ON', { kind: 'bug', value: 'arg0' }],
    ['strncpy_from_user', { kind: 'copy-in', to: 'arg0', size: 'arg2' }],
    ['copy_from_user', { kind: 'copy-in', to: 'arg0', size: 'arg2' }],
    ['copy_to_user', { kind: 'copy-out', from: 'arg1', size: 'arg2' }],
    ['printk', { kind: 'log' }],
    ['WARN_ON', { kind: 'warn', value: 'arg0' }],
    ['BUG', { kind: 'bug' }],
    // user-space output (templates/models/libc.yaml): observable, like printk
    ['printf', { kind: 'output', from: 'arg0', format: true }],
    ['fprintf', { kind: 'output', from: 'arg1', format: true }],
    ['puts', { kind: 'output', from: 'arg0' }],
    ['putchar', { kind: 'output' }],
  ]
  for (const [name, want] of rows) t.same(models.get(name), want, name)
  t.equal(models.get('req_check'), undefined, 'functions without a model have none')
  const kinds = new Set([...models.values()].map(m => m.kind))
  t.same([...kinds].sort(), [...ModelSchema.shape.kind.options].sort(), 'every kind has at least one built-in model')
})

t.test('loadModels: the user directory adds and overrides models', async t => {
  const dir = t.testdir({ 'site.yaml': 'kmalloc: {kind: alloc, size: arg0, zero: true}\nmy_get: {kind: lock, lock: arg1}\n' })
  const builtin = await loadModels()
  const models = await loadModels(dir)
  t.same(models.get('kmalloc'), { kind: 'alloc', size: 'arg0', zero: true }, 'overridden')
  t.same(models.get('my_get'), { kind: 'lock', lock: 'arg1' }, 'added')
  t.same(models.get('kfree'), builtin.get('kfree'), 'the rest is built in')
  t.equal(models.size, builtin.size + 1)
  await t.rejects(loadModels(path.join(dir, 'missing')), { name: 'ConfigError', message: /^cannot read models directory / }, 'a bad user directory is an error')
})

t.test('loadModelDir: every expression field goes through the expression validator (file, model, field and text named)', async t => {
  // [field, model text (YAML), message after `<file>: `]: each a way to get code into the stub
  const rows: [string, string, string][] = [
    ['size', 'fill: {kind: alloc, size: "n); __CPROVER_assume(0); (n"}',
      "model fill: size 'n); __CPROVER_assume(0); (n' is not a single C expression ('); __CPROVER_assume(0); (n' follows 'n')"],
    ['size', 'fill: {kind: copy-in, size: "({ system(0); 4; })"}',
      "model fill: size '({ system(0); 4; })' contains a statement expression ('({ … })'); model expressions are side-effect free C expressions"],
    ['ptr', 'fill: {kind: free, ptr: "arg0 /* ) ; __CPROVER_assume(0) ; ( */"}',
      "model fill: ptr 'arg0 /* ) ; __CPROVER_assume(0) ; ( */' contains a comment ('/*'); comments are not allowed in model expressions"],
    ['lock', 'fill: {kind: lock, lock: "&klp_rcu_lock"}',
      "model fill: lock '&klp_rcu_lock' uses 'klp_rcu_lock', which is not an argument (write arg0, arg1, … for the call's arguments)"],
    ['to', 'fill: {kind: copy-in, to: "system(0)"}',
      'model fill: to \'system(0)\' calls a function (system); model expressions are side-effect free C expressions'],
    ['from', 'fill: {kind: copy-out, from: "klp_cur = 1"}',
      "model fill: from 'klp_cur = 1' assigns (klp_cur = 1); model expressions are side-effect free C expressions (did you mean '=='?)"],
    ['value', 'fill: {kind: warn, value: "arg0++"}',
      'model fill: value \'arg0++\' assigns (arg0++); model expressions are side-effect free C expressions'],
    ['value', 'fill: {kind: bug, value: "arg0 // )"}',
      "model fill: value 'arg0 // )' contains a comment ('//'); comments are not allowed in model expressions"],
    ['value', 'fill: {kind: bug, value: "arg0\\n#include \\"/etc/passwd\\"\\n"}',
      "model fill: value 'arg0 #include \"/etc/passwd\"' contains '#'; preprocessor directives and operators are not allowed in model expressions"],
    ['value', 'fill: {kind: warn, value: "0, 1"}',
      'model fill: value \'0, 1\' uses the comma operator; model expressions are single C expressions'],
  ]
  for (const [field, yaml, message] of rows) {
    const dir = t.testdir({ 'evil.yaml': `ok: {kind: log}\n${yaml}\n` })
    const file = path.join(dir, 'evil.yaml')
    await t.rejects(loadModelDir(dir), { name: 'ConfigError', message: `${file}: ${message}`, hint: ARG_EXPR_HINT, exitCode: 3 }, `${field}: ${yaml}`)
  }
  t.same(MODEL_EXPR_FIELDS, ['size', 'ptr', 'lock', 'to', 'from', 'value'], 'the expression fields of the schema')
  t.same(Object.keys(ModelSchema.shape).filter(k => k !== 'kind' && k !== 'zero' && k !== 'format').sort(), [...MODEL_EXPR_FIELDS].sort(), 'every string field but kind is an expression, and checked (zero and format are booleans)')
})

t.test('checkModelExprs: against the callee\'s arity, naming the file the model came from', async t => {
  const dir = t.testdir({ 'site.yaml': 'two: {kind: copy-in, to: arg0, size: arg2}\n' })
  const models = await loadModelDir(dir)
  const two = models.get('two')!
  t.doesNotThrow(() => checkModelExprs('two', two, undefined, { arity: 3 }), 'within the arity')
  t.throws(() => checkModelExprs('two', two, undefined, { arity: 2 }), {
    name: 'ConfigError',
    message: `${path.join(dir, 'site.yaml')}: model two: size 'arg2' uses 'arg2', which is not an argument of two() (it takes arg0..arg1)`,
    hint: ARG_EXPR_HINT,
  })
  t.throws(() => checkModelExprs('x', { kind: 'free', ptr: 'arg1' }, undefined, { arity: 1 }), {
    message: "model x: ptr 'arg1' uses 'arg1', which is not an argument of x() (it takes arg0)",
  }, 'a model built in code: no file to name')
})

t.test('the built-in models pass the validator, each within the arity its expressions need', async t => {
  const models = await loadModels()
  t.ok(models.size > 40)
  for (const [name, m] of models) {
    const used = MODEL_EXPR_FIELDS.flatMap(f => [...(m[f] ?? '').matchAll(/arg(\d+)/g)].map(x => Number(x[1])))
    t.doesNotThrow(() => checkModelExprs(name, m, undefined, { arity: used.length ? Math.max(...used) + 1 : 0 }), name)
  }
})
