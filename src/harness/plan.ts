/**
 * Plan the C code of an equivalence harness: shared nondeterministic inputs copied into
 * per-version objects, the calls, and one comparison property per observable.
 * Pure: FunctionPair + options + mode → the template's view.
 */
import type { CType, FunctionPair } from '../extract/types.js'
import { MARK, ENTRY, ENTRY_DESCRIPTION } from './markers.js'
import { MAX_BLOB, MAX_LOCKS, MAX_SEQ, planExternals } from './externals.js'
import type { ExternalStub, HarnessMode, HarnessOptions, InputInfo, Leaf, ObservableInfo, ObservableKind } from './types.js'
import { planInputs, inputInfos, type InputsModel, type Segment } from '../model/inputs.js'
import { UNROLL, isVoid, typeName, unparen } from '../model/inputs-ctype.js'
import { inputsView, lvalue, type InputsView } from './inputs.js'

export { typeName, unparen }

export interface HarnessPlan {
  readonly inputs: InputsView
  readonly world: { readonly runtime: readonly string[]; readonly stubs: readonly string[]; readonly dynamic: readonly { slot: number; id: number }[]; readonly rcu: boolean }
  readonly newEntry: string
  readonly protoParams: string
  readonly entryState: readonly string[]
  readonly callOld: string | null
  readonly callNew: string | null
  /** Statements right after each call (e.g. the lock-balance check). */
  readonly afterOld: readonly string[]
  readonly afterNew: readonly string[]
  readonly compare: readonly string[]
  readonly unwindset: readonly { loop: string; bound: number }[]
  readonly observables: readonly ObservableInfo[]
  readonly inputInfos: readonly InputInfo[]
  readonly bounds: readonly string[]
  /** Descriptions of the planted properties (see Harness.planted). */
  readonly planted: readonly string[]
  readonly entryAssumptions: readonly string[]
}

/** Harness variable numbers and loop ids the comparisons take, after the inputs'. */
class Gen {
  constructor(public n: number, public loops: number) {}
  readonly unwindset: { loop: string; bound: number }[] = []
  id(): number {
    return this.n++
  }
  loop(bound: number): void {
    this.unwindset.push({ loop: `${ENTRY}.${this.loops++}`, bound })
  }
}

/** A C boolean expression comparing two values of type t (pointers by object and offset). */
function eqExpr(t: CType, o: string, n: string): string {
  switch (t.kind) {
    case 'scalar':
      return `(${o}) == (${n})`
    case 'pointer':
      return `klp_abs((const void *)(${o}), 0) == klp_abs((const void *)(${n}), 1)`
    case 'record': {
      const parts = t.fields.map(f => eqExpr(f.type, `(${o}).${f.name}`, `(${n}).${f.name}`))
      return parts.length ? parts.map(p => `(${p})`).join(' && ') : '1'
    }
    case 'array':
      if (t.length !== null && t.length <= UNROLL) {
        const parts = Array.from({ length: t.length }, (_, i) => eqExpr(t.of, `(${o})[${i}]`, `(${n})[${i}]`))
        return parts.length ? parts.map(p => `(${p})`).join(' && ') : '1'
      }
      return '1'
    default:
      return '1'
  }
}

interface CompareOut {
  readonly code: string[]
  readonly conds: string[]
  readonly leaves: Leaf[]
  arrayDiff?: ObservableInfo['arrayDiff']
}

