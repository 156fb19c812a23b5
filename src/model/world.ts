/**
 * The world outside the function: one stub per external function both versions call, with its
 * model (templates/models/*.yaml) and the out-parameters the spec says it writes, and the limits
 * the harness gives the world. Every expression is checked against the callee's arity. Pure.
 */
import { ConfigError, UsageError } from '../errors.js'
import { ARG_EXPR_HINT, argRules, checkExpr, shownExpr } from '../extract/validate-expr.js'
import type { PairFacts } from './claims.js'
import { DYN_BASE, MAX_BLOB, MAX_CALLS, MAX_LOCKS, MAX_SEQ } from './names.js'
import type { ExternalStub, ModelSpec, OutParamWrite, World, WorldLimits } from './types.js'

export const LIMITS: WorldLimits = { calls: MAX_CALLS, seq: MAX_SEQ, locks: MAX_LOCKS, blob: MAX_BLOB, dynBase: DYN_BASE }

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
  return { stubs, limits: LIMITS }
}
