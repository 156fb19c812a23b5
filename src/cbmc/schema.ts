/**
 * zod schemas for the raw items of cbmc `--json-ui` output (CBMC 6.6).
 * The parser picks an item's variant by its keys and then validates it with that variant's own schema
 * (kani `parse_item`: an untagged union only says "no variant matched").
 * Unknown keys are dropped; only what the domain mapping reads is required.
 */
import { z } from 'zod'
import type { RawValue } from './types.js'

export const RawSourceLocation = z.object({
  file: z.string().optional(),
  function: z.string().optional(),
  /** A decimal string in cbmc's JSON (`"15"`). */
  line: z.union([z.string(), z.number()]).optional(),
  workingDirectory: z.string().optional(),
})
export type RawSourceLocation = z.infer<typeof RawSourceLocation>

// ---- trace values -------------------------------------------------------------------------------

const RawScalarValue = z.object({
  name: z.string(),
  /** A string, except for `boolean` (`__CPROVER_bool`) values, whose data is a JSON boolean: normalised to TRUE/FALSE like `_Bool`. */
  data: z
    .union([z.string(), z.boolean()])
    .optional()
    .transform(d => (typeof d === 'boolean' ? (d ? 'TRUE' : 'FALSE') : d)),
  type: z.string().optional(),
  binary: z.string().optional(),
})

const RawArrayValue = z.object({
  name: z.literal('array'),
  elements: z.array(z.object({ index: z.number(), value: z.lazy(() => RawValueSchema) })),
})

const RawMember = z.object({ name: z.string(), value: z.lazy(() => RawValueSchema) })

/**
 * A struct lists `members`; cbmc 6.6 prints a union's value as its one active `member` (measured:
 * `{"name":"union","member":{"name":"a","value":…}}`), read here as a list of one.
 */
const RawAggregateValue = z.union([
  z.object({ name: z.enum(['struct', 'union']), members: z.array(RawMember) }),
  z.object({ name: z.literal('union'), member: RawMember }).transform(v => ({ name: v.name, members: [v.member] })),
])

function valueSchemaFor(name: string): z.ZodTypeAny {
  if (name === 'array') return RawArrayValue
  if (name === 'struct' || name === 'union') return RawAggregateValue
  return RawScalarValue
}

/** A trace value, validated by the schema its `name` selects. */
export const RawValueSchema: z.ZodType<RawValue, z.ZodTypeDef, unknown> = z
  .object({ name: z.string() })
  .passthrough()
  .transform((v, ctx): RawValue => {
    const r = valueSchemaFor(v.name).safeParse(v)
    if (r.success) return r.data as RawValue
    for (const issue of r.error.issues) ctx.addIssue(issue)
    return z.NEVER
  })

// ---- trace steps --------------------------------------------------------------------------------

const RawStepBase = z.object({
  stepType: z.string(),
  hidden: z.boolean(),
  sourceLocation: RawSourceLocation.optional(),
})

const RawAssignmentStep = RawStepBase.extend({
  lhs: z.string(),
  value: RawValueSchema,
})

const RawCallStep = RawStepBase.extend({
  function: z.object({ displayName: z.string(), identifier: z.string().optional() }),
})

const RawFailureStep = RawStepBase.extend({
  property: z.string(),
  reason: z.string(),
})

export type RawTraceStep = z.infer<typeof RawStepBase> &
  Partial<Pick<z.infer<typeof RawAssignmentStep>, 'lhs' | 'value'>> &
  Partial<Pick<z.infer<typeof RawCallStep>, 'function'>> &
  Partial<Pick<z.infer<typeof RawFailureStep>, 'property' | 'reason'>>

function stepSchemaFor(stepType: string): z.ZodType<RawTraceStep, z.ZodTypeDef, unknown> {
  switch (stepType) {
    case 'assignment':
      return RawAssignmentStep
    case 'function-call':
    case 'function-return':
      return RawCallStep
    case 'failure':
      return RawFailureStep
    default:
      // location-only, loop-head, input, output, …: only the common fields are read.
      return RawStepBase
  }
}

/** A trace step, validated by the schema its `stepType` selects. */
export const RawTraceStepSchema: z.ZodType<RawTraceStep, z.ZodTypeDef, unknown> = z
  .object({ stepType: z.string() })
  .passthrough()
  .transform((s, ctx): RawTraceStep => {
    const r = stepSchemaFor(s.stepType).safeParse(s)
    if (r.success) return r.data
    for (const issue of r.error.issues) ctx.addIssue(issue)
    return z.NEVER
  })

