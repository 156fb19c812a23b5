/**
 * Plan an equivalence harness: the input and observable models of the pair, the world, and the
 * claims of the mode, as the view templates/harness.c.hbs and its partials print.
 * Pure: FunctionPair + options + mode → the template's view and the harness's descriptor facts.
 */
import type { FunctionPair } from '../extract/types.js'
import { DYN_BASE, ENTRY, ENTRY_DESCRIPTION, MARK, MAX_LOCKS } from '../model/names.js'
import { inputInfos, planInputs, type InputsModel } from '../model/inputs.js'
import { isVoid, unparen } from '../model/inputs-ctype.js'
import { observableInfo, planObservables, type ObservableNode } from '../model/observables.js'
import type { InputInfo, ObservableInfo, ObservableKind } from '../model/types.js'
import { compareLoops, compareView, type CompareView } from './comparisons.js'
import { planExternals, type ExternalsPlan } from './externals.js'
import { inputsView, type InputsView } from './inputs.js'
import type { HarnessMode } from '../model/types.js'
import type { HarnessOptions } from './types.js'


export interface HarnessPlan {
  readonly inputs: InputsView
  readonly world: ExternalsPlan & { readonly dynamic: readonly { slot: number; id: number }[]; readonly rcu: boolean }
  readonly newEntry: string
  readonly protoParams: string
  readonly atEntry: EntryView
  readonly callOld: string | null
  readonly callNew: string | null
  /** Statements right after each call (e.g. the lock-balance check). */
  readonly afterOld: readonly string[]
  readonly afterNew: readonly string[]
  /** null when the harness compares nothing (one version runs, or nothing to compare). */
  readonly compare: { readonly observables: readonly CompareView[]; readonly checks: readonly { cond: string; desc: string }[] } | null
  readonly unwindset: readonly { loop: string; bound: number }[]
  readonly observables: readonly ObservableInfo[]
  readonly inputInfos: readonly InputInfo[]
  readonly bounds: readonly string[]
  /** Descriptions of the planted properties (see Harness.planted). */
  readonly planted: readonly string[]
  readonly entryAssumptions: readonly string[]
}

/** After the entry state: held locks, assumptions, the entry marker, the claims decided at entry. */
export interface EntryView {
  readonly held: readonly { readonly old: string; readonly new: string; readonly others: readonly number[] }[]
  readonly assumes: readonly string[]
  /** The KLP_ENTRY description, or null: a comment in its place keeps the lines aligned. */
  readonly marker: string | null
  readonly claims: readonly string[]
}

export interface PlanInput {
  readonly pair: FunctionPair
  readonly opts: HarnessOptions
  readonly mode: HarnessMode
}

/** The input model for these options: stubs found by what they stand behind. */
export function inputsModel(pair: FunctionPair, opts: HarnessOptions): InputsModel {
  const callbacks: Record<string, string> = {}
  for (const e of opts.externals ?? []) {
    if (e.fn.callbackOf !== undefined && !Object.hasOwn(callbacks, e.fn.callbackOf)) callbacks[e.fn.callbackOf] = e.fn.name
  }
  return planInputs(pair, { ...opts, callbacks })
}

/** The claim code: each claim's klp_w_<i>, and what the mode assumes of them. */
function claimCode(opts: HarnessOptions, mode: HarnessMode): { atEntry: string[]; afterOld: string[] } {
  // claims about the world are decided once the old version has run (its answers are known)
  const late = opts.claims.some(c => c.world) && mode.kind !== 'safety'
  const atEntry: string[] = late ? opts.claims.map((_, i) => `_Bool klp_w_${i};`) : []
  const code: string[] = late ? [] : atEntry
  opts.claims.forEach((c, i) => code.push(late ? `klp_w_${i} = (${c.when});` : `_Bool klp_w_${i} = (${c.when});`))
  const notAll = (pred: (i: number) => boolean) => opts.claims.map((_, i) => (pred(i) ? `!klp_w_${i}` : '')).filter(Boolean)
  const assume = (conds: string[], into: string[]) => {
    if (conds.length) into.push(`__CPROVER_assume(${conds.join(' && ')});`)
  }
  if (mode.kind === 'equiv') assume(notAll(() => true), code)
  else if (mode.kind === 'claim') assume([`klp_w_${mode.claim}`], code)
  else if (opts.claims.some(c => c.world)) {
    // safety runs cannot wait for the world's answers: they check every input
  } else if (mode.restrict === 'outside-safety-claims') assume(notAll(i => opts.claims[i]!.differs.includes('safety')), atEntry)
  else if (typeof mode.restrict === 'object') assume([`klp_w_${mode.restrict.claim}`], atEntry)
  return { atEntry, afterOld: late ? code : [] }
}

