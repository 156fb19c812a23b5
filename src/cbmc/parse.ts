/** Pure parsing of cbmc `--json-ui` stdout into domain types. Never throws on bad input. */
import type { z } from 'zod'
import {
  validateItem,
  type RawCbmcProperty,
  type RawItem,
  type RawMessageItem,
  type RawSourceLocation,
  type RawTraceStep,
} from './schema.js'
import type {
  CbmcMessage,
  CbmcOutput,
  GotoFunction,
  ParseFailure,
  ParseResult,
  Property,
  RawValue,
  ShownLoop,
  ShownProperty,
  SourceLocation,
  TraceStep,
} from './types.js'

/** Parse the output of a verification run. */
export function parseCbmcJson(stdout: string): ParseResult {
  const read = readItems(stdout)
  if (!read.ok) return read
  let program: string | undefined
  let properties: Property[] | null = null
  let status: CbmcOutput['status'] = null
  for (const it of read.items) {
    if (it.kind === 'program') program = it.item.program
    else if (it.kind === 'result') properties = [...(properties ?? []), ...it.item.result.map(toProperty)]
    else if (it.kind === 'stop-on-fail') properties = [...(properties ?? []), stopOnFailProperty(it.item)]
    else if (it.kind === 'status') status = it.item.cProverStatus
  }
  return { ok: true, ...(program === undefined ? {} : { program }), messages: read.messages, properties, status }
}

/** Parse `--list-goto-functions --json-ui`. */
export function parseGotoFunctions(stdout: string): GotoFunction[] | ParseFailure {
  const read = readItems(stdout)
  if (!read.ok) return read
  const list = read.items.find(it => it.kind === 'functions')
  if (list?.kind !== 'functions') return noItem('functions', read.messages)
  return list.item.functions.map(f => ({ name: f.name, isBodyAvailable: f.isBodyAvailable, isInternal: f.isInternal }))
}

/** Parse `--show-loops --json-ui`: every loop's id (`klp_old_f.0`) and where it is. */
export function parseShowLoops(stdout: string): ShownLoop[] | ParseFailure {
  const read = readItems(stdout)
  if (!read.ok) return read
  const list = read.items.find(it => it.kind === 'loops')
  if (list?.kind !== 'loops') return noItem('loops', read.messages)
  return list.item.loops.map(l => ({ id: l.name, ...locationField(l.sourceLocation) }))
}

/** Parse `--show-properties --json-ui`. */
export function parseShowProperties(stdout: string): ShownProperty[] | ParseFailure {
  const read = readItems(stdout)
  if (!read.ok) return read
  const list = read.items.find(it => it.kind === 'properties')
  if (list?.kind !== 'properties') return noItem('properties', read.messages)
  return list.item.properties.map(p => ({
    id: p.name,
    description: p.description,
    class: p.class,
    ...locationField(p.sourceLocation),
  }))
}

/**
 * The check class of a property id: `foo.array_bounds.3` → `array_bounds`, `foo.no-body.bar` → `no-body`,
 * `foo.unwind.0` → `unwind`, `foo.recursion` → `recursion`. undefined for ids of another shape.
 */
export function propertyClass(id: string): string | undefined {
  if (/\.no-body\.[^.]+$/.test(id)) return 'no-body'
  if (/\.recursion$/.test(id)) return 'recursion'
  return /^.+\.([^.]+)\.\d+$/.exec(id)?.[1]
}

/** Arrays longer than this are cut in `renderValue`. */
export const MAX_RENDERED_ELEMENTS = 16

/** A trace value for humans: `66`, `'x'`, `NULL`, `&buf`, `{1, 2, 3}`, `{ .a = 1, .b = 2 }`, `?` if unknown. */
export function renderValue(v: RawValue): string {
  if ('elements' in v) return renderArray(v.elements)
  if ('members' in v) {
    const shown = v.members.filter(m => !m.name.startsWith('$pad'))
    return shown.length === 0 ? '{}' : `{ ${shown.map(m => `.${m.name} = ${renderValue(m.value)}`).join(', ')} }`
  }
  if (v.name === 'unknown' || v.data === undefined) return '?'
  if (v.name === 'integer') return v.data.replace(/^(-?\d+)[uUlL]+$/, '$1')
  if (v.name === 'pointer') return renderPointer(v.data)
  return v.data
}

// ---- reading the top-level array ----------------------------------------------------------------

type ReadItems = { ok: true; items: RawItem[]; messages: CbmcMessage[] } | ParseFailure