// ---- properties and items -----------------------------------------------------------------------

export const RawPropertyStatus = z.enum(['SUCCESS', 'FAILURE', 'UNKNOWN', 'ERROR', 'UNREACHABLE', 'NOT CHECKED'])

export const RawCbmcProperty = z.object({
  property: z.string(),
  description: z.string(),
  status: RawPropertyStatus,
  sourceLocation: RawSourceLocation.optional(),
  trace: z.array(RawTraceStepSchema).optional(),
})
export type RawCbmcProperty = z.infer<typeof RawCbmcProperty>

export const RawProgramItem = z.object({ program: z.string() })

export const RawMessageItem = z.object({
  messageText: z.string(),
  messageType: z.string(),
  sourceLocation: RawSourceLocation.optional(),
})
export type RawMessageItem = z.infer<typeof RawMessageItem>

export const RawResultItem = z.object({ result: z.array(RawCbmcProperty) })

export const RawStatusItem = z.object({ cProverStatus: z.enum(['success', 'failure', 'inconclusive', 'error']) })

/** With `--stop-on-fail` a failure is reported as this bare object instead of a `result` array. */
export const RawStopOnFailItem = z.object({
  property: z.string(),
  description: z.string(),
  status: z.literal('failed'),
  trace: z.array(RawTraceStepSchema),
})

/** `--list-goto-functions --json-ui`. */
export const RawFunctionsItem = z.object({
  functions: z.array(z.object({ name: z.string(), isBodyAvailable: z.boolean(), isInternal: z.boolean() })),
})

/** `--show-properties --json-ui`. */
export const RawPropertiesItem = z.object({
  properties: z.array(
    z.object({
      name: z.string(),
      class: z.string(),
      description: z.string(),
      sourceLocation: RawSourceLocation.optional(),
    }),
  ),
})

/** `--show-loops --json-ui`. */
export const RawLoopsItem = z.object({
  loops: z.array(z.object({ name: z.string(), sourceLocation: RawSourceLocation.optional() })),
})

export type RawItem =
  | { readonly kind: 'program'; readonly item: z.infer<typeof RawProgramItem> }
  | { readonly kind: 'message'; readonly item: RawMessageItem }
  | { readonly kind: 'result'; readonly item: z.infer<typeof RawResultItem> }
  | { readonly kind: 'status'; readonly item: z.infer<typeof RawStatusItem> }
  | { readonly kind: 'stop-on-fail'; readonly item: z.infer<typeof RawStopOnFailItem> }
  | { readonly kind: 'functions'; readonly item: z.infer<typeof RawFunctionsItem> }
  | { readonly kind: 'properties'; readonly item: z.infer<typeof RawPropertiesItem> }
  | { readonly kind: 'loops'; readonly item: z.infer<typeof RawLoopsItem> }
  | { readonly kind: 'other' }

export type ItemKind = RawItem['kind']

/** The item variant, chosen by the keys the object has. */
export function itemKind(item: unknown): ItemKind {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return 'other'
  if ('program' in item) return 'program'
  if ('messageText' in item) return 'message'
  if ('result' in item) return 'result'
  if ('cProverStatus' in item) return 'status'
  if ('property' in item && 'trace' in item) return 'stop-on-fail'
  if ('functions' in item) return 'functions'
  if ('properties' in item) return 'properties'
  if ('loops' in item) return 'loops'
  return 'other'
}

const SCHEMAS = {
  program: RawProgramItem,
  message: RawMessageItem,
  result: RawResultItem,
  status: RawStatusItem,
  'stop-on-fail': RawStopOnFailItem,
  functions: RawFunctionsItem,
  properties: RawPropertiesItem,
  loops: RawLoopsItem,
} as const

/** Validate one item against its own schema; `other` items are passed over. */
export function validateItem(item: unknown): { ok: true; value: RawItem } | { ok: false; kind: ItemKind; error: z.ZodError } {
  const kind = itemKind(item)
  if (kind === 'other') return { ok: true, value: { kind } }
  const r = SCHEMAS[kind].safeParse(item)
  if (!r.success) return { ok: false, kind, error: r.error }
  return { ok: true, value: { kind, item: r.data } as RawItem }
}
