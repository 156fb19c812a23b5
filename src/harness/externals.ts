/**
 * The world part of a harness: stubs for external functions, so both versions live in the same
 * world. The k-th call of `f` in the new run gets the answer the k-th call of `f` in the old run
 * got when the arguments match (matched per callee); unmatched calls get free answers. Every call
 * is logged, in order, with its arguments (pointers as object+offset), for the `calls` observable.
 * Kernel APIs get models (templates/models/*.yaml): allocation, free, locks, user copies, logging,
 * WARN/BUG. Pure: the view templates/partials/world-*.c.hbs and stub*.c.hbs print.
 */
import { ConfigError } from '../errors.js'
import type { CType } from '../extract/types.js'
import { ARG_EXPR_HINT, argRules, checkExpr, shownExpr } from '../extract/validate-expr.js'
import { LIMIT, MAX_BLOB, MAX_LOCKS, OPAQUE_BYTES, VAR, WORLD } from '../model/names.js'
import type { ExternalStub, ModelSpec } from '../model/types.js'
import { argSnapshot, type ArgSnapshot } from './arg-snapshot.js'
import { snapshotArgs, snapshotBytes, worldSize, writeBytes, type WorldSize } from '../model/world.js'

const TYPE_NAME = 'KLP_TYPE_NAME'
/** The call log the classifier reads: count, callee, arguments and answers per version. */
const LOG = { n: VAR.nseq, fn: VAR.seqFn, arg: VAR.seqArg, ret: VAR.seqRet } as const

/** One stub: its declarations and the data its kind's partial needs (null for the other kinds). */
export interface StubView {
  readonly name: string
  /** How often each version called it, and what each call answered (claims about the world read these). */
  readonly calls: string
  readonly answers: string
  readonly callLog: typeof LOG
  readonly index: number
  readonly what: string
  readonly typedefs: readonly string[]
  readonly R: string
  readonly void: boolean
  readonly params: string
  /** Each argument as logged (pointers as object+offset). */
  readonly args: readonly string[]
  /** Slot of this stub's first object in klp_dyn (null: it hands out none). */
  readonly slot: number | null
  /** Calls of this stub, and in all, the world answers per run (model/world.ts worldSize). */
  readonly limits: { readonly calls: number; readonly seq: number }
  readonly limitCalls: string
  readonly limitLocks: string
  /** The answer returned (and logged when scalar-like, as object+offset when a pointer). */
  readonly retExpr: string
  readonly logRet: boolean
  readonly ptrRet: boolean
  /** A floating-point answer, logged by its bits (klp_fbits). */
  readonly floatRet: boolean
  readonly alloc: { readonly size: string; readonly zero: boolean } | null
  readonly free: { readonly ptr: string } | null
  readonly lock: { readonly take: boolean; readonly id: string; readonly held: string; readonly anyFree: string; readonly slots: readonly number[] } | null
  readonly copyIn: { readonly size: string; readonly to: string } | null
  readonly copyOut: { readonly size: string; readonly from: string } | null
  readonly log: boolean
  readonly bug: { readonly value: string | null } | null
  readonly generic: {
    /**
     * A pointer answer is NULL or a fresh object of `size` bytes (a matched call's starts with the
     * bytes the old call's had: klp_<f>_proto); nullAnswer: a function pointer, NULL.
     */
    readonly fresh: { readonly size: string } | null
    readonly nullAnswer: boolean
    readonly writes: readonly { readonly fn: string; readonly arg: number; readonly size: string; readonly blob: number; readonly limit: string }[]
    /**
     * The bytes behind each data pointer argument when called, into the call's blob (what the
     * calls observable compares): per argument its length (at most its `cap`) and its bytes (arg-snapshot.ts).
     */
    readonly snap: { readonly total: number; readonly args: readonly ArgSnapshot[] } | null
  } | null
}

export interface ExternalsPlan {
  /** The shared state of the world (call log, dynamic objects, locks); null without external functions. */
  readonly runtime: { readonly callLog: typeof LOG; readonly seq: number; readonly maxArgs: number; readonly dyn: number; readonly locks: number } | null
  /** Objects the world hands out, as klp_abs knows them: klp_dyn slot and id. */
  readonly dynamic: WorldSize['dynamic']
  readonly stubs: readonly StubView[]
  /** lock balance: a version must not return holding a lock it did not hold at entry. */
  readonly lockBalance: readonly { readonly name: string; readonly v: number; readonly rows: readonly { readonly j: number; readonly entryHas: string; readonly anyHolds: string }[] }[]
  readonly unwindset: readonly { loop: string; bound: number }[]
  readonly names: readonly string[]
  readonly hasLocks: boolean
  readonly native: boolean
}

