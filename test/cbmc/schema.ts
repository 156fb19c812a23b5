import t from 'tap'
import { itemKind, RawTraceStepSchema, RawValueSchema, validateItem } from '../../src/cbmc/schema.js'

const int = (data: string) => ({ name: 'integer', type: 'signed int', width: 32, binary: '0', data })
const loc = { file: 'a.c', function: 'f', line: '3', workingDirectory: '/w' }

t.test('itemKind picks the variant by key', async t => {
  const rows: [unknown, string][] = [
    [{ program: 'CBMC 6.6.0' }, 'program'],
    [{ messageText: 'x', messageType: 'ERROR' }, 'message'],
    [{ result: [] }, 'result'],
    [{ cProverStatus: 'success' }, 'status'],
    [{ property: 'f.assertion.1', description: 'd', status: 'failed', trace: [] }, 'stop-on-fail'],
    [{ property: 'f.assertion.1' }, 'other'],
    [{ functions: [] }, 'functions'],
    [{ properties: [] }, 'properties'],
    [{ loops: [] }, 'loops'],
    [{ cover: [] }, 'other'],
    [null, 'other'],
    ['text', 'other'],
    [[1], 'other'],
  ]
  for (const [item, kind] of rows) t.equal(itemKind(item), kind, JSON.stringify(item))
})

t.test('validateItem validates against the chosen schema only', async t => {
  t.same(validateItem({ program: 'CBMC 6.6.0' }), { ok: true, value: { kind: 'program', item: { program: 'CBMC 6.6.0' } } })
  t.same(validateItem({ loops: [] }), { ok: true, value: { kind: 'loops', item: { loops: [] } } })
  t.same(validateItem({ cover: [] }), { ok: true, value: { kind: 'other' } })
  t.equal(validateItem({ loops: [{ name: 3 }] }).ok, false, 'a loop without a string name is refused')
  const bad = validateItem({ cProverStatus: 'maybe' })
  t.equal(bad.ok, false)
  if (!bad.ok) {
    t.equal(bad.kind, 'status')
    t.same(bad.error.issues.map(i => i.path), [['cProverStatus']])
  }
  const inconclusive = validateItem({ cProverStatus: 'inconclusive' })
  t.ok(inconclusive.ok, 'inconclusive is a cProverStatus (report_util.cpp)')
  const badProp = validateItem({ result: [{ property: 'f.x.1', description: 'd', status: 'PASSED' }] })
  t.equal(badProp.ok, false)
  if (!badProp.ok) t.same(badProp.error.issues[0]?.path, ['result', 0, 'status'])
})

t.test('values: scalar, array, struct, union', async t => {
  t.same(RawValueSchema.parse(int('66ul')), { name: 'integer', type: 'signed int', binary: '0', data: '66ul' })
  t.same(RawValueSchema.parse({ name: 'unknown' }), { name: 'unknown' })
  t.same(RawValueSchema.parse({ name: 'boolean', binary: '0', data: false }), { name: 'boolean', binary: '0', data: 'FALSE' })
  t.same(RawValueSchema.parse({ name: 'boolean', binary: '1', data: true }), { name: 'boolean', binary: '1', data: 'TRUE' })
  t.same(RawValueSchema.parse({ name: 'array', elements: [{ index: 0, value: int('1') }] }), {
    name: 'array',
    elements: [{ index: 0, value: { name: 'integer', type: 'signed int', binary: '0', data: '1' } }],
  })
  t.same(RawValueSchema.parse({ name: 'struct', members: [{ name: 'a', value: { name: 'unknown' } }] }), {
    name: 'struct',
    members: [{ name: 'a', value: { name: 'unknown' } }],
  })
  t.same(RawValueSchema.parse({ name: 'union', members: [] }), { name: 'union', members: [] })
  // cbmc 6.6 prints a union as its active member
  const a = { name: 'integer', data: '0', type: 'signed int', binary: '0' }
  t.same(RawValueSchema.parse({ name: 'union', member: { name: 'a', value: a } }), { name: 'union', members: [{ name: 'a', value: a }] }, 'one active member')
  t.throws(() => RawValueSchema.parse({ name: 'struct', member: { name: 'a', value: a } }), 'a struct lists its members')
})

t.test('values: errors carry the nested path', async t => {
  const rows: [unknown, (string | number)[]][] = [
    [{ name: 'array' }, ['elements']],
    [{ name: 'struct', members: [{ name: 'a', value: { name: 'array', elements: 'x' } }] }, ['members', 0, 'value', 'elements']],
    [{ name: 'integer', data: 5 }, ['data']],
    [{ data: '5' }, ['name']],
  ]
  for (const [value, path] of rows) {
    const r = RawValueSchema.safeParse(value)
    t.equal(r.success, false, JSON.stringify(value))
    if (!r.success) t.same(r.error.issues[0]?.path, path, JSON.stringify(value))
  }
})

t.test('trace steps are validated by stepType', async t => {
  const base = { hidden: false, thread: 0, internal: false, sourceLocation: loc }
  t.same(RawTraceStepSchema.parse({ ...base, stepType: 'assignment', lhs: 'x', value: int('1'), mode: 'C' }), {
    stepType: 'assignment',
    hidden: false,
    sourceLocation: loc,
    lhs: 'x',
    value: { name: 'integer', type: 'signed int', binary: '0', data: '1' },
  })
  t.same(RawTraceStepSchema.parse({ ...base, stepType: 'function-call', function: { displayName: 'f', identifier: 'f' } }), {
    stepType: 'function-call',
    hidden: false,
    sourceLocation: loc,
    function: { displayName: 'f', identifier: 'f' },
  })
  t.same(RawTraceStepSchema.parse({ stepType: 'function-return', hidden: true, function: { displayName: 'g' } }), {
    stepType: 'function-return',
    hidden: true,
    function: { displayName: 'g' },
  })
  t.same(RawTraceStepSchema.parse({ ...base, stepType: 'failure', property: 'f.assertion.1', reason: 'r' }), {
    stepType: 'failure',
    hidden: false,
    sourceLocation: loc,
    property: 'f.assertion.1',
    reason: 'r',
  })
  t.same(RawTraceStepSchema.parse({ ...base, stepType: 'output', outputID: 'printf', values: [] }), {
    stepType: 'output',
    hidden: false,
    sourceLocation: loc,
  })
  const rows: [unknown, (string | number)[]][] = [
    [{ ...base, stepType: 'assignment', lhs: 'x' }, ['value']],
    [{ ...base, stepType: 'assignment', lhs: 'x', value: { name: 'array' } }, ['value', 'elements']],
    [{ ...base, stepType: 'function-call' }, ['function']],
    [{ ...base, stepType: 'failure', reason: 'r' }, ['property']],
    [{ stepType: 'location-only' }, ['hidden']],
    [{ hidden: false }, ['stepType']],
  ]
  for (const [step, path] of rows) {
    const r = RawTraceStepSchema.safeParse(step)
    t.equal(r.success, false, JSON.stringify(step))
    if (!r.success) t.same(r.error.issues[0]?.path, path, JSON.stringify(step))
  }
})
