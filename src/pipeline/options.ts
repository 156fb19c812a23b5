/** Turn the user's expressions (claims, assumptions, buffer sizes) into harness C, checking names. */
import { ConfigError, UsageError } from '../errors.js'
import { rewriteExpr, type ExprEnv } from '../extract/expr.js'
import { ARG_EXPR_HINT, argRules, checkExpr, checkRawExpr, shownExpr } from '../extract/validate-expr.js'
import { checkModelExprs } from './models.js'
import type { FunctionPair } from '../extract/types.js'
import type { ExternalStub, HarnessClaim, HarnessOptions, ModelSpec } from '../harness/types.js'
import type { VerifyRequest } from './types.js'

/**
 * Expressions to macro-expand, in a fixed order: assumes, buffer sizes, WHENs, THENs. Each is checked
 * as written first (validate-expr.ts checkRawExpr): nothing the preprocessor would act on or hide
 * (a comment, `#`, `_Pragma`, a backslash, a string) gets to it; the expansion is checked in full
 * by buildHarnessOptions.
 */
export function exprList(req: VerifyRequest): string[] {
  const raw = (text: string, what: string, hint: string, noun = 'claims') => {
    const r = checkRawExpr(text, noun)
    if (!r.ok) throw new UsageError(`${what} ${r.reason}`, { hint })
  }
  for (const a of req.assumes) raw(a, `--assume '${a}'`, HINT_ENTRY, 'assumptions')
  for (const [p, len] of Object.entries(req.buffers)) raw(len, `--buffer ${p}:${len}`, HINT_BUFFER, 'buffer lengths')
  for (const c of req.claims) {
    raw(c.when, `WHEN of claim ${c.id} ('${c.when}')`, HINT_ENTRY)
    if (c.then !== undefined) raw(c.then, `THEN of claim ${c.id} ('${c.then}')`, HINT_EXIT)
  }
  return [
    ...req.assumes,
    ...Object.values(req.buffers),
    ...req.claims.map(c => worldRefs(c.when)),
    ...req.claims.map(c => worldRefs(c.then ?? '1')),
  ]
}

/**
 * Claims about the world: `@blob_fill(1)` is what the first call of blob_fill() returned in the
 * old run (0 if there was no such call). `@` is not C, so this cannot clash with C; it becomes an
 * identifier the preprocessor leaves alone, and then harness C.
 */
export function worldRefs(expr: string): string {
  return expr.replace(/@\s*([A-Za-z_]\w*)\s*\(\s*(\d+)\s*\)/g, (_, f: string, k: string) => `__klp_world_${f}__${k}`)
}

const WORLD = /__klp_world_([A-Za-z_]\w*?)__(\d+)(?!\w)/g

function worldNames(expanded: string, pair: FunctionPair, what: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const m of expanded.matchAll(WORLD)) {
    const [id, f, k] = m as unknown as [string, string, string]
    const ext = pair.externals.externals.find(e => e.name === f)
    if (ext && ext.signature.returnType.kind === 'opaque' && ext.signature.returnType.text === 'void') {
      throw new UsageError(`${what} asks about @${f}(${k}), but ${f}() returns nothing`, { hint: 'ask about a function that returns a value' })
    }
    if (!ext) {
      throw new UsageError(`${what} asks about @${f}(${k}), but ${f}() is not an external function ${pair.func}() calls`, {
        hint: `external functions called: ${pair.externals.externals.map(e => e.name).join(', ') || 'none'}`,
      })
    }
    if (Number(k) < 1) throw new UsageError(`${what}: @${f}(${k}) counts calls from 1`, { hint: `write @${f}(1) for the first call` })
    out.set(id, `(klp_${f}_n[0] >= ${k} ? klp_${f}_ret[0][${Number(k) - 1}] : 0)`)
  }
  return out
}

const HINT_ENTRY = 'use the function parameters and globals (at entry); e.g. --intended \'len > 64 => ret == -EINVAL\''
const HINT_EXIT = 'THEN may use ret (new return value), old_ret, parameters and globals (after the new version returns)'
const HINT_BUFFER = 'the length is an expression over the scalar parameters, e.g. --buffer buf:len'

