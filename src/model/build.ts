/**
 * Build the proof model of one function pair from what the user asked (pure): the inputs' shape,
 * the entry assumptions, the claims (source and harness C together), the held locks, the world and
 * the modes the proof runs. exprList() and buildProofModel() share one order of expressions: the
 * list gcc -E expands is read back in the same order here, and nowhere else.
 */
import { UsageError } from '../errors.js'
import { rewriteExpr } from '../extract/expr.js'
import { HINT_BUFFER, HINT_ENTRY, HINT_EXIT, HINT_HELD, buildClaim, checkSource, exprEnvs, worldRefs, type PairFacts } from './claims.js'
import type { Assumption, BufferLength, Claim, EmitterOptions, HeldLock, ModelSpec, ProofMode, ProofModel, ProofRequest } from './types.js'
import { buildWorld, checkExternalNames } from './world.js'

/** How deep pointer fields of input objects get their own objects. */
export const POINTER_DEPTH = 1

/**
 * Expressions to macro-expand, in a fixed order: assumes, buffer sizes, WHENs, THENs (`1` for a
 * claim without THEN). Each is checked as written first (validate-expr.ts checkRawExpr): nothing the
 * preprocessor would act on or hide (a comment, `#`, `_Pragma`, a backslash, a string) gets to it;
 * the expansion is checked in full by buildProofModel.
 */
export function exprList(req: ProofRequest): string[] {
  for (const a of req.assumes) checkSource(a, `--assume '${a}'`, HINT_ENTRY, 'assumptions')
  for (const [p, len] of Object.entries(req.buffers)) checkSource(len, `--buffer ${p}:${len}`, HINT_BUFFER, 'buffer lengths')
  for (const c of req.claims) {
    checkSource(c.when, `WHEN of claim ${c.id} ('${c.when}')`, HINT_ENTRY)
    if (c.then !== undefined) checkSource(c.then, `THEN of claim ${c.id} ('${c.then}')`, HINT_EXIT)
  }
  return [
    ...req.assumes,
    ...Object.values(req.buffers),
    ...req.claims.map(c => worldRefs(c.when)),
    ...req.claims.map(c => worldRefs(c.then ?? '1')),
  ]
}

/** --nullable and --buffer name pointer parameters; a variadic function cannot be called by the harness. */
export function checkParams(pair: PairFacts, req: Pick<ProofRequest, 'nullable' | 'buffers'>): void {
  const sig = pair.signature
  const params = new Map(sig.params.map(p => [p.name, p]))
  const known = { hint: `parameters: ${sig.params.map(x => x.name).join(', ') || 'none'}` }
  for (const n of req.nullable) {
    const p = params.get(n)
    if (!p) throw new UsageError(`--nullable ${n}: ${pair.func}() has no parameter ${n}`, known)
    if (p.type.kind !== 'pointer') throw new UsageError(`--nullable ${n}: parameter ${n} is not a pointer`, { hint: 'only pointer parameters can be NULL' })
  }
  for (const n of Object.keys(req.buffers)) {
    const p = params.get(n)
    if (!p) throw new UsageError(`--buffer ${n}:…: ${pair.func}() has no parameter ${n}`, known)
    if (p.type.kind !== 'pointer' || p.type.to.kind === 'function') throw new UsageError(`--buffer ${n}:…: parameter ${n} is not a data pointer`, { hint: 'give --buffer PARAM:LEN for a pointer parameter' })
  }
  if (sig.variadic) throw new UsageError(`${pair.func}() is variadic, which klp-verify does not support`, { hint: 'prove a non-variadic caller or wrapper instead' })
}

/** Modes to run for a proof: equivalence, one per claim, and memory safety per version. */
export function proofModes(claims: readonly Pick<Claim, 'differs' | 'world'>[]): ProofMode[] {
  const modes: ProofMode[] = [{ kind: 'equiv' }]
  claims.forEach((_, i) => modes.push({ kind: 'claim', claim: i }))
  // a claim about the world's answers cannot restrict a one-version safety run: leave it out (its
  // fixed violations then count as unintended, the conservative side)
  const safetyClaims = claims.map((c, i) => (c.differs.includes('safety') && !c.world ? i : -1)).filter(i => i >= 0)
  modes.push({ kind: 'safety', version: 'old', restrict: safetyClaims.length ? 'outside-safety-claims' : 'all' })
  for (const i of safetyClaims) modes.push({ kind: 'safety', version: 'old', restrict: { claim: i } })
  modes.push({ kind: 'safety', version: 'new', restrict: 'all' })
  return modes
}

/**
 * The proof model of a pair extracted with exprList(req) expanded. Errors name what the user wrote:
 * a name that is not a parameter, global or constant, `@f(k)` about a function the code does not
 * call, a model or `writes:` expression beyond the callee's arguments.
 */
export async function buildProofModel(pair: PairFacts, req: ProofRequest, models: ReadonlyMap<string, ModelSpec> = new Map()): Promise<ProofModel> {
  checkParams(pair, req)
  const envs = exprEnvs(pair)
  const oldX = pair.expanded.oldExprs
  const newX = pair.expanded.newExprs
  let k = 0
  const assumptions: Assumption[] = []
  for (const a of req.assumes) {
    assumptions.push({ source: a, c: await rewriteExpr(oldX[k++]!, envs.entry, { what: `--assume '${a}'`, hint: HINT_ENTRY, noun: 'assumptions' }) })
  }
  const buffers: BufferLength[] = []
  for (const [param, len] of Object.entries(req.buffers)) {
    buffers.push({ param, source: len, c: await rewriteExpr(oldX[k++]!, envs.lengths, { what: `--buffer ${param}:${len}`, hint: HINT_BUFFER, noun: 'buffer lengths' }) })
  }
  const claims: Claim[] = []
  for (const [i, c] of req.claims.entries()) {
    claims.push(await buildClaim(c, oldX[k + i]!, newX[k + req.claims.length + i]!, pair, envs))
  }
  checkExternalNames(pair, Object.keys(req.externals))
  // locks the caller holds: the same lock in each version's copy of the entry state
  const held: HeldLock[] = []
  for (const h of req.held) {
    const what = { what: `held: '${h}'`, hint: HINT_HELD, noun: 'held locks' }
    held.push({ source: h, old: await rewriteExpr(h, envs.entry, what), new: await rewriteExpr(h, envs.entryNew, what) })
  }
  const world = buildWorld(pair, req.externals, models)
  return {
    func: pair.func,
    inputs: { buffers, nullable: req.nullable, maxSize: req.maxSize, initGlobals: req.initGlobals, pointerDepth: POINTER_DEPTH },
    assumptions, claims, held, world, modes: proofModes(claims),
  }
}

/** A flat view of the model: harness C only, sources dropped except on claims (the emitter reads the PlannedProof itself). */
export function emitterOptions(m: ProofModel): EmitterOptions {
  return {
    buffers: Object.fromEntries(m.inputs.buffers.map(b => [b.param, b.c])),
    nullable: m.inputs.nullable,
    maxSize: m.inputs.maxSize,
    assumes: m.assumptions.map(a => a.c),
    claims: m.claims,
    initGlobals: m.inputs.initGlobals,
    pointerDepth: m.inputs.pointerDepth,
    externals: m.world.stubs,
    ...(m.held.length ? { held: m.held.map(h => ({ old: h.old, new: h.new })) } : {}),
  }
}