/** Leaf-by-leaf comparison code: every leaf value lands in a named variable for the report. */
function compareLeaves(g: Gen, t: CType, o: string, n: string, label: string, out: CompareOut): void {
  switch (t.kind) {
    case 'scalar': {
      const k = g.id()
      out.code.push(`__typeof__((${o}) + 0) klp_o_${k} = (${o});`, `__typeof__((${n}) + 0) klp_n_${k} = (${n});`)
      out.conds.push(`klp_o_${k} == klp_n_${k}`)
      out.leaves.push({ label, oldVar: `klp_o_${k}`, newVar: `klp_n_${k}` })
      return
    }
    case 'pointer': {
      const k = g.id()
      out.code.push(`long long klp_o_${k} = klp_abs((const void *)(${o}), 0);`, `long long klp_n_${k} = klp_abs((const void *)(${n}), 1);`)
      out.conds.push(`klp_o_${k} == klp_n_${k}`)
      out.leaves.push({ label: `${label} (pointer)`, oldVar: `klp_o_${k}`, newVar: `klp_n_${k}` })
      return
    }
    case 'record':
      for (const f of t.fields) compareLeaves(g, f.type, `(${o}).${f.name}`, `(${n}).${f.name}`, label.endsWith('->') ? `${label}${f.name}` : `${label}.${f.name}`, out)
      return
    case 'array': {
      if (t.length === null) return
      if (t.length <= UNROLL) {
        for (let i = 0; i < t.length; i++) compareLeaves(g, t.of, `(${o})[${i}]`, `(${n})[${i}]`, `${label}[${i}]`, out)
        return
      }
      arrayLoop(g, t.of, o, n, String(t.length), t.length, label, out)
      return
    }
    default:
      return
  }
}

function arrayLoop(g: Gen, elem: CType, o: string, n: string, count: string, bound: number, label: string, out: CompareOut): void {
  const k = g.id()
  const i = `klp_i_${k}`
  out.code.push(
    `_Bool klp_eq_${k} = 1; unsigned long klp_di_${k} = 0;`,
    `for (unsigned long ${i} = 0; ${i} < (unsigned long)(${count}); ${i}++) if (!(${eqExpr(elem, `(${o})[${i}]`, `(${n})[${i}]`)})) { if (klp_eq_${k}) klp_di_${k} = ${i}; klp_eq_${k} = 0; }`,
  )
  g.loop(bound + 1)
  out.conds.push(`klp_eq_${k}`)
  if (elem.kind === 'scalar') {
    out.code.push(
      `__typeof__((${o})[0] + 0) klp_o_${k} = klp_eq_${k} ? 0 : (${o})[klp_di_${k}];`,
      `__typeof__((${n})[0] + 0) klp_n_${k} = klp_eq_${k} ? 0 : (${n})[klp_di_${k}];`,
    )
    out.arrayDiff = { index: `klp_di_${k}`, oldVar: `klp_o_${k}`, newVar: `klp_n_${k}`, elem: label }
  } else {
    out.arrayDiff = { index: `klp_di_${k}`, oldVar: '', newVar: '', elem: label }
  }
}


export interface PlanInput {
  readonly pair: FunctionPair
  readonly opts: HarnessOptions
  readonly mode: HarnessMode
}

type Pending = { label: string; kind: ObservableKind; emit: () => CompareOut; guard?: string }

function pendingObservables(g: Gen, pair: FunctionPair, m: InputsModel, opts: HarnessOptions): Pending[] {
  const pending: Pending[] = []
  const sig = pair.signature
  const leaves = (t: CType, o: string, n: string, label: string) => () => {
    const out: CompareOut = { code: [], conds: [], leaves: [] }
    compareLeaves(g, t, o, n, label, out)
    return out
  }
  for (const p of m.params) {
    if (p.kind !== 'buffer' && p.kind !== 'object') continue
    const to = (sig.params[p.index]!.type as Extract<CType, { kind: 'pointer' }>).to
    const nv = `klp_new_${p.name}`
    const guard = p.nullable ? `klp_null_${p.name}` : undefined
    if (p.kind === 'buffer') {
      const elem: CType = p.bytes ? { kind: 'scalar', text: 'unsigned char' } : to
      const oCast = p.bytes ? `((const unsigned char *)${p.name})` : p.name
      const nCast = p.bytes ? `((const unsigned char *)${nv})` : nv
      pending.push({
        label: `memory ${p.name}[0..${p.shown})`, kind: 'memory', guard,
        emit: () => {
          const out: CompareOut = { code: [], conds: [], leaves: [] }
          arrayLoop(g, elem, oCast, nCast, `klp_len_${p.name}`, opts.maxSize, `${p.name}[]`, out)
          return out
        },
      })
    }
    if (p.kind === 'object') {
      const d: Segment[] = [{ deref: p.type }]
      pending.push({ label: `memory *${p.name}`, kind: 'memory', guard, emit: leaves(to, lvalue(p.name, d), lvalue(nv, d), to.kind === 'record' ? `${p.name}->` : `*${p.name}`) })
    }
  }
  const oldByName = new Map(pair.old.globals.map(v => [v.name, v]))
  for (const gl of m.globals) {
    if (gl.kind === 'paired') pending.push({ label: gl.label, kind: 'globals', emit: leaves(oldByName.get(gl.name)!.type, gl.oldC, gl.newC, gl.name) })
  }
  return pending
}