/** The entry part: held locks (with a world), assumptions, the entry marker, and claims at entry. */
function entryPart(opts: HarnessOptions, mode: HarnessMode, claims: string[]): { view: EntryView; assumptions: string[]; planted: string[] } {
  const held = (opts.externals ?? []).length ? (opts.held ?? []).slice(0, MAX_LOCKS) : []
  // the entry state these assumptions allow must exist (FAILURE = reachable); the claims' own
  // assumptions come after it. Every mode starts from this same entry state, so one run asks: the
  // new version's safety run (always run, never restricted by a claim). The marker costs a solver
  // call (~16% of an equivalence run's solving), and elsewhere it would make every kept cbmc
  // command end "VERIFICATION FAILED". Not in a native replay, where it would report a failure: a
  // comment keeps the lines of all texts aligned (the replay matches trace steps by line).
  const marker = !opts.native && mode.kind === 'safety' && mode.version === 'new' && mode.restrict === 'all' ? ENTRY_DESCRIPTION : null
  return {
    view: {
      // a lock the caller holds exists, and no lock is held twice
      held: held.map((h, i) => ({ old: h.old, new: h.new, others: held.slice(0, i).map((_, j) => j) })),
      // after the entry state: an assumption may read through pointer parameters and globals
      assumes: [...opts.assumes],
      marker,
      claims,
    },
    assumptions: [...held.map(h => `held ${unparen(h.old)}`), ...opts.assumes.map(unparen)],
    planted: marker ? [marker] : [],
  }
}

/** The compare section: one property per observable, then the claim's REACH and THEN. */
function comparePart(nodes: readonly ObservableNode[], opts: HarnessOptions, mode: HarnessMode): { compare: HarnessPlan['compare']; planted: string[] } {
  const allowed = (k: ObservableKind) => {
    const ws = opts.claims.map((c, i) => (c.differs.includes(k) ? `klp_w_${i}` : '')).filter(Boolean)
    return ws.length ? ws.join(' || ') : '0'
  }
  const observables = nodes.map(n => compareView(n, allowed))
  const checks: { cond: string; desc: string }[] = []
  if (mode.kind === 'claim') {
    const c = opts.claims[mode.claim]!
    const inClaim = nodes.filter(n => c.differs.includes(n.kind)).map(n => `klp_same_${n.index}`)
    if (inClaim.length) checks.push({ cond: inClaim.join(' && '), desc: `${MARK.reach} ${mode.claim} ${c.id}` })
    if (c.then) checks.push({ cond: c.then, desc: `${MARK.then} ${mode.claim} ${c.id}` })
  }
  const planted = [...observables.map(o => o.desc), ...checks.map(c => c.desc)]
  return { compare: planted.length ? { observables, checks } : null, planted }
}

export function planHarness({ pair, opts, mode }: PlanInput): HarnessPlan {
  const sig = pair.signature
  const model = inputsModel(pair, opts)
  const runsOld = !(mode.kind === 'safety' && mode.version === 'new')
  const runsNew = !(mode.kind === 'safety' && mode.version === 'old')
  const nodes = runsOld && runsNew ? planObservables(pair, model, opts.externals ?? []) : []
  const ext = planExternals(opts.externals ?? [], opts.native)
  const claims = claimCode(opts, mode)
  const entry = entryPart(opts, mode, claims.atEntry)
  const cmp = runsOld && runsNew ? comparePart(nodes, opts, mode) : { compare: null, planted: [] }
  const buffers = model.params.flatMap(p => (p.kind === 'buffer' ? [p] : []))
  const world = ext.names.length > 0
  const call = (v: 'old' | 'new', args: string[]) =>
    `${world ? `klp_cur = ${v === 'old' ? 0 : 1}; ` : ''}${isVoid(sig.returnType) ? '' : `klp_ret_t klp_ret_${v} = `}${pair[v].entry}(${args.join(', ')});`
  const loops = [...buffers.flatMap(p => [p.copy.old.loop, p.copy.new.loop]), ...compareLoops(nodes)].sort((a, b) => a.id - b.id)
  return {
    inputs: inputsView(model, sig),
    world: { ...ext, dynamic: Array.from({ length: ext.dynamicObjects }, (_, j) => ({ slot: j, id: DYN_BASE + j })), rcu: world },
    newEntry: pair.new.entry,
    protoParams: sig.params.length ? sig.params.map((_, i) => `klp_p${i}_t`).join(', ') : 'void',
    atEntry: entry.view,
    callOld: runsOld ? call('old', sig.params.map(p => p.name)) : null,
    callNew: runsNew ? call('new', sig.params.map(p => (p.type.kind === 'pointer' ? `klp_new_${p.name}` : p.name))) : null,
    afterOld: [...(ext.hasLocks && runsOld ? ['klp_old_lock_balance();'] : []), ...claims.afterOld],
    afterNew: ext.hasLocks && runsNew ? ['klp_new_lock_balance();'] : [],
    compare: cmp.compare,
    unwindset: [...loops.map(l => ({ loop: `${ENTRY}.${l.id}`, bound: l.bound })), ...ext.unwindset],
    observables: nodes.map(observableInfo),
    inputInfos: inputInfos(model),
    bounds: [
      ...buffers.map(p => `0 <= ${p.shown} <= ${opts.maxSize} (elements of ${p.name})`),
      ...(opts.initGlobals ? ['globals start from their initializers (--init-globals)'] : []),
    ],
    planted: [...entry.planted, ...cmp.planted],
    entryAssumptions: [...buffers.map(p => `0 <= ${p.shown} <= ${opts.maxSize} (buffer ${p.name})`), ...entry.assumptions],
  }
}