export async function buildHarnessOptions(pair: FunctionPair, req: VerifyRequest, models: ReadonlyMap<string, ModelSpec> = new Map()): Promise<HarnessOptions> {
  const sig = pair.signature
  const params = new Map(sig.params.map(p => [p.name, p]))
  for (const n of req.nullable) {
    const p = params.get(n)
    if (!p) throw new UsageError(`--nullable ${n}: ${pair.func}() has no parameter ${n}`, { hint: `parameters: ${sig.params.map(x => x.name).join(', ') || 'none'}` })
    if (p.type.kind !== 'pointer') throw new UsageError(`--nullable ${n}: parameter ${n} is not a pointer`, { hint: 'only pointer parameters can be NULL' })
  }
  for (const n of Object.keys(req.buffers)) {
    const p = params.get(n)
    if (!p) throw new UsageError(`--buffer ${n}:…: ${pair.func}() has no parameter ${n}`, { hint: `parameters: ${sig.params.map(x => x.name).join(', ') || 'none'}` })
    if (p.type.kind !== 'pointer' || p.type.to.kind === 'function') throw new UsageError(`--buffer ${n}:…: parameter ${n} is not a data pointer`, { hint: 'give --buffer PARAM:LEN for a pointer parameter' })
  }
  if (sig.variadic) throw new UsageError(`${pair.func}() is variadic, which klp-verify does not support`, { hint: 'prove a non-variadic caller or wrapper instead' })

  const globalsOld = new Map(pair.old.globals.filter(g => !g.staticLocalOf).map(g => [g.name, g.cName]))
  const globalsNew = new Map(pair.new.globals.filter(g => !g.staticLocalOf).map(g => [g.name, g.cName]))
  const scalars = new Map(sig.params.filter(p => p.type.kind !== 'pointer').map(p => [p.name, p.name]))
  const entry: ExprEnv = {
    names: new Map([...globalsOld, ...sig.params.map(p => [p.name, p.name] as const)]),
    keep: pair.old.enumerators,
  }
  const isVoid = sig.returnType.kind === 'opaque' && sig.returnType.text === 'void'
  const exit: ExprEnv = {
    names: new Map<string, string>([
      ...globalsNew,
      ...sig.params.map(p => [p.name, p.type.kind === 'pointer' ? `klp_new_${p.name}` : p.name] as const),
      ...(isVoid ? [] : ([['ret', 'klp_ret_new'], ['old_ret', 'klp_ret_old']] as const)),
    ]),
    keep: pair.new.enumerators,
  }
  const oldX = pair.expanded.oldExprs
  const newX = pair.expanded.newExprs
  let k = 0
  const assumes: string[] = []
  for (const a of req.assumes) {
    assumes.push(await rewriteExpr(oldX[k++]!, entry, { what: `--assume '${a}'`, hint: HINT_ENTRY, noun: 'assumptions' }))
  }
  const buffers: Record<string, string> = {}
  for (const [p, len] of Object.entries(req.buffers)) {
    buffers[p] = await rewriteExpr(oldX[k++]!, { names: scalars, keep: pair.old.enumerators }, {
      what: `--buffer ${p}:${len}`, hint: HINT_BUFFER, noun: 'buffer lengths',
    })
  }
  const claims: HarnessClaim[] = []
  const whenBase = k
  const thenBase = k + req.claims.length
  for (const [i, c] of req.claims.entries()) {
    const whenText = oldX[whenBase + i]!
    const world = worldNames(whenText, pair, `WHEN of claim ${c.id}`)
    const when = await rewriteExpr(whenText, world.size ? { ...entry, names: new Map([...entry.names, ...world]) } : entry, { what: `WHEN of claim ${c.id} ('${c.when}')`, hint: HINT_ENTRY })
    const then = c.then === undefined
      ? undefined
      : await rewriteExpr(newX[thenBase + i]!, exit, { what: `THEN of claim ${c.id} ('${c.then}')`, hint: isVoid ? `${pair.func}() returns void, so there is no ret; ${HINT_EXIT}` : HINT_EXIT })
    claims.push({ id: c.id, when, then, differs: c.differs, ...(world.size ? { world: true } : {}) })
  }
  for (const name of Object.keys(req.externals)) {
    if (!pair.externals.externals.some(e => e.name === name)) {
      throw new UsageError(`externals: ${name} is not an external function ${pair.func}() calls`, {
        hint: `external functions called: ${pair.externals.externals.map(e => e.name).join(', ') || 'none'}`,
      })
    }
  }
  // locks the caller holds: the same lock in each version's copy of the entry state
  const atEntryNew: ExprEnv = {
    names: new Map<string, string>([...globalsNew, ...sig.params.map(p => [p.name, p.type.kind === 'pointer' ? `klp_new_${p.name}` : p.name] as const)]),
    keep: pair.new.enumerators,
  }
  const held: { old: string; new: string }[] = []
  for (const h of req.held) {
    const what = { what: `held: '${h}'`, hint: 'write the lock the caller holds as a pointer expression, e.g. "&o->lock"', noun: 'held locks' }
    held.push({ old: await rewriteExpr(h, entry, what), new: await rewriteExpr(h, atEntryNew, what) })
  }
  // the world's expressions, now that each callee's arity is known: arg0..argN-1 only
  const externals: ExternalStub[] = pair.externals.externals.map(fn => {
    const arity = fn.signature.params.length
    const model = models.get(fn.name)
    if (model) checkModelExprs(fn.name, model, undefined, { arity })
    const writes = req.externals[fn.name]
    for (const w of writes ?? []) {
      const where = `externals: ${fn.name}: writes`
      if (w.arg >= arity) {
        throw new ConfigError(`${where} arg ${w.arg}, but ${fn.name}() takes ${arity} argument${arity === 1 ? '' : 's'}`, { hint: 'writes.arg counts the arguments from 0 (arg: 0 is the first)' })
      }
      const p = fn.signature.params[w.arg]!
      if (p.type.kind !== 'pointer') {
        throw new ConfigError(`${where} arg ${w.arg}, but that argument of ${fn.name}() is not a pointer`, { hint: 'writes.arg names the out-parameter (a pointer) the function writes through' })
      }
      const r = checkExpr(w.size, argRules('sizes', { name: fn.name, arity }))
      if (!r.ok) throw new ConfigError(`${where} size '${shownExpr(w.size)}' ${r.reason}`, { hint: ARG_EXPR_HINT })
    }
    return { fn, model, writes }
  })
  return {
    buffers, nullable: req.nullable, maxSize: req.maxSize, assumes, claims, initGlobals: req.initGlobals, pointerDepth: 1, externals, ...(held.length ? { held } : {}),
  }
}