/** The loops that copy buffers into each version's objects, in cbmc's numbering. */
function copyLoops(m: InputsModel): { loop: string; bound: number }[] {
  return m.params.flatMap(p => (p.kind === 'buffer' ? [p.copy.old.loop, p.copy.new.loop] : []))
    .sort((a, b) => a.id - b.id).map(l => ({ loop: `${ENTRY}.${l.id}`, bound: l.bound }))
}

export function planHarness({ pair, opts, mode }: PlanInput): HarnessPlan {
  const sig = pair.signature
  const callbacks = Object.fromEntries((opts.externals ?? []).filter(e => e.fn.callbackOf !== undefined).reverse().map(e => [e.fn.callbackOf!, e.fn.name]))
  const model = planInputs(pair, { ...opts, callbacks })
  const g = new Gen(model.nextVar, model.nextLoop)
  const bounds: string[] = []
  const planted: string[] = []
  const entryAssumptions: string[] = []
  const voidRet = isVoid(sig.returnType)
  const argsOld = sig.params.map(p => p.name)
  const argsNew = sig.params.map(p => (p.type.kind === 'pointer' ? `klp_new_${p.name}` : p.name))
  const pending = pendingObservables(g, pair, model, opts)
  const observables: ObservableInfo[] = []
  for (const p of model.params) {
    if (p.kind === 'buffer') {
      entryAssumptions.push(`0 <= ${p.shown} <= ${opts.maxSize} (buffer ${p.name})`)
      bounds.push(`0 <= ${p.shown} <= ${opts.maxSize} (elements of ${p.name})`)
    }
  }
  if (opts.initGlobals) bounds.push('globals start from their initializers (--init-globals)')

  // --- claims at entry
  const entryState: string[] = []
  if ((opts.externals ?? []).length) {
    const held = (opts.held ?? []).slice(0, MAX_LOCKS)
    held.forEach((h, i) => entryState.push(
      `klp_held[0][${i}] = klp_entry_held[0][${i}] = klp_abs((const void *)(${h.old}), 0);`,
      `klp_held[1][${i}] = klp_entry_held[1][${i}] = klp_abs((const void *)(${h.new}), 1);`,
    ))
    // a lock the caller holds exists, and no lock is held twice
    held.forEach((h, i) => {
      const others = held.slice(0, i).map((_, j) => ` && klp_held[0][${i}] != klp_held[0][${j}]`).join('')
      entryState.push(`__CPROVER_assume(klp_held[0][${i}] != 0${others});`)
      entryAssumptions.push(`held ${unparen(h.old)}`)
    })
  }
  // after the entry state: an assumption may read through pointer parameters and globals
  for (const a of opts.assumes) {
    entryState.push(`__CPROVER_assume(${a});`)
    entryAssumptions.push(unparen(a))
  }
  // the entry state these assumptions allow must exist (FAILURE = reachable); the claims' own
  // assumptions come after it. Every mode starts from this same entry state, so one run asks: the
  // new version's safety run (always run, never restricted by a claim). The marker costs a solver
  // call (~16% of an equivalence run's solving), and elsewhere it would make every kept cbmc
  // command end "VERIFICATION FAILED". Not in a native replay, where it would report a failure: a
  // comment keeps the lines of all texts aligned (the replay matches trace steps by line).
  if (!opts.native && mode.kind === 'safety' && mode.version === 'new' && mode.restrict === 'all') {
    entryState.push(`__CPROVER_assert(0, "${ENTRY_DESCRIPTION}");`)
    planted.push(ENTRY_DESCRIPTION)
  } else {
    entryState.push('/* entry reachability marker: the new version\'s cbmc safety run only */')
  }
  // claims about the world are decided once the old version has run (its answers are known)
  const late = opts.claims.some(c => c.world) && mode.kind !== 'safety'
  const claimCode: string[] = late ? [] : entryState
  if (late) opts.claims.forEach((_, i) => entryState.push(`_Bool klp_w_${i};`))
  opts.claims.forEach((c, i) => claimCode.push(late ? `klp_w_${i} = (${c.when});` : `_Bool klp_w_${i} = (${c.when});`))
  const allowed = (k: ObservableKind) => {
    const ws = opts.claims.map((c, i) => (c.differs.includes(k) ? `klp_w_${i}` : '')).filter(Boolean)
    return ws.length ? ws.join(' || ') : '0'
  }
  const notAll = (pred: (i: number) => boolean) => opts.claims.map((_, i) => (pred(i) ? `!klp_w_${i}` : '')).filter(Boolean)
  if (mode.kind === 'equiv') {
    const conds = notAll(() => true)
    if (conds.length) claimCode.push(`__CPROVER_assume(${conds.join(' && ')});`)
  } else if (mode.kind === 'claim') {
    claimCode.push(`__CPROVER_assume(klp_w_${mode.claim});`)
  } else if (opts.claims.some(c => c.world)) {
    // safety runs cannot wait for the world's answers: they check every input
  } else if (mode.restrict === 'outside-safety-claims') {
    const conds = notAll(i => opts.claims[i]!.differs.includes('safety'))
    if (conds.length) entryState.push(`__CPROVER_assume(${conds.join(' && ')});`)
  } else if (typeof mode.restrict === 'object') {
    entryState.push(`__CPROVER_assume(klp_w_${mode.restrict.claim});`)
  }

  const ret = voidRet ? '' : 'klp_ret_t klp_ret_old = '
  const retNew = voidRet ? '' : 'klp_ret_t klp_ret_new = '
  const callOld = mode.kind === 'safety' && mode.version === 'new' ? null : `${ret}${pair.old.entry}(${argsOld.join(', ')});`
  const callNew = mode.kind === 'safety' && mode.version === 'old' ? null : `${retNew}${pair.new.entry}(${argsNew.join(', ')});`

  // --- the world: stubs for external functions, and the sequence of calls as an observable
  const ext = planExternals(opts.externals ?? [], opts.native)
  if (ext.names.length && callOld && callNew) {
    pending.push({
      label: 'calls',
      kind: 'calls',
      emit: () => compareCalls(g, opts.externals!),
    })
  }

  // --- comparisons (only when both versions ran)
  const compare: string[] = []
  if (callOld && callNew) {
    if (!voidRet) {
      pending.unshift({
        label: 'return',
        kind: 'return',
        emit: () => {
          const out: CompareOut = { code: [], conds: [], leaves: [] }
          compareLeaves(g, sig.returnType, 'klp_ret_old', 'klp_ret_new', 'return', out)
          return out
        },
      })
    }
    const eqVars: { kind: ObservableKind; v: string }[] = []
    pending.forEach((p, index) => {
      const out = p.emit()
      const eqv = `klp_same_${index}`
      const cond = out.conds.length ? out.conds.join(' && ') : '1'
      compare.push(...out.code, `_Bool ${eqv} = ${p.guard ? `${p.guard} || ` : ''}(${cond});`)
      const eqDesc = `${MARK.eq} ${index} ${p.label.replace(/"/g, "'")}`
      compare.push(`__CPROVER_assert(${allowed(p.kind)} || ${eqv}, "${eqDesc}");`)
      planted.push(eqDesc)
      eqVars.push({ kind: p.kind, v: eqv })
      observables.push({
        index, kind: p.kind, label: p.label, leaves: out.leaves, arrayDiff: out.arrayDiff,
        ...(p.kind === 'calls' ? { calls: callsInfo(opts.externals ?? [], model.objects.map(o => o.label)) } : {}),
      })
    })
    if (mode.kind === 'claim') {
      const c = opts.claims[mode.claim]!
      const inClaim = eqVars.filter(e => c.differs.includes(e.kind)).map(e => e.v)
      if (inClaim.length) {
        compare.push(`__CPROVER_assert(${inClaim.join(' && ')}, "${MARK.reach} ${mode.claim} ${c.id}");`)
        planted.push(`${MARK.reach} ${mode.claim} ${c.id}`)
      }
      if (c.then) {
        compare.push(`__CPROVER_assert(${c.then}, "${MARK.then} ${mode.claim} ${c.id}");`)
        planted.push(`${MARK.then} ${mode.claim} ${c.id}`)
      }
    }
  }

  const world = ext.names.length > 0
  const afterOld = [...(ext.hasLocks && callOld ? ['klp_old_lock_balance();'] : []), ...(late ? claimCode : [])]
  const afterNew = ext.hasLocks && callNew ? ['klp_new_lock_balance();'] : []
  return {
    inputs: inputsView(model, sig),
    world: { runtime: ext.runtime, stubs: ext.stubs, dynamic: Array.from({ length: ext.dynamicObjects }, (_, j) => ({ slot: j, id: DYN_BASE + j })), rcu: ext.runtime.length > 0 },
    newEntry: pair.new.entry,
    protoParams: sig.params.length ? sig.params.map((_, i) => `klp_p${i}_t`).join(', ') : 'void',
    entryState,
    callOld: callOld && world ? `klp_cur = 0; ${callOld}` : callOld,
    callNew: callNew && world ? `klp_cur = 1; ${callNew}` : callNew,
    afterOld, afterNew,
    compare, unwindset: [...copyLoops(model), ...g.unwindset, ...ext.unwindset], observables, inputInfos: inputInfos(model), bounds, planted, entryAssumptions,
  }
}