/**
 * A model's (or a spec's `writes.size`) expression as stub C: it passes the expression validator
 * here, where it is pasted (the loaders checked it already; this is the last gate), and its
 * arguments arg0, arg1, … become the stub's parameters klp_a0, klp_a1, ….
 */
function argExpr(text: string, fn: string, arity: number, field: string): string {
  const r = checkExpr(text, argRules('model expressions', { name: fn, arity }))
  if (!r.ok) throw new ConfigError(`${fn}(): ${field} '${shownExpr(text)}' ${r.reason}`, { hint: ARG_EXPR_HINT })
  let out = text
  for (const n of [...r.names].sort((a, b) => b.start - a.start)) out = `${out.slice(0, n.start)}klp_a${n.name.slice(3)}${out.slice(n.end)}`
  return out.replace(/\s+/g, ' ').trim()
}

const slots = Array.from({ length: MAX_LOCKS }, (_, j) => j)
const any = (f: (j: number) => string) => slots.map(f).join(' || ')

function scalarLike(t: CType): boolean {
  return t.kind === 'scalar' || t.kind === 'pointer'
}

const isFloat = (t: CType): boolean => t.kind === 'scalar' && t.float === true

/**
 * How a call's scalar argument is logged: a pointer by object and offset, a float by its bits (a
 * `(long long)` conversion would make sin(0.2) and sin(0.1) the same call), an integer as itself.
 */
function loggedArg(t: CType, a: string): string {
  if (t.kind === 'pointer') return `klp_abs((const void *)${a}, v)`
  if (isFloat(t)) return `klp_fbits((double)${a})`
  return scalarLike(t) ? `(long long)${a}` : '0'
}

/** The data of a stub's kind: the model's expressions (validated, arguments renamed), or a free answer. */
function kindView(s: ExternalStub, R: string, isVoid: boolean): Pick<StubView, 'retExpr' | 'alloc' | 'free' | 'lock' | 'copyIn' | 'copyOut' | 'log' | 'bug' | 'generic'> {
  const { fn, model } = s
  const sig = fn.signature
  const arg = (field: keyof ModelSpec, dflt: string) => argExpr(String(model![field] ?? dflt), fn.name, sig.params.length, `model ${field}`)
  const none = { retExpr: `(${R})0`, alloc: null, free: null, lock: null, copyIn: null, copyOut: null, log: false, bug: null, generic: null }
  switch (model?.kind) {
    case 'alloc':
      return { ...none, retExpr: `(${R})p`, alloc: { size: arg('size', 'arg0'), zero: Boolean(model.zero) } }
    case 'free':
      return { ...none, free: { ptr: arg('ptr', 'arg0') } }
    case 'lock':
    case 'unlock': {
      const id = `klp_abs((const void *)(${arg('lock', 'arg0')}), v)`
      return { ...none, lock: { take: model.kind === 'lock', id, held: `(${any(j => `klp_held[v][${j}] == id`)})`, anyFree: any(j => `klp_held[v][${j}] == 0`), slots } }
    }
    case 'copy-in': {
      const size = arg('size', 'arg2')
      return { ...none, retExpr: `(${R})left`, copyIn: { size, to: arg('to', 'arg0') } }
    }
    case 'copy-out': {
      const size = arg('size', 'arg2')
      return { ...none, retExpr: 'left', copyOut: { size, from: arg('from', 'arg1') } }
    }
    case 'log':
      return { ...none, log: true }
    case 'warn':
      // a void WARN answers nothing: its value is never pasted
      return { ...none, retExpr: isVoid ? '' : `(${R})(${arg('value', 'arg0')})`, log: true }
    case 'bug':
      return { ...none, bug: { value: model.value ? arg('value', model.value) : null } }
    default:
      return { ...none, retExpr: 'r', generic: genericView(s) }
  }
}

