/**
 * The world outside the function: one stub per external function both versions call, with its
 * model (templates/models/*.yaml) and the out-parameters the spec says it writes, and the limits
 * the harness gives the world. Every expression is checked against the callee's arity. Pure.
 */
import { ConfigError, UsageError } from '../errors.js'
import { ARG_EXPR_HINT, argRules, checkExpr, shownExpr } from '../extract/validate-expr.js'
import type { PairFacts } from './claims.js'
import type { CType } from '../extract/types.js'
import { DYN_BASE, MAX_BLOB, MAX_CALLS, MAX_LOCKS, MAX_SEQ, SNAP_POINTER_BYTES } from './names.js'
import type { BoundInfo } from '../report/types.js'
import type { ExternalStub, ModelSpec, OutParamWrite, World, WorldLimits } from './types.js'

/** The largest world a harness gives a function: what it gives one whose calls the code does not bound. */
export const LIMITS: WorldLimits = { calls: MAX_CALLS, seq: MAX_SEQ, locks: MAX_LOCKS, blob: MAX_BLOB, dynBase: DYN_BASE }

/**
 * Calls of one external function the world answers per run: as many as the code can make (its
 * call sites, extract/call-bounds.ts), at most MAX_CALLS, at least one; MAX_CALLS when the code
 * does not bound them (a loop, recursion, a call through a pointer). A run that needs more fails
 * the stub's `KLP_LIMIT external calls` check: inconclusive, never a silent cut.
 */
export function stubCalls(s: ExternalStub): number {
  return Math.max(1, Math.min(MAX_CALLS, s.fn.maxCalls ?? MAX_CALLS))
}

/**
 * Arguments of an uninterpreted external function whose pointee bytes the call log keeps (the
 * function may read them: `ext_copy(dst, "abc", 4)` and `ext_copy(dst, "abd", 4)` are different
 * calls): every argument that points at data, not at a function. Models say what they read themselves.
 */
export function snapshotArgs(s: ExternalStub): number[] {
  if (s.model) return []
  return s.fn.signature.params.flatMap((p, j) => (p.type.kind === 'pointer' && p.type.to.kind !== 'function' ? [j] : []))
}

/** Bytes a snapshot keeps behind an argument pointing at `to`: MAX_BLOB; a pointer to pointers, its first pointer. */
export function snapshotCap(to: CType): number {
  return to.kind === 'pointer' ? SNAP_POINTER_BYTES : MAX_BLOB
}

/** Bytes of one call's snapshot of its pointer arguments: per argument a length byte and at most snapshotCap bytes. */
export function snapshotBytes(s: ExternalStub): number {
  const params = s.fn.signature.params
  return snapshotArgs(s).reduce((n, j) => n + 1 + snapshotCap((params[j]!.type as Extract<CType, { kind: 'pointer' }>).to), 0)
}

/** Does the stub hand out objects klp_abs must know (an allocation; an uninterpreted function's data pointer answer)? */
export function handsOutObjects(s: ExternalStub): boolean {
  const rt = s.fn.signature.returnType
  return s.model ? s.model.kind === 'alloc' : rt.kind === 'pointer' && rt.to.kind !== 'function'
}

/**
 * Bytes an out-parameter write stores per call: a constant size as written (at least 1), else
 * MAX_BLOB; a larger write fails the stub's `KLP_LIMIT out-parameter size` check.
 */
export function writeBytes(size: string): number {
  const n = /^\s*(\d+)\s*$/.exec(size)
  return n ? Math.max(1, Math.min(MAX_BLOB, Number(n[1]))) : MAX_BLOB
}

export interface WorldSize {
  /** Calls each stub answers per run (stubCalls), in stub order. */
  readonly calls: readonly number[]
  /** Length of each version's call log: all stubs' calls, at most MAX_SEQ. */
  readonly seq: number
  /**
   * Bytes of each logged call's blob the calls comparison reads: MAX_BLOB with a copy-out or output
   * model (they log blobs), at least each uninterpreted function's snapshot of its pointer arguments
   * (snapshotBytes), else 0.
   */
  readonly blob: number
  /** Each stub's first klp_dyn slot (null: it hands out no objects). */
  readonly slot: readonly (number | null)[]
  /**
   * The world's objects: klp_dyn slot (packed) and klp_abs id. The id of call k of stub i stays
   * DYN_BASE + i * MAX_CALLS + k, whatever the slots: traces are read back by id (classify/trace.ts).
   */
  readonly dynamic: readonly { readonly slot: number; readonly id: number }[]
}