function callsInfo(stubs: readonly ExternalStub[], objects: readonly string[]): NonNullable<ObservableInfo['calls']> {
  const sigs = stubs.map(s => s.fn.signature)
  return {
    names: stubs.map(s => s.fn.callbackOf ? `${s.fn.callbackOf}` : s.fn.name),
    objects: [...objects],
    pointerArgs: sigs.map(sg => sg.params.map(p => p.type.kind === 'pointer')),
    pointerRet: sigs.map(sg => sg.returnType.kind === 'pointer'),
    voidRet: sigs.map(sg => sg.returnType.kind === 'opaque' && sg.returnType.text === 'void'),
  }
}

/** klp_abs ids of objects the world hands out start here (ids below are input objects). */
export const DYN_BASE = 1000

/**
 * The calls observable: the same number of external calls, and call by call the same callee,
 * the same arguments (pointers as object+offset) and, for copy_to_user-like calls, the same bytes.
 */
function compareCalls(g: Gen, stubs: readonly ExternalStub[]): { code: string[]; conds: string[]; leaves: Leaf[] } {
  const maxArgs = Math.max(1, ...stubs.map(s => s.fn.signature.params.length))
  const k = g.id()
  const q = `klp_q_${k}`, j = `klp_j_${k}`
  const args = Array.from({ length: maxArgs }, (_, a) => `klp_seq_arg[0][${q}][${a}] == klp_seq_arg[1][${q}][${a}]`)
  const code = [
    `_Bool klp_eq_${k} = klp_nseq[0] == klp_nseq[1]; int klp_calls_at = -1;`,
    `for (int ${q} = 0; ${q} < ${MAX_SEQ}; ${q}++) if (${q} < klp_nseq[0] && ${q} < klp_nseq[1] && klp_calls_at < 0) {`,
    `  _Bool same = klp_seq_fn[0][${q}] == klp_seq_fn[1][${q}] && ${args.join(' && ')} && klp_seq_bloblen[0][${q}] == klp_seq_bloblen[1][${q}];`,
    `  for (unsigned long ${j} = 0; ${j} < ${MAX_BLOB}; ${j}++) if (same && ${j} < klp_seq_bloblen[0][${q}] && klp_seq_blob[0][${q}][${j}] != klp_seq_blob[1][${q}][${j}]) same = 0;`,
    `  if (!same) { klp_calls_at = ${q}; klp_eq_${k} = 0; }`,
    '}',
    `if (!klp_eq_${k} && klp_calls_at < 0) klp_calls_at = klp_nseq[0] < klp_nseq[1] ? klp_nseq[0] : klp_nseq[1];`,
  ]
  // loop numbers: cbmc numbers a nested loop before the loop around it; give both the larger bound
  g.loop(MAX_BLOB + 1)
  g.loop(MAX_BLOB + 1)
  return { code, conds: [`klp_eq_${k}`], leaves: [] }
}
