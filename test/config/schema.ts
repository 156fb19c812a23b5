import t from 'tap'
import { ClaimSchema, SpecSchema } from '../../src/config/schema.js'
import { OBSERVABLES } from '../../src/model/types.js'

t.test('an empty spec gets the defaults', async t => {
  t.same(SpecSchema.parse({}), { assume: [], buffers: {}, nullable: [], intended: [], held: [], externals: {} })
})

t.test('a full spec is kept, string lists become arrays', async t => {
  const spec = SpecSchema.parse({
    function: 'msg_fill',
    assume: ['len < 100'],
    buffers: { buf: 'len' },
    nullable: ['m'],
    unwind: 'auto',
    'max-unwind': 16,
    'max-size': 12,
    timeout: 60,
    fwrapv: true,
    'init-globals': false,
    cflags: '-DX -fwrapv',
    include: 'inc',
    define: ['A=1', 'B'],
    intended: [{ id: 'reject-long', when: 'len > 8', then: 'ret == -22', differs: ['return'] }, { when: 'len == 0' }],
    held: [],
    externals: {},
    expect: { verdict: 'as-claimed', anything: [1, 2] },
  })
  t.same(spec, {
    function: 'msg_fill',
    assume: ['len < 100'],
    buffers: { buf: 'len' },
    nullable: ['m'],
    unwind: 'auto',
    'max-unwind': 16,
    'max-size': 12,
    timeout: 60,
    fwrapv: true,
    'init-globals': false,
    cflags: ['-DX -fwrapv'],
    include: ['inc'],
    define: ['A=1', 'B'],
    intended: [{ id: 'reject-long', when: 'len > 8', then: 'ret == -22', differs: ['return'] }, { when: 'len == 0' }],
    held: [],
    externals: {},
    expect: { verdict: 'as-claimed', anything: [1, 2] },
  })
  t.same(SpecSchema.parse({ unwind: 3 }).unwind, 3, 'a numeric unwind')
})

t.test('expressions: written as C is written (macros and @f(k) still to expand), writes sizes over the arguments', async t => {
  const spec = SpecSchema.parse({
    assume: ['len <= LIMIT', 'MIN(a, b) > 0'],
    intended: [{ when: '@req_check(1) != 0 => x', then: 'ret == -EINVAL' }],
    held: ['&o->lock'],
    externals: { fill: { writes: [{ arg: 0, size: 'arg1 * sizeof(struct blob)' }, { arg: 1, size: 4 }] }, one: { writes: { arg: 2, size: '(unsigned long)arg0' } }, none: {} },
  })
  t.same(spec.externals.one!.writes, [{ arg: 2, size: '(unsigned long)arg0' }], 'one out-parameter: a list of one')
  t.same(spec.externals.none, {})
  t.same(spec.externals.fill!.writes, [{ arg: 0, size: 'arg1 * sizeof(struct blob)' }, { arg: 1, size: '4' }])
  t.same(spec.assume, ['len <= LIMIT', 'MIN(a, b) > 0'])
})

t.test('every observable is allowed in differs', async t => {
  t.same(ClaimSchema.parse({ when: '1', differs: [...OBSERVABLES] }).differs, [...OBSERVABLES])
})

