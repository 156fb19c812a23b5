/**
 * Plan the C code of an equivalence harness: shared nondeterministic inputs copied into
 * per-version objects, the calls, and one comparison property per observable.
 * Pure: FunctionPair + options + mode → code fragments for the template.
 */
import type { CType, FunctionPair, GlobalVar } from '../extract/types.js'
import { containsPointer } from '../extract/ctypes.js'
import { MARK, ENTRY, ENTRY_DESCRIPTION } from './markers.js'
import { MAX_BLOB, MAX_LOCKS, MAX_SEQ, planExternals } from './externals.js'
import type { ExternalStub, HarnessMode, HarnessOptions, InputInfo, Leaf, ObservableInfo, ObservableKind } from './types.js'

const TYPE_NAME = 'KLP_TYPE_NAME'
/** Arrays up to this length are compared element by element without a loop. */
const UNROLL = 4

export interface HarnessPlan {
  readonly fileScope: readonly string[]
  readonly setup: readonly string[]
  readonly entryState: readonly string[]
  readonly callOld: string | null
  readonly callNew: string | null
  /** Statements right after each call (e.g. the lock-balance check). */
  readonly afterOld: readonly string[]
  readonly afterNew: readonly string[]
  readonly compare: readonly string[]
  readonly unwindset: readonly { loop: string; bound: number }[]
  readonly observables: readonly ObservableInfo[]
  readonly inputs: readonly InputInfo[]
  readonly bounds: readonly string[]
  /** Descriptions of the planted properties (see Harness.planted). */
  readonly planted: readonly string[]
  readonly entryAssumptions: readonly string[]
}

interface Obj {
  readonly oldHandle: string
  readonly newHandle: string
}

class Gen {
  /** Native replay: mark every nondeterministic declaration (same line, so trace lines still match). */
  nd = (x: string): string => (this.opts.native ? ` KLP_NONDET(${x});` : '')
  n = 0
  loops = 0
  readonly unwindset: { loop: string; bound: number }[] = []
  readonly objects: Obj[] = []
  readonly oldCode: string[] = []
  readonly newCode: string[] = []
  readonly handles: string[] = []
  /** Declarations both versions' set-up code refers to (nondeterministic choices). */
  readonly decls: string[] = []
  constructor(readonly opts: HarnessOptions) {}
  id(): number {
    return this.n++
  }
  loop(bound: number): void {
    this.unwindset.push({ loop: `${ENTRY}.${this.loops++}`, bound })
  }
  /** The stub standing behind a function-pointer member or global (`struct tag.member`, `global g`). */
  callback(key: string): string | undefined {
    return (this.opts.externals ?? []).find(e => e.fn.callbackOf === key)?.fn.name
  }
  /** Names of the objects, by klp_abs id - 1, for reports. */
  readonly labels: string[] = []
  handle(oldExpr: string, newExpr: string, label = oldExpr): void {
    this.labels.push(label)
    const k = this.objects.length + 1
    const h = { oldHandle: `klp_h_old_${k}`, newHandle: `klp_h_new_${k}` }
    this.handles.push(`static const void *${h.oldHandle};`, `static const void *${h.newHandle};`)
    this.oldCode.push(`${h.oldHandle} = ${oldExpr};`)
    this.newCode.push(`${h.newHandle} = ${newExpr};`)
    this.objects.push(h)
  }
}

/** A name for an unqualified version of a type, usable in casts; undefined if there is none. */
export function typeName(t: CType): string | undefined {
  switch (t.kind) {
    case 'scalar':
      return t.text
    case 'record':
      return t.text.includes('<anonymous>') ? undefined : t.text
    case 'pointer': {
      const to = t.to.kind === 'opaque' ? t.to.text : typeName(t.to)
      return to && t.to.kind !== 'function' && t.to.kind !== 'array' ? `${to} *` : undefined
    }
    case 'opaque':
      return t.text === 'void' ? 'void' : t.text
    default:
      return undefined
  }
}

/** The lvalue `*p` with qualifiers cast away, so the harness may write it. */
function deref(p: string, pointee: CType): string {
  const name = typeName(pointee)
  return name ? `(*(${name} *)(${p}))` : `(*(${p}))`
}

/** An empty struct (GNU C, e.g. a lock type in some kernel configs): nothing to copy, and cbmc 6.6 crashes assigning one. */
function isEmptyRecord(t: CType): boolean {
  return t.kind === 'record' && t.fields.length === 0
}