/** An uninterpreted function: a free answer, replayed for a matching call, and its out-parameter writes. */
function genericView(s: ExternalStub): NonNullable<StubView['generic']> {
  const sig = s.fn.signature
  const f = s.fn.name
  const rt = sig.returnType
  // a pointer answer is NULL or a fresh object, never a wild pointer (`void *` or an incomplete
  // type: OPAQUE_BYTES, as sizeof cannot say); a matched call's object starts with the bytes the
  // old call's object had when it was returned (the same answer), as alloc models do
  const fresh = rt.kind === 'pointer' && rt.to.kind !== 'function' ? { size: rt.to.kind === 'opaque' ? String(OPAQUE_BYTES) : 'sizeof(*r)' } : null
  const writes = (s.writes ?? []).map(w => {
    if (!Number.isInteger(w.arg) || w.arg < 0 || w.arg >= sig.params.length) {
      throw new ConfigError(`${f}(): writes arg ${w.arg}, but ${f}() takes ${sig.params.length} argument${sig.params.length === 1 ? '' : 's'}`, { hint: 'externals.<fn>.writes.arg counts the arguments from 0' })
    }
    return { fn: f, arg: w.arg, size: argExpr(w.size, f, sig.params.length, 'writes size'), blob: writeBytes(w.size), limit: LIMIT.outParam }
  })
  const args = snapshotArgs(s).map(j => argSnapshot(j, (sig.params[j]!.type as Extract<CType, { kind: 'pointer' }>).to))
  const snap = args.length ? { total: snapshotBytes(s), args } : null
  return { fresh, nullAnswer: fresh === null && rt.kind === 'pointer', writes, snap }
}

function stubView(s: ExternalStub, i: number, size: WorldSize): StubView {
  const { fn, model } = s
  const sig = fn.signature
  const f = fn.name
  const T = (j: number) => `klp_x_${f}_p${j}_t`
  const R = `klp_x_${f}_r_t`
  const isVoid = sig.returnType.kind === 'opaque' && sig.returnType.text === 'void'
  const params = [...sig.params.map((_, j) => `${T(j)} klp_a${j}`), ...(sig.variadic ? ['...'] : [])]
  return {
    name: f, calls: WORLD.calls(f), answers: WORLD.answers(f), callLog: LOG, index: i, what: model ? `model ${model.kind}` : 'uninterpreted external function',
    typedefs: [...sig.params.map((p, j) => `typedef ${p.typedefText.replace(TYPE_NAME, T(j))};`), `typedef ${sig.returnTypedef.replace(TYPE_NAME, R)};`],
    R, void: isVoid, params: params.length ? params.join(', ') : 'void',
    args: sig.params.map((p, j) => loggedArg(p.type, `klp_a${j}`)),
    slot: size.slot[i]!, limits: { calls: size.calls[i]!, seq: size.seq }, limitCalls: LIMIT.calls, limitLocks: LIMIT.locks,
    logRet: scalarLike(sig.returnType), ptrRet: sig.returnType.kind === 'pointer', floatRet: isFloat(sig.returnType),
    ...kindView(s, R, isVoid),
  }
}

/** The world of a harness, sized to what the function's calls can do (model/world.ts worldSize). */
export function planExternals(stubs: readonly ExternalStub[], native = false): ExternalsPlan {
  const size = worldSize(stubs)
  const views = stubs.map((s, i) => stubView(s, i, size))
  const hasLocks = views.some(v => v.lock !== null)
  return {
    runtime: stubs.length
      ? { callLog: LOG, seq: size.seq, maxArgs: Math.max(1, ...stubs.map(s => s.fn.signature.params.length)), dyn: Math.max(1, size.dynamic.length), locks: MAX_LOCKS }
      : null,
    dynamic: size.dynamic,
    stubs: views,
    lockBalance: hasLocks
      ? ([[0, 'klp_old_lock_balance'], [1, 'klp_new_lock_balance']] as const).map(([v, name]) => ({
        name, v,
        // locks the caller holds (spec `held:`, like __must_hold) may stay held, and must
        rows: slots.map(j => ({ j, entryHas: `(${any(i => `klp_entry_held[${v}][${i}] == klp_held[${v}][${j}]`)})`, anyHolds: any(i => `klp_held[${v}][${i}] == klp_entry_held[${v}][${j}]`) })),
      }))
      : [],
    unwindset: views.flatMap(v => (v.generic?.writes ?? []).map((w, n) => ({ loop: `${v.name}.${n}`, bound: w.blob + 1 }))),
    names: stubs.map(s => s.fn.name),
    hasLocks,
    native,
  }
}

export type { ModelSpec }
