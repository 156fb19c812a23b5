/**
 * Plan an equivalence harness: the planned proof's input and observable nodes, the world, and the
 * claims of the mode, as the view templates/harness.c.hbs and its partials print.
 * Pure: FunctionPair + PlannedProof + mode → the template's view and the harness's descriptor facts.
 */
import type { FunctionPair } from '../extract/types.js'
import { ENTRY, ENTRY_DESCRIPTION, MARK, MAX_LOCKS, OPAQUE_BYTES, VAR } from '../model/names.js'
import { inputInfos } from '../model/inputs.js'
import { containerNotes } from '../model/containers.js'
import { isVoid, unparen } from '../model/inputs-ctype.js'
import { observableInfo, type ObservableNode } from '../model/observables.js'
import type { InputInfo, ObservableInfo, ObservableKind, PlannedProof } from '../model/types.js'
import { compareLoops, compareView, type CompareView } from './comparisons.js'
import { planExternals, type ExternalsPlan } from './externals.js'
import { withOutput, type PlanWithOutput } from './output.js'
import { inputsView, type InputsView } from './inputs.js'
import type { HarnessMode } from '../model/types.js'

export interface HarnessPlan {
  readonly inputs: InputsView
  /**
   * Bytes behind each opaque pointer parameter (`void *ctx`): each version has its own, starting with
   * the same nondeterministic bytes (klp_opaque_<old|new>[slot]).
   */
  readonly opaqueBytes: number
  readonly world: PlanWithOutput<ExternalsPlan> & { readonly rcu: boolean }
  readonly newEntry: string
  readonly protoParams: string
  readonly atEntry: EntryView
  readonly claims: ClaimsView
  /** Each version's run (null: it does not run in this mode), then its lock-balance check. */
  readonly run: { readonly old: RunView | null; readonly new: RunView | null }
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

/** After the entry state: held locks, assumptions, the entry marker. */
export interface EntryView {
  readonly held: readonly { readonly old: string; readonly new: string; readonly others: readonly number[] }[]
  readonly assumes: readonly string[]
  /** The KLP_ENTRY description, or null: a comment in its place keeps the lines aligned. */
  readonly marker: string | null
}

export interface RunView {
  readonly v: 0 | 1
  /** With a world: `klp_cur` says which version runs. */
  readonly world: boolean
  /** `klp_ret_t klp_ret_<old|new> = `, or empty for a void function. */
  readonly ret: string
  readonly call: string
  readonly lockBalance: string | null
}

export interface PlanInput {
  readonly pair: FunctionPair
  readonly planned: PlannedProof
  readonly mode: HarnessMode
  /** Render for a native replay (gcc): nondeterministic declarations get KLP_NONDET(x). */
  readonly native?: boolean
}

/**
 * The claims of the mode: each claim's klp_w_<i> (at entry, or, for claims about the world, once
 * the old version has run and its answers are known), and what the mode assumes of them.
 */
export interface ClaimsView {
  readonly late: boolean
  readonly list: readonly { readonly i: number; readonly when: string }[]
  /** Conditions assumed at entry, and after the old run (claims about the world); null: none. */
  readonly entryAssume: string | null
  readonly lateAssume: string | null
}

function claimsView(opts: Pick<PlannedProof, 'claims'>, mode: HarnessMode): ClaimsView {
  const late = opts.claims.some(c => c.world) && mode.kind !== 'safety'
  const notAll = (pred: (i: number) => boolean) => opts.claims.map((_, i) => (pred(i) ? `!klp_w_${i}` : '')).filter(Boolean)
  let conds: string[] = []
  if (mode.kind === 'equiv') conds = notAll(() => true)
  else if (mode.kind === 'claim') conds = [`klp_w_${mode.claim}`]
  else if (opts.claims.some(c => c.world)) {
    // safety runs cannot wait for the world's answers: they check every input
  } else if (mode.restrict === 'outside-safety-claims') conds = notAll(i => opts.claims[i]!.differs.includes('safety'))
  else if (typeof mode.restrict === 'object') conds = [`klp_w_${mode.restrict.claim}`]
  const assume = conds.length ? conds.join(' && ') : null
  return { late, list: opts.claims.map((c, i) => ({ i, when: c.when })), entryAssume: late ? null : assume, lateAssume: late ? assume : null }
}

/** The entry part: held locks (with a world), the assumptions and the entry marker. */
function entryPart(p: PlannedProof, mode: HarnessMode, native: boolean): { view: EntryView; assumptions: string[]; planted: string[] } {
  const held = p.world.stubs.length ? p.held.slice(0, MAX_LOCKS) : []
  const assumes = p.assumptions.map(a => a.c)
  // the entry state these assumptions allow must exist (FAILURE = reachable); the claims' own
  // assumptions come after it. Every mode starts from this same entry state, so one run asks: the
  // new version's safety run (always run, never restricted by a claim). The marker costs a solver
  // call (~16% of an equivalence run's solving), and elsewhere it would make every kept cbmc
  // command end "VERIFICATION FAILED". Not in a native replay, where it would report a failure: a
  // comment keeps the lines of all texts aligned (the replay matches trace steps by line).
  const marker = !native && mode.kind === 'safety' && mode.version === 'new' && mode.restrict === 'all' ? ENTRY_DESCRIPTION : null
  return {
    view: {
      // a lock the caller holds exists, and no lock is held twice
      held: held.map((h, i) => ({ old: h.old, new: h.new, others: held.slice(0, i).map((_, j) => j) })),
      // after the entry state: an assumption may read through pointer parameters and globals
      assumes,
      marker,
    },
    assumptions: [...held.map(h => `held ${unparen(h.old)}`), ...assumes.map(unparen)],
    planted: marker ? [marker] : [],
  }
}

/** The compare section: one property per observable, then the claim's REACH and THEN. */
function comparePart(nodes: readonly ObservableNode[], opts: Pick<PlannedProof, 'claims'>, mode: HarnessMode): { compare: HarnessPlan['compare']; planted: string[] } {
  const allowed = (k: ObservableKind) => {
    const ws = opts.claims.map((c, i) => (c.differs.includes(k) ? `klp_w_${i}` : '')).filter(Boolean)
    return ws.length ? ws.join(' || ') : '0'
  }
  const observables = nodes.map(n => compareView(n, allowed))
  const checks: { cond: string; desc: string }[] = []
  if (mode.kind === 'claim') {
    const c = opts.claims[mode.claim]!
    const inClaim = nodes.filter(n => c.differs.includes(n.kind)).map(n => VAR.same(n.index))
    if (inClaim.length) checks.push({ cond: inClaim.join(' && '), desc: `${MARK.reach} ${mode.claim} ${c.id}` })
    if (c.then) checks.push({ cond: c.then, desc: `${MARK.then} ${mode.claim} ${c.id}` })
  }
  const planted = [...observables.map(o => o.desc), ...checks.map(c => c.desc)]
  return { compare: planted.length ? { observables, checks } : null, planted }
}

export function planHarness({ pair, planned, mode, native = false }: PlanInput): HarnessPlan {
  const sig = pair.signature
  const model = planned.nodes.inputs
  const { maxSize, initGlobals } = planned.inputs
  const runsOld = !(mode.kind === 'safety' && mode.version === 'new')
  const runsNew = !(mode.kind === 'safety' && mode.version === 'old')
  const nodes = runsOld && runsNew ? planned.nodes.observables : []
  const ext = withOutput(planExternals(planned.world.stubs, native), planned.world.stubs)
  const entry = entryPart(planned, mode, native)
  const cmp = runsOld && runsNew ? comparePart(nodes, planned, mode) : { compare: null, planted: [] }
  const buffers = model.params.flatMap(p => (p.kind === 'buffer' ? [p] : []))
  const world = ext.names.length > 0
  const run = (v: 'old' | 'new', args: string[]): RunView => ({
    v: v === 'old' ? 0 : 1, world, ret: isVoid(sig.returnType) ? '' : `klp_ret_t ${v === 'old' ? VAR.retOld : VAR.retNew} = `,
    call: `${pair[v].entry}(${args.join(', ')})`, lockBalance: ext.hasLocks ? `klp_${v}_lock_balance` : null,
  })
  const loops = [...buffers.flatMap(p => [p.copy.old.loop, p.copy.new.loop]), ...compareLoops(nodes)].sort((a, b) => a.id - b.id)
  return {
    inputs: inputsView(model, sig),
    opaqueBytes: OPAQUE_BYTES,
    world: { ...ext, rcu: world },
    newEntry: pair.new.entry,
    protoParams: sig.params.length ? sig.params.map((_, i) => `klp_p${i}_t`).join(', ') : 'void',
    atEntry: entry.view,
    claims: claimsView(planned, mode),
    run: {
      old: runsOld ? run('old', sig.params.map(p => p.name)) : null,
      new: runsNew ? run('new', sig.params.map(p => (p.type.kind === 'pointer' ? VAR.newParam(p.name) : p.name))) : null,
    },
    compare: cmp.compare,
    unwindset: [...loops.map(l => ({ loop: `${ENTRY}.${l.id}`, bound: l.bound })), ...ext.unwindset],
    observables: nodes.map(observableInfo),
    inputInfos: inputInfos(model),
    bounds: [
      ...buffers.map(p => `0 <= ${p.shown} <= ${maxSize} (elements of ${p.name})`),
      ...(initGlobals ? ['globals start from their initializers (--init-globals)'] : []),
      ...containerNotes(pair),
    ],
    planted: [...entry.planted, ...cmp.planted],
    entryAssumptions: [...buffers.map(p => `0 <= ${p.shown} <= ${maxSize} (buffer ${p.name})`), ...entry.assumptions],
  }
}