function pointeeAllocatable(t: CType): boolean {
  return t.kind === 'record' || t.kind === 'scalar' || (t.kind === 'pointer' && t.to.kind !== 'function')
}

/**
 * Make the object at `oldLv` (already nondeterministic) safe to share: pointer members get
 * a fresh object (to a depth) or NULL. Mirrors the same graph for the new version at `newLv`.
 */
function sanitize(g: Gen, t: CType, oldLv: string, newLv: string, depth: number, label: string): void {
  switch (t.kind) {
    case 'pointer': {
      const hook = t.to.kind === 'function' ? g.callback(`global ${label}`) : undefined
      if (hook) {
        g.oldCode.push(`${oldLv} = ${hook};`)
        return
      }
      if (t.to.kind !== 'function' && pointeeAllocatable(t.to) && depth < g.opts.pointerDepth) {
        const c = `klp_c_${g.id()}`
        g.decls.push(`_Bool ${c};${g.nd(c)}`)
        g.oldCode.push(`if (${c}) {`, `${oldLv} = __CPROVER_allocate(sizeof(*(${oldLv})), 0);`)
        g.newCode.push(`if (${c}) {`, `${newLv} = __CPROVER_allocate(sizeof(*(${oldLv})), 0);`,
          `memcpy((void *)(${newLv}), (const void *)(${oldLv}), sizeof(*(${oldLv})));`)
        sanitize(g, t.to, deref(oldLv, t.to), deref(newLv, t.to), depth + 1, `${label}`)
        g.handle(oldLv, newLv, label)
        g.oldCode.push(`} else ${oldLv} = 0;`)
        g.newCode.push(`} else ${newLv} = 0;`)
      } else {
        g.oldCode.push(`${oldLv} = 0;`)
      }
      return
    }
    case 'record':
      if (!containsPointer(t)) return
      if (t.union) {
        g.oldCode.push(`memset((void *)&(${oldLv}), 0, sizeof(${oldLv}));`)
        return
      }
      for (const f of t.fields) {
        if (f.bitfield || !containsPointer(f.type)) continue
        const hook = f.type.kind === 'pointer' && f.type.to.kind === 'function' ? g.callback(`${t.tag}.${f.name}`) : undefined
        if (hook) {
          // a function-pointer member: the same stub in both versions' objects
          g.oldCode.push(`(${oldLv}).${f.name} = ${hook};`)
          continue
        }
        sanitize(g, f.type, `(${oldLv}).${f.name}`, `(${newLv}).${f.name}`, depth, `${label}.${f.name}`)
      }
      return
    case 'array':
      if (!containsPointer(t.of)) return
      if (t.length !== null && t.length <= UNROLL) {
        for (let i = 0; i < t.length; i++) sanitize(g, t.of, `(${oldLv})[${i}]`, `(${newLv})[${i}]`, depth, `${label}[${i}]`)
      } else {
        g.oldCode.push(`memset((void *)&(${oldLv}), 0, sizeof(${oldLv}));`)
      }
      return
    default:
      return
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

/** `(len)` → `len`: expressions come back parenthesised from the rewriter. */
export function unparen(e: string): string {
  let t = e.trim()
  while (t.startsWith('(') && t.endsWith(')')) {
    let depth = 0
    let closesEarly = false
    for (let i = 0; i < t.length - 1; i++) {
      if (t[i] === '(') depth++
      else if (t[i] === ')') depth--
      if (depth === 0) { closesEarly = true; break }
    }
    if (closesEarly) break
    t = t.slice(1, -1).trim()
  }
  return t
}

function paramTypedef(i: number, text: string): string {
  return `typedef ${text.replace(TYPE_NAME, `klp_p${i}_t`)};`
}

export interface PlanInput {
  readonly pair: FunctionPair
  readonly opts: HarnessOptions
  readonly mode: HarnessMode
}

export function planHarness({ pair, opts, mode }: PlanInput): HarnessPlan {
  const g = new Gen(opts)
  const nd = g.nd
  const sig = pair.signature
  const fileScope: string[] = [
    'void *memcpy(void *, const void *, unsigned long);',
    'void *memset(void *, int, unsigned long);',
  ]
  const setup: string[] = []
  const inputs: InputInfo[] = []
  const bounds: string[] = []
  const planted: string[] = []
  const entryAssumptions: string[] = []
  const isVoid = sig.returnType.kind === 'opaque' && sig.returnType.text === 'void'
  sig.params.forEach((p, i) => fileScope.push(paramTypedef(i, p.typedefText)))
  fileScope.push(`typedef ${sig.returnTypedef.replace(TYPE_NAME, 'klp_ret_t')};`)
  const protoParams = sig.params.length ? sig.params.map((_, i) => `klp_p${i}_t`).join(', ') : 'void'
  fileScope.push(`extern klp_ret_t ${pair.new.entry}(${protoParams});`)

  // --- parameters: scalars first (buffer lengths refer to them), then pointers
  const argsOld: string[] = []
  const argsNew: string[] = []
  const observables: ObservableInfo[] = []
  const pending: { label: string; kind: ObservableKind; emit: () => { code: string[]; conds: string[]; leaves: Leaf[]; arrayDiff?: ObservableInfo['arrayDiff'] }; guard?: string }[] = []
  let opaqueCount = 0

  sig.params.forEach((p, i) => {
    const T = `klp_p${i}_t`
    if (p.type.kind !== 'pointer') {
      setup.push(`${T} ${p.name};${nd(`${p.name}`)}`)
      inputs.push({ label: p.name, variable: p.name })
      argsOld[i] = p.name
      argsNew[i] = p.name
    }
  })
  sig.params.forEach((p, i) => {
    const T = `klp_p${i}_t`
    if (p.type.kind !== 'pointer') return
    const nv = `klp_new_${p.name}`
    argsOld[i] = p.name
    argsNew[i] = nv
    const to = p.type.to
    const buf = opts.buffers[p.name]
    const nullable = opts.nullable.includes(p.name)
    setup.push(`${T} ${p.name} = 0;`, `${T} ${nv} = 0;`)
    const callback = (opts.externals ?? []).find(e => e.fn.callbackOf === p.name)
    if (to.kind === 'function' && callback) {
      // a callback: the same stub for both versions, its calls are calls to the world
      setup.push(`${p.name} = ${callback.fn.name}; ${nv} = ${p.name};`)
      return
    }
    if (to.kind === 'function' || (to.kind === 'opaque' && buf === undefined)) {
      // function pointers and opaque objects are passed through untouched: the same value for both
      if (to.kind === 'opaque') {
        setup.push(`${p.name} = (${T})&klp_opaque[${opaqueCount++}]; ${nv} = ${p.name};`)
      }
      inputs.push({ label: p.name, variable: p.name })
      return
    }
    const open: string[] = []
    const close: string[] = []
    if (nullable) {
      setup.push(`_Bool klp_null_${p.name};${nd(`klp_null_${p.name}`)}`)
      inputs.push({ label: `${p.name} == NULL`, variable: `klp_null_${p.name}` })
      open.push(`if (!klp_null_${p.name}) {`)
      close.push('}')
    }
    if (buf !== undefined) {
      const EN = to.kind === 'opaque' ? 'unsigned char' : typeName(to)
      const elemT = EN ?? `__typeof__(*(${T})0)`
      const len = `klp_len_${p.name}`
      const shown = unparen(buf)
      const src = `klp_src_${p.name}`
      setup.push(`__CPROVER_assume((${buf}) >= 0 && (${buf}) <= ${opts.maxSize});`)
      entryAssumptions.push(`0 <= ${shown} <= ${opts.maxSize} (buffer ${p.name})`)
      bounds.push(`0 <= ${shown} <= ${opts.maxSize} (elements of ${p.name})`)
      setup.push(`unsigned long ${len} = (unsigned long)(${buf});`)
      setup.push(`${elemT} ${src}[${opts.maxSize}];${nd(`${src}`)}`)
      inputs.push({ label: `${p.name}[0..${shown})`, variable: src })
      if (to.kind !== 'opaque' && containsPointer(to)) setup.push(`memset((void *)${src}, 0, sizeof(${src}));`)
      // copy element by element: cbmc's memcpy with a symbolic size does not copy reliably
      const copy = (dst: string) => {
        const k = `klp_k_${g.id()}`
        g.loop(opts.maxSize + 1)
        return EN
          ? `for (unsigned long ${k} = 0; ${k} < ${len}; ${k}++) ((${EN} *)${dst})[${k}] = ${src}[${k}];`
          : `for (unsigned long ${k} = 0; ${k} < ${len}; ${k}++) memcpy((char *)${dst} + ${k} * sizeof(${src}[0]), (const void *)&${src}[${k}], sizeof(${src}[0]));`
      }
      g.oldCode.push(...open, `${p.name} = (${T})__CPROVER_allocate(sizeof(${elemT}) * ${len}, 0);`, copy(p.name), ...close)
      g.newCode.push(...open, `${nv} = (${T})__CPROVER_allocate(sizeof(${elemT}) * ${len}, 0);`, copy(nv), ...close)
      g.handle(p.name, nv)
      const elem: CType = to.kind === 'opaque' ? { kind: 'scalar', text: 'unsigned char' } : to
      const oCast = to.kind === 'opaque' ? `((const unsigned char *)${p.name})` : p.name
      const nCast = to.kind === 'opaque' ? `((const unsigned char *)${nv})` : nv
      pending.push({
        label: `memory ${p.name}[0..${unparen(buf)})`,
        kind: 'memory',
        guard: nullable ? `klp_null_${p.name}` : undefined,
        emit: () => {
          const out: CompareOut = { code: [], conds: [], leaves: [] }
          arrayLoop(g, elem, oCast, nCast, len, opts.maxSize, `${p.name}[]`, out)
          return out
        },
      })
      return
    }
    // one object behind the pointer: a shared nondeterministic value assigned to each version's copy
    const TN = typeName(to)
    const src = `klp_src_${p.name}`
    if (TN) {
      g.decls.push(`${TN} ${src};${nd(`${src}`)}`)
      inputs.push({ label: `*${p.name}`, variable: src })
      // new's object must exist and hold the shared value before its pointer fields get their own copies
      const assign = (v: string) => (isEmptyRecord(to) ? [] : [`*(${TN} *)${v} = ${src};`])
      g.newCode.push(...open, `${nv} = (${T})__CPROVER_allocate(sizeof(*${p.name}), 0);`, ...assign(nv))
      sanitize(g, to, src, deref(nv, to), 0, `*${p.name}`)
      g.oldCode.push(...open, `${p.name} = (${T})__CPROVER_allocate(sizeof(*${p.name}), 0);`, ...assign(p.name))
    } else {
      g.oldCode.push(...open, `${p.name} = (${T})__CPROVER_allocate(sizeof(*${p.name}), 0);`)
      g.newCode.push(...open, `${nv} = (${T})__CPROVER_allocate(sizeof(*${p.name}), 0);`,
        `memcpy((void *)${nv}, (const void *)${p.name}, sizeof(*${p.name}));`)
      sanitize(g, to, deref(p.name, to), deref(nv, to), 0, `*${p.name}`)
    }
    g.handle(p.name, nv)
    g.oldCode.push(...close)
    g.newCode.push(...close)
    if (!TN && !nullable && !isEmptyRecord(to)) {
      // arrays (a pointer to an array parameter) cannot be initialised from another array: copy bytes
      g.oldCode.push(to.kind === 'array'
        ? `__typeof__(*${p.name}) klp_in_${p.name}; memcpy((void *)&klp_in_${p.name}, (const void *)${p.name}, sizeof(klp_in_${p.name}));`
        : `__typeof__(*${p.name}) klp_in_${p.name} = *${p.name};`)
      inputs.push({ label: `*${p.name}`, variable: `klp_in_${p.name}` })
    }
    pending.push({
      label: `memory *${p.name}`,
      kind: 'memory',
      guard: nullable ? `klp_null_${p.name}` : undefined,
      emit: () => {
        const out: CompareOut = { code: [], conds: [], leaves: [] }
        compareLeaves(g, to, deref(p.name, to), deref(nv, to), to.kind === 'record' ? `${p.name}->` : `*${p.name}`, out)
        return out
      },
    })
  })

  // --- globals and static locals: the same starting state for both versions
  const newByName = new Map(pair.new.globals.map(v => [v.name, v]))
  const paired: { old: GlobalVar; new: GlobalVar }[] = []
  for (const o of pair.old.globals) {
    const nw = newByName.get(o.name)
    if (nw) paired.push({ old: o, new: nw })
  }
  for (const { old: o, new: nw } of paired) {
    if (o.shared) {
      // read by both, written by neither: one object, one value
      if (!opts.initGlobals) {
        const src = `klp_src_${g.id()}`
        g.decls.push(`__typeof__(${o.cName}) ${src};${nd(`${src}`)}`)
        inputs.push({ label: `global ${o.name}`, variable: src })
        g.oldCode.push(`${o.cName} = ${src};`)
      }
      g.handle(`&${o.cName}`, `&${o.cName}`, `&${o.name}`)
      continue
    }
    fileScope.push(nw.externDecl)
    const label = o.staticLocalOf ? `static ${o.name}` : `global ${o.name}`
    if (!o.isConst && !opts.initGlobals && !isEmptyRecord(o.type)) {
      const src = `klp_src_${g.id()}`
      g.decls.push(`__typeof__(${o.cName}) ${src};${nd(`${src}`)}`)
      inputs.push({ label, variable: src })
      // new's copy takes the shared value first, then its pointer members get their own objects
      if (o.type.kind === 'array') {
        // arrays cannot be assigned: copy bytes (pointer members of elements were cleared)
        g.newCode.push(`memcpy((void *)&${nw.cName}, (const void *)&${src}, sizeof(${o.cName}));`)
        sanitize(g, o.type, src, nw.cName, 0, o.name)
        g.oldCode.push(`memcpy((void *)&${o.cName}, (const void *)&${src}, sizeof(${o.cName}));`)
      } else {
        // assigning the same value to both lets the solver see that they are equal
        g.newCode.push(`${nw.cName} = ${src};`)
        sanitize(g, o.type, src, nw.cName, 0, o.name)
        g.oldCode.push(`${o.cName} = ${src};`)
      }
    }
    g.handle(`&${o.cName}`, `&${nw.cName}`, `&${o.name}`)
    if (!o.isConst) {
      pending.push({
        label,
        kind: 'globals',
        emit: () => {
          const out: CompareOut = { code: [], conds: [], leaves: [] }
          compareLeaves(g, o.type, o.cName, nw.cName, o.name, out)
          return out
        },
      })
    }
  }
  if (opts.initGlobals) bounds.push('globals start from their initializers (--init-globals)')

  // --- claims at entry
  setup.push(...g.decls)
  const entryState: string[] = [...g.oldCode, ...g.newCode]
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

  const ret = isVoid ? '' : 'klp_ret_t klp_ret_old = '
  const retNew = isVoid ? '' : 'klp_ret_t klp_ret_new = '
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
    if (!isVoid) {
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
        ...(p.kind === 'calls' ? { calls: callsInfo(opts.externals ?? [], g.labels) } : {}),
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

  fileScope.push(...ext.runtime)
  fileScope.push(...g.handles)
  fileScope.push(`static char klp_opaque[${Math.max(1, opaqueCount)}];`)
  fileScope.push(absFunction(g.objects, ext.dynamicObjects, ext.runtime.length > 0))
  fileScope.push(...ext.stubs)
  const world = ext.names.length > 0
  const afterOld = [...(ext.hasLocks && callOld ? ['klp_old_lock_balance();'] : []), ...(late ? claimCode : [])]
  const afterNew = ext.hasLocks && callNew ? ['klp_new_lock_balance();'] : []
  return {
    fileScope, setup, entryState,
    callOld: callOld && world ? `klp_cur = 0; ${callOld}` : callOld,
    callNew: callNew && world ? `klp_cur = 1; ${callNew}` : callNew,
    afterOld, afterNew,
    compare, unwindset: [...g.unwindset, ...ext.unwindset], observables, inputs, bounds, planted, entryAssumptions,
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

/** Pointers are compared as (object, offset): the k-th input object of old ~ the k-th of new. */
function absFunction(objects: readonly Obj[], dynamic = 0, hasRcu = false): string {
  const lines = ['static long long klp_abs(const void *q, int v) {', '  if (q == 0) return 0;']
  objects.forEach((o, i) => {
    lines.push(`  if (__CPROVER_same_object(q, v ? ${o.newHandle} : ${o.oldHandle})) return ${i + 1}LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);`)
  })
  // objects the world handed out (allocations): the j-th answer of old ~ the j-th of new
  for (let j = 0; j < dynamic; j++) {
    lines.push(`  if (klp_dyn[v][${j}] && __CPROVER_same_object(q, klp_dyn[v][${j}])) return ${DYN_BASE + j}LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);`)
  }
  if (hasRcu) lines.push('  if (__CPROVER_same_object(q, &klp_rcu_lock)) return -3LL * 4294967296LL;')
  lines.push('  if (__CPROVER_same_object(q, klp_opaque)) return -2LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);')
  lines.push('  return -1;', '}')
  return lines.join('\n')
}