// One row per rule: the spec and the issue path + message it must produce.
const invalid: [string, unknown, string, RegExp][] = [
  ['unknown top-level key', { funtion: 'f' }, '', /Unrecognized key\(s\) in object: 'funtion'/],
  ['unknown claim key', { intended: [{ when: 'x', than: 'y' }] }, 'intended.0', /Unrecognized key\(s\) in object: 'than'/],
  ['function not a string', { function: 3 }, 'function', /Expected string, received number/],
  ['function not an identifier', { function: 'a b' }, 'function', /must be a C identifier/],
  ['assume not a list', { assume: 'x > 0' }, 'assume', /Expected array, received string/],
  ['empty expression', { assume: [''] }, 'assume.0', /must be a non-empty C expression/],
  ['buffer key not an identifier', { buffers: { '1buf': 'len' } }, 'buffers.1buf', /must be a C identifier/],
  ['buffer length empty', { buffers: { buf: '' } }, 'buffers.buf', /non-empty C expression/],
  ['unwind 0', { unwind: 0 }, 'unwind', /must be at least 1/],
  ['unwind word', { unwind: 'deep' }, 'unwind', /^must be a whole number >= 1 or 'auto'$/],
  ['unwind fraction', { unwind: 1.5 }, 'unwind', /integer/],
  ['max-unwind 0', { 'max-unwind': 0 }, 'max-unwind', /greater than or equal to 1/],
  ['max-size too big', { 'max-size': 4097 }, 'max-size', /less than or equal to 4096/],
  ['max-size negative', { 'max-size': -1 }, 'max-size', /greater than or equal to 0/],
  ['timeout 0', { timeout: 0 }, 'timeout', /greater than 0/],
  ['timeout past the timer limit', { timeout: 2147484 }, 'timeout', /less than or equal to 2147483/],
  ['fwrapv not a boolean', { fwrapv: 'yes' }, 'fwrapv', /Expected boolean, received string/],
  ['cflags number', { cflags: 3 }, 'cflags', /^must be a string or a list of strings$/],
  ['include list of numbers', { include: [1] }, 'include', /^must be a string or a list of strings$/],
  ['bad observable in differs', { intended: [{ when: 'x', differs: ['retrun'] }] }, 'intended.0.differs.0', /Invalid enum value.*received 'retrun'/],
  ['empty differs', { intended: [{ when: 'x', differs: [] }] }, 'intended.0.differs', /at least 1/],
  ['claim without when', { intended: [{ then: 'ret == 0' }] }, 'intended.0.when', /Required/],
  ['bad claim id', { intended: [{ id: 'a b', when: 'x' }] }, 'intended.0.id', /use letters, digits/],
  ['not an object', ['a'], '', /Expected object, received array/],
  // expressions pasted into C: checked already when the spec is read (the field and the text named)
  ['writes.size smuggling a statement', { externals: { fill: { writes: { arg: 0, size: '4); __CPROVER_assume(0); (4' } } } }, 'externals.fill.writes.size',
    /^'4\); __CPROVER_assume\(0\); \(4' is not a single C expression \('\); __CPROVER_assume\(0\); \(4' follows '4'\)$/],
  ['writes.size calling system() in a statement expression', { externals: { fill: { writes: [{ arg: 0, size: 4 }, { arg: 1, size: '({ system(0); 4; })' }] } } }, 'externals.fill.writes.1.size',
    /^'\(\{ system\(0\); 4; \}\)' contains a statement expression/],
  ['writes.size naming something else than an argument', { externals: { fill: { writes: { arg: 0, size: 'klp_cur' } } } }, 'externals.fill.writes.size',
    /^'klp_cur' uses 'klp_cur', which is not an argument \(write arg0, arg1, … for the call's arguments\)$/],
  ['writes.size with a comment', { externals: { fill: { writes: { arg: 0, size: 'arg1 // bytes' } } } }, 'externals.fill.writes.size', /contains a comment \('\/\/'\)/],
  ['writes.size assigning', { externals: { fill: { writes: { arg: 0, size: 'arg1 = 0' } } } }, 'externals.fill.writes.size', /assigns \(arg1 = 0\)/],
  ['a comment in a WHEN', { intended: [{ when: 'x > 1 // comment' }] }, 'intended.0.when', /^'x > 1 \/\/ comment' contains a comment \('\/\/'\); comments are not allowed in expressions$/],
  ['a statement in a THEN', { intended: [{ when: 'x', then: 'ret); __CPROVER_assume(0); (1' }] }, 'intended.0.then', /is not a single C expression \(';' in it\)/],
  ['a statement expression in an assumption', { assume: ['({ x = 0; 1; })'] }, 'assume.0', /contains '\{'/],
  ['_Pragma in a buffer length', { buffers: { buf: '_Pragma(X) len' } }, 'buffers.buf', /uses '_Pragma', which is reserved/],
  ['a blank expression', { held: ['  '] }, 'held.0', /^'' is empty$/],
  ['a preprocessor line in held', { held: ['&o->lock\n#include "/etc/passwd"'] }, 'held.0', /contains '#'/],
  // container contracts: names pasted into harness C, so only names and dots
  ['containers key not an identifier', { containers: { 'a b': 'struct x.y' } }, 'containers.a b', /must be a C identifier/],
  ['containers without a member', { containers: { p: 'struct x' } }, 'containers.p', /^must be 'struct name.member'/],
  ['containers smuggling C', { containers: { p: 'struct x.y; int z' } }, 'containers.p', /^must be 'struct name.member'/],
  ['containers with an index', { containers: { p: 'struct x.y[0]' } }, 'containers.p', /^must be 'struct name.member'/],
  ['containers not a map', { containers: ['struct x.y'] }, 'containers', /Expected object, received array/],
  // network shapes: the private type is pasted into harness C, so only a type name
  ['shapes key not an identifier', { shapes: { 'a-b': 'linear' } }, 'shapes.a-b', /must be a C identifier/],
  ['shapes: an unknown shape', { shapes: { skb: 'nonlinear' } }, 'shapes.skb', /^must be 'linear' or \{netdev_priv: 'struct name'\}$/],
  ['shapes: netdev_priv smuggling C', { shapes: { dev: { netdev_priv: 'struct x; int y' } } }, 'shapes.dev.netdev_priv', /^must be a type name: 'struct name' or 'typedef_name'$/],
  ['shapes: an unknown key', { shapes: { dev: { netdev_priv: 'struct x', align: 64 } } }, 'shapes.dev', /Unrecognized key\(s\) in object: 'align'/],
]

t.test('network shapes: parameter → linear, or {netdev_priv: type}', async t => {
  const spec = SpecSchema.parse({ shapes: { skb: 'linear', dev: { netdev_priv: 'struct foo_priv' }, d2: { netdev_priv: 'bar_t' } } })
  t.same(spec.shapes, { skb: 'linear', dev: { netdev_priv: 'struct foo_priv' }, d2: { netdev_priv: 'bar_t' } })
  t.equal(SpecSchema.parse({}).shapes, undefined, 'none: absent')
})

t.test('container contracts: parameter → type.member', async t => {
  const spec = SpecSchema.parse({ containers: { old_fsn: 'struct inotify_event_info.fse', q: 'union u.a.b', r: 'item_t.node' } })
  t.same(spec.containers, { old_fsn: 'struct inotify_event_info.fse', q: 'union u.a.b', r: 'item_t.node' })
  t.equal(SpecSchema.parse({}).containers, undefined, 'none: absent')
})

t.test('invalid specs', async t => {
  for (const [name, data, path, message] of invalid) {
    const r = SpecSchema.safeParse(data)
    t.notOk(r.success, `${name}: rejected`)
    if (r.success) continue
    const issue = r.error.issues.find(i => i.path.join('.') === path)
    t.equal(r.error.issues.length, 1, `${name}: one issue`)
    t.ok(issue, `${name}: an issue at '${path}' (got ${r.error.issues.map(i => i.path.join('.')).join(', ')})`)
    t.match(issue?.message, message, `${name}: message`)
  }
})

t.test('accept-hazards: kind:symbol (or kind:*) of a known hazard kind, nothing else', async t => {
  t.same(SpecSchema.parse({ 'accept-hazards': ['ipa-ra:callee', 'static-local:seq.0', 'data-changed:*'] })['accept-hazards'], ['ipa-ra:callee', 'static-local:seq.0', 'data-changed:*'])
  for (const bad of ['ipa-ra', 'bogus:x', 'ipa-ra:', 'ipa-ra:a b', 'ipa-ra:x;rm', `ipa-ra:${'a'.repeat(300)}`]) {
    const r = SpecSchema.safeParse({ 'accept-hazards': [bad] })
    t.notOk(r.success, bad.slice(0, 20))
  }
  const r = SpecSchema.safeParse({ 'accept-hazards': ['bogus:x'] })
  t.match(!r.success && r.error.issues[0]!.message, /^must be 'kind:symbol' with kind one of data-changed, static-local, init-code, no-patchable-entry, ipa-ra, type-changed/)
  t.notOk(SpecSchema.safeParse({ 'accept-hazards': 'ipa-ra:callee' }).success, 'a list')
})
