/**
 * The machine-readable report: pretty JSON, `schemaVersion` first, keys in the order of `types.ts`
 * whatever order the report object was built in. Keys unknown to `types.ts` are kept, sorted, after the known ones.
 */
import type { ClaimReport, Difference, LivePatchFunctionReport, LivePatchHazardReport, LivePatchReport, ProofReport, RunInfo, SafetyFinding, SizeStep, SizeSteps, UnboundedTechnique } from './types.js'

/** A key list that must name every key of `T` (checked by `Complete`). */
type Keys<T> = readonly (keyof T & string)[]
/** Compiles only when `K` lists every key of `T`: a new field in types.ts must be placed here too. */
type Complete<T, K extends Keys<T>> = [Exclude<keyof T, K[number]>] extends [never] ? K : never
const keys =
  <T>() =>
  <const K extends Keys<T>>(k: K & Complete<T, K>): K =>
    k

type Witness = NonNullable<ClaimReport['witness']>

const REPORT = keys<ProofReport>()([
  'schemaVersion',
  'tool',
  'cbmc',
  'function',
  'old',
  'new',
  'options',
  'verdict',
  'reason',
  'exitCode',
  'summary',
  'differences',
  'claims',
  'preExisting',
  'unwinding',
  'sizes',
  'bounds',
  'typeChanges',
  'constChanges',
  'hints',
  'errors',
  'runs',
  'timings',
  'cached',
  'livepatch',
])
const DIFFERENCE = keys<Difference>()([
  'classification',
  'observable',
  'kind',
  'claim',
  'inputs',
  'values',
  'location',
  'detail',
  'run',
  'confirmed',
  'confirmation',
])
const CLAIM = keys<ClaimReport>()(['id', 'when', 'then', 'differs', 'observed', 'witness'])
const FINDING = keys<SafetyFinding>()(['kind', 'function', 'description', 'location', 'inputs'])
const RUN = keys<RunInfo>()(['run', 'unwind', 'maxSize', 'status', 'durationMs', 'command'])

/** Key order per field name, for the nested records. */
const NESTED: Readonly<Record<string, readonly string[]>> = {
  tool: keys<ProofReport['tool']>()(['name', 'version']),
  cbmc: keys<ProofReport['cbmc']>()(['version', 'solver']),
  differences: DIFFERENCE,
  claims: CLAIM,
  witness: keys<Witness>()(['inputs', 'values']),
  inputs: keys<Witness['inputs'][number]>()(['name', 'value']),
  values: keys<Witness['values'][number]>()(['what', 'old', 'new']),
  preExisting: FINDING,
  unwinding: keys<ProofReport['unwinding']>()(['mode', 'bound', 'complete', 'openLoops', 'kind', 'techniques']),
  techniques: keys<UnboundedTechnique>()(['what', 'technique', 'assumes']),
  sizes: keys<SizeSteps>()(['requested', 'reached', 'minimum', 'reduced', 'stopped', 'steps', 'noInput']),
  stopped: keys<NonNullable<SizeSteps['stopped']>>()(['maxSize', 'reason', 'afterMs', 'leftMs', 'needMs']),
  steps: keys<SizeStep>()(['maxSize', 'verdict', 'reason', 'durationMs']),
  bounds: keys<ProofReport['bounds'][number]>()(['what', 'value', 'isDefault']),
  typeChanges: keys<ProofReport['typeChanges'][number]>()(['type', 'detail']),
  runs: RUN,
  timings: keys<ProofReport['timings']>()(['totalMs', 'toolMs', 'ownMs', 'toolCpuMs', 'ownCpuMs']),
  livepatch: keys<LivePatchReport>()(['cflags', 'functions', 'hazards', 'error', 'durationMs']),
  functions: keys<LivePatchFunctionReport>()(['symbol', 'function', 'reason', 'via', 'verdict', 'benign', 'note']),
  hazards: keys<LivePatchHazardReport>()(['kind', 'symbol', 'severity', 'detail', 'accepted']),
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Copy `value` with object keys in `order` first, then the rest sorted; `order` of each child from NESTED. */
function ordered(value: unknown, order: readonly string[]): unknown {
  if (Array.isArray(value)) return value.map(v => ordered(v, order))
  if (!isRecord(value)) return value
  const rest = Object.keys(value)
    .filter(k => !order.includes(k))
    .sort()
  const out: Record<string, unknown> = {}
  for (const k of [...order.filter(k => k in value), ...rest]) out[k] = ordered(value[k], NESTED[k] ?? [])
  return out
}

export function renderJson(r: ProofReport): string {
  return `${JSON.stringify(ordered(r, REPORT), null, 2)}\n`
}