/** The world sized to what the function's calls can do (see stubCalls). */
export function worldSize(stubs: readonly ExternalStub[]): WorldSize {
  const calls = stubs.map(stubCalls)
  const dynamic: { slot: number; id: number }[] = []
  const slot = stubs.map((s, i) => {
    if (!handsOutObjects(s)) return null
    const first = dynamic.length
    for (let k = 0; k < calls[i]!; k++) dynamic.push({ slot: first + k, id: DYN_BASE + i * MAX_CALLS + k })
    return first
  })
  return {
    calls,
    seq: Math.min(MAX_SEQ, calls.reduce((a, b) => a + b, 0)),
    blob: Math.max(stubs.some(s => s.model?.kind === 'copy-out' || s.model?.kind === 'output') ? MAX_BLOB : 0, ...stubs.map(snapshotBytes)),
    slot,
    dynamic,
  }
}

/** The fields of a model that are C expressions (pasted into the stub). */
export const MODEL_EXPR_FIELDS = ['size', 'ptr', 'lock', 'to', 'from', 'value'] as const

/** Which file each loaded model came from, for messages (pipeline/models.ts notes it when loading). */
const SOURCE = new WeakMap<ModelSpec, string>()

export function noteModelSource(m: ModelSpec, file: string): void {
  SOURCE.set(m, file)
}

/**
 * Every expression of a model goes through the expression validator: over arg0, arg1, … only (below
 * the callee's arity when `callee` is given, as when a stub is built for a real call).
 */
export function checkModelExprs(name: string, m: ModelSpec, file = SOURCE.get(m), callee?: { readonly arity: number }): void {
  for (const field of MODEL_EXPR_FIELDS) {
    const text = m[field]
    if (text === undefined) continue
    const r = checkExpr(text, argRules('model expressions', callee && { name, arity: callee.arity }))
    if (!r.ok) {
      throw new ConfigError(`${file ? `${file}: ` : ''}model ${name}: ${field} '${shownExpr(text)}' ${r.reason}`, { hint: ARG_EXPR_HINT })
    }
  }
}

/** Spec `externals:` names functions the code calls. */
export function checkExternalNames(pair: PairFacts, names: readonly string[]): void {
  const called = pair.externals.externals
  for (const name of names) {
    if (!called.some(e => e.name === name)) {
      throw new UsageError(`externals: ${name} is not an external function ${pair.func}() calls`, {
        hint: `external functions called: ${called.map(e => e.name).join(', ') || 'none'}`,
      })
    }
  }
}

function checkWrites(stub: ExternalStub['fn'], writes: readonly OutParamWrite[]): void {
  const arity = stub.signature.params.length
  const where = `externals: ${stub.name}: writes`
  for (const w of writes) {
    if (w.arg >= arity) {
      throw new ConfigError(`${where} arg ${w.arg}, but ${stub.name}() takes ${arity} argument${arity === 1 ? '' : 's'}`, { hint: 'writes.arg counts the arguments from 0 (arg: 0 is the first)' })
    }
    const p = stub.signature.params[w.arg]!
    if (p.type.kind !== 'pointer') {
      throw new ConfigError(`${where} arg ${w.arg}, but that argument of ${stub.name}() is not a pointer`, { hint: 'writes.arg names the out-parameter (a pointer) the function writes through' })
    }
    const r = checkExpr(w.size, argRules('sizes', { name: stub.name, arity }))
    if (!r.ok) throw new ConfigError(`${where} size '${shownExpr(w.size)}' ${r.reason}`, { hint: ARG_EXPR_HINT })
  }
}

/**
 * The world's stubs, now that each callee's arity is known: model and writes expressions over
 * arg0..argN-1 only (checkExternalNames first checks the spec names functions the code calls).
 */
export function buildWorld(
  pair: PairFacts,
  externals: Readonly<Record<string, readonly OutParamWrite[]>>,
  models: ReadonlyMap<string, ModelSpec>,
): World {
  const stubs: ExternalStub[] = pair.externals.externals.map(fn => {
    const model = models.get(fn.name)
    if (model) checkModelExprs(fn.name, model, undefined, { arity: fn.signature.params.length })
    const writes = externals[fn.name]
    checkWrites(fn, writes ?? [])
    return { fn, model, writes }
  })
  const size = worldSize(stubs)
  return { stubs, limits: { ...LIMITS, calls: Math.max(0, ...size.calls), seq: size.seq, blob: size.blob } }
}

/** The report's bound for what the world compares of calls it does not model: the bytes behind their pointer arguments, up to MAX_BLOB. */
export function worldBounds(world: World): BoundInfo[] {
  const seen = world.stubs.filter(st => snapshotArgs(st).length).map(st => st.fn.name)
  if (!seen.length) return []
  return [{
    what: 'pointer arguments of external calls',
    value: `the first ${MAX_BLOB} bytes behind each compared (of an array of pointers, the first pointer), pointers in them by object (${seen.slice(0, 3).join(', ')}${seen.length > 3 ? ', …' : ''})`,
    isDefault: true,
  }]
}