function readItems(stdout: string): ReadItems {
  if (stdout.trim() === '') return { ok: false, reason: 'cbmc printed nothing on stdout', messages: [] }
  let top: unknown
  try {
    top = JSON.parse(stdout)
  } catch (err) {
    const salvaged = salvageItems(stdout)
    const why = `cbmc output is not valid JSON (${(err as Error).message})`
    const reason = salvaged.length > 0 ? `${why}; salvaged ${salvaged.length} complete items` : why
    return { ok: false, reason, messages: messagesOf(salvaged) }
  }
  if (!Array.isArray(top)) return { ok: false, reason: 'cbmc output is not a JSON array', messages: [] }
  const items: RawItem[] = []
  for (const [i, raw] of top.entries()) {
    const r = validateItem(raw)
    if (!r.ok) {
      return { ok: false, reason: `unexpected cbmc output in item ${i} (${r.kind}): ${describeIssues(r.error)}`, messages: messagesOf(top) }
    }
    items.push(r.value)
  }
  return { ok: true, items, messages: items.flatMap(it => (it.kind === 'message' ? [toMessage(it.item)] : [])) }
}

/** The complete elements at the start of a JSON array whose end is missing (a killed process). */
function salvageItems(text: string): unknown[] {
  const items: unknown[] = []
  const open = text.indexOf('[')
  let depth = 0
  let inString = false
  let start = -1
  for (let i = open + 1; open >= 0 && i < text.length; i++) {
    const c = text[i]
    if (inString) {
      if (c === '\\') i++
      else if (c === '"') inString = false
    } else if (c === '"') inString = true
    else if (c === '{' || c === '[') {
      if (depth++ === 0) start = i
    } else if ((c === '}' || c === ']') && --depth === 0) {
      try {
        items.push(JSON.parse(text.slice(start, i + 1)))
      } catch {
        break
      }
    } else if (depth < 0) break
  }
  return items
}

/** Messages from items that validate as messages, ignoring everything else. */
function messagesOf(raw: readonly unknown[]): CbmcMessage[] {
  return raw.flatMap(item => {
    const r = validateItem(item)
    return r.ok && r.value.kind === 'message' ? [toMessage(r.value.item)] : []
  })
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map(i => `${i.path.join('.')}: ${i.message}`)
    .join('; ')
}

function noItem(what: string, messages: CbmcMessage[]): ParseFailure {
  return { ok: false, reason: `cbmc printed no ${what} list`, messages }
}

// ---- mapping to domain types --------------------------------------------------------------------

function toMessage(m: RawMessageItem): CbmcMessage {
  return { type: m.messageType, text: m.messageText, ...locationField(m.sourceLocation) }
}

function toProperty(p: RawCbmcProperty): Property {
  return {
    id: p.property,
    description: p.description,
    status: p.status,
    ...locationField(p.sourceLocation),
    ...(p.trace === undefined ? {} : { trace: p.trace.map(toStep) }),
  }
}

/** `--stop-on-fail` reports the failure without a location: take it from the trace's final failure step. */
function stopOnFailProperty(p: { property: string; description: string; trace: RawTraceStep[] }): Property {
  const trace = p.trace.map(toStep)
  const last = trace.filter(s => s.stepType === 'failure' && s.property === p.property).at(-1)
  return {
    id: p.property,
    description: p.description,
    status: 'FAILURE',
    ...(last?.location === undefined ? {} : { location: last.location }),
    trace,
  }
}

function toStep(s: RawTraceStep): TraceStep {
  return {
    stepType: s.stepType,
    hidden: s.hidden,
    ...(s.lhs === undefined ? {} : { lhs: s.lhs }),
    ...(s.value === undefined ? {} : { value: s.value }),
    ...(s.function === undefined ? {} : { function: s.function.displayName }),
    ...(s.property === undefined ? {} : { property: s.property }),
    ...(s.reason === undefined ? {} : { reason: s.reason }),
    ...locationField(s.sourceLocation),
  }
}

function locationField(loc: RawSourceLocation | undefined): { location?: SourceLocation } {
  if (loc === undefined) return {}
  const line = Number(loc.line)
  const location: SourceLocation = {
    ...(loc.file === undefined ? {} : { file: loc.file }),
    ...(loc.function === undefined ? {} : { function: loc.function }),
    ...(Number.isSafeInteger(line) && line > 0 ? { line } : {}),
  }
  return { location }
}

// ---- value rendering ----------------------------------------------------------------------------

function renderArray(elements: readonly { index: number; value: RawValue }[]): string {
  const dense = elements.every((e, i) => e.index === i)
  const shown = elements.slice(0, MAX_RENDERED_ELEMENTS)
  const parts = shown.map(e => (dense ? renderValue(e.value) : `[${e.index}] = ${renderValue(e.value)}`))
  if (elements.length > shown.length) parts.push('…')
  return `{${parts.join(', ')}}`
}

/** cbmc prints pointers symbolically: `NULL`, `((char *)NULL)`, `g` (= &g), `buf!0@1` (= &buf, SSA-renamed local). */
function renderPointer(data: string): string {
  if (/^\(*(\([^()]*\*\))?NULL\)*$/.test(data)) return 'NULL'
  const object = data.replace(/(![0-9]+)?(@[0-9]+)?(#[0-9]+)?$/, '')
  return /^[A-Za-z_$][\w$]*$/.test(object) ? `&${object}` : data
}
