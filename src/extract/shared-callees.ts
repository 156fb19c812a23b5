/**
 * Unchanged callees (regression verification, Godlin & Strichman): a function the proof target calls
 * whose closure is token-identical in both versions can be one shared uninterpreted function for both
 * versions' calls, instead of being inlined twice. Only where its effects are captured by its answer:
 * scalar arguments and result, no writes to globals or statics, reads only of globals both versions
 * share unchanged (const, or read-only shared objects), no calls outside its own closure, no pointer
 * casts or asm. Then same arguments → same reachable input state → same result, and nothing else
 * happens. Only callees with a loop or recursion are worth it. Pure, over the analysed units.
 */
import type { Node } from './c-parser.js'
import { identicalClosure } from './identical.js'
import { reachable } from './reach.js'
import { functionSignature } from './signature.js'
import type { CType, FunctionSignature } from './types.js'
import type { Unit } from './unit.js'
import { writtenGlobals } from './writes.js'
import { containsPointer } from './ctypes.js'

export interface SharedCallee {
  /** The callee's name in the source. */
  readonly name: string
  /** The world function both versions' calls go to. */
  readonly stub: string
  /** The world function's signature: the callee's, a float or double parameter passed as its bits. */
  readonly signature: FunctionSignature
  /** The callee's parameter names, and for each float/double parameter the integer type of its bits. */
  readonly params: readonly { readonly name: string; readonly bits?: string }[]
  /** The target itself: its recursive calls (in both versions' bodies) go to the world function. */
  readonly recursive?: true
}

export interface SharedCallees {
  /** The target's closure is token-identical in both versions. */
  readonly identical: boolean
  /** Callees abstracted as shared functions (outermost only), sorted by name. */
  readonly callees: readonly SharedCallee[]
  /** Loops or recursion in the code still inlined once they are abstracted (the proof stays bounded there). */
  readonly callerLoops: boolean
  /**
   * The target calls itself directly in both versions and its effects are its answer: its recursive
   * calls become one shared function of both versions (the induction hypothesis of the regression
   * verification rule), proving partial equivalence for every recursion depth.
   */
  readonly recursion?: SharedCallee
}

/** Builtins without effects or state: a callee may use them. */
const PURE_BUILTINS: ReadonlySet<string> = new Set([
  '__builtin_expect', '__builtin_constant_p', '__builtin_unreachable',
  '__builtin_popcount', '__builtin_popcountl', '__builtin_popcountll', '__builtin_clz', '__builtin_clzl', '__builtin_clzll',
  '__builtin_ctz', '__builtin_ctzl', '__builtin_ctzll', '__builtin_ffs', '__builtin_ffsl', '__builtin_ffsll',
])

const LOOPS: ReadonlySet<string> = new Set(['for_statement', 'while_statement', 'do_statement'])

const SHARED_STUB = 'klp_sh_'

/**
 * The integer a float or double argument is passed as (its bits: the world logs arguments as
 * integers, and equal bits are the same input), null for other floating types.
 */
function floatBits(t: CType): string | null {
  if (/^(?:const\s+)?double$/.test(t.text)) return 'unsigned long long'
  return /^(?:const\s+)?float$/.test(t.text) ? 'unsigned int' : null
}

/** Integers, enums, and float/double (as their bits); a result that is not a pointer. */
function scalarArg(t: CType): boolean {
  return t.kind === 'scalar' && !/__int128|_Complex/.test(t.text) && (!t.float || floatBits(t) !== null)
}
function scalarResult(t: CType): boolean {
  return (t.kind === 'scalar' && !/__int128|_Complex/.test(t.text)) || (t.kind === 'opaque' && t.text === 'void')
}

/** Scalar arguments and result, not variadic, no type defined in the signature (`enum { A } x` cannot be written again). */
function shareable(sig: FunctionSignature): boolean {
  if (sig.variadic || !sig.params.every(p => scalarArg(p.type)) || !scalarResult(sig.returnType)) return false
  return ![...sig.params.map(p => p.typedefText), sig.returnTypedef].some(x => x.includes('{'))
}

function walk(n: Node, visit: (m: Node) => boolean): boolean {
  if (!visit(n)) return false
  for (const c of n.namedChildren) if (!walk(c, visit)) return false
  return true
}

/** Functions the body names directly (calls and references). */
function directRefs(unit: Unit, f: string): Set<string> {
  const out = new Set<string>()
  walk(unit.functions.get(f)!.body, m => {
    if (m.type === 'identifier' && unit.functions.has(m.text)) out.add(m.text)
    return true
  })
  return out
}

/** Does the code of `fns` stay within what a shared function captures (see the module comment)? */
function effectsCaptured(unit: Unit, fns: ReadonlySet<string>, vars: ReadonlySet<string>, shared: ReadonlySet<string>): boolean {
  for (const f of fns) if (unit.staticLocals.has(f)) return false
  const written = writtenGlobals(unit, fns)
  for (const v of vars) {
    const info = unit.variables.get(v)!
    // a pointer read from a const table differs between the versions' copies (its address does)
    if (written.has(v) || !(info.isConst || shared.has(v)) || containsPointer(info.type)) return false
  }
  for (const f of fns) {
    const ok = walk(unit.functions.get(f)!.body, m => {
      if (m.type.includes('asm')) return false
      if (m.type === 'cast_expression') return !m.childForFieldName('type')!.text.includes('*')
      if (m.type !== 'call_expression') return true
      const callee = m.childForFieldName('function')!
      return callee.type === 'identifier' && (unit.functions.has(callee.text) || PURE_BUILTINS.has(callee.text))
    })
    if (!ok) return false
  }
  return true
}

function hasLoop(unit: Unit, fns: Iterable<string>): boolean {
  for (const f of fns) if (!walk(unit.functions.get(f)!.body, m => !LOOPS.has(m.type))) return true
  return false
}

/** Can `h` be shared by both versions (identical closure, captured effects, not leading back to `func`)? */
function qualifies(o: Unit, n: Unit, func: string, h: string, shared: ReadonlySet<string>): FunctionSignature | undefined {
  if (h === func || !o.functions.has(h) || !n.functions.has(h)) return undefined
  const ro = reachable(o, h)
  if (ro.fns.has(func) || reachable(n, h).fns.has(func)) return undefined
  let sig: FunctionSignature
  try {
    sig = functionSignature(o, o.functions.get(h)!)
  } catch {
    return undefined
  }
  if (!shareable(sig)) return undefined
  if (!effectsCaptured(o, ro.fns, ro.vars, shared)) return undefined
  // worth it only where inlining costs: a loop, or recursion (h reaches itself through a callee or directly)
  const recursive = [...ro.fns].some(f => directRefs(o, f).has(h))
  if (!recursive && !hasLoop(o, ro.fns)) return undefined
  return identicalClosure(o.text, n.text, h) ? sig : undefined
}

/**
 * What of the target is identical, and which of its callees become shared functions. `shared`: the
 * globals both versions share as one read-only object (extract.ts sharedGlobals).
 */
export function findSharedCallees(o: Unit, n: Unit, func: string, shared: ReadonlySet<string>): SharedCallees {
  const identical = identicalClosure(o.text, n.text, func)
  const verdicts = new Map<string, FunctionSignature | undefined>()
  const check = (h: string) => {
    if (!verdicts.has(h)) verdicts.set(h, qualifies(o, n, func, h, shared))
    return verdicts.get(h)
  }
  // from the target down, stopping at each shared callee: its own callees are never executed
  const callees = new Map<string, FunctionSignature>()
  const induction = selfRecursion(o, n, func, shared)
  let callerLoops = false
  for (const unit of [o, n]) {
    const seen = new Set<string>([func])
    const todo = [func]
    while (todo.length) {
      const f = todo.pop()!
      if (hasLoop(unit, [f])) callerLoops = true
      for (const g of directRefs(unit, f)) {
        // recursion through the target is bounded, but for its own calls under the induction hypothesis
        if (g === func && !(f === func && induction)) callerLoops = true
        if (seen.has(g)) continue
        seen.add(g)
        const sig = check(g)
        if (sig) callees.set(g, sig)
        else todo.push(g)
      }
    }
  }
  const list = [...callees].sort(([a], [b]) => a.localeCompare(b))
    .map(([name, signature]) => worldFunction(name, signature))
  return { identical, callees: list, callerLoops, ...(induction ? { recursion: { ...worldFunction(func, induction), recursive: true } } : {}) }
}

/** The target's signature when its direct recursive calls can be one shared function (see SharedCallees.recursion). */
function selfRecursion(o: Unit, n: Unit, func: string, shared: ReadonlySet<string>): FunctionSignature | undefined {
  const sigs: FunctionSignature[] = []
  for (const unit of [o, n]) {
    if (!directRefs(unit, func).has(func)) return undefined
    let sig: FunctionSignature
    try {
      sig = functionSignature(unit, unit.functions.get(func)!)
    } catch {
      return undefined
    }
    // a float argument would go as its bits, which a call in the body cannot pass: not shared
    if (!shareable(sig) || sig.params.some(p => p.type.kind === 'scalar' && p.type.float)) return undefined
    const r = reachable(unit, func)
    if (!effectsCaptured(unit, r.fns, r.vars, shared)) return undefined
    sigs.push(sig)
  }
  const text = (s: FunctionSignature) => [s.returnTypedef, ...s.params.map(p => p.typedefText)].join(', ')
  return text(sigs[0]!) === text(sigs[1]!) ? sigs[0] : undefined
}

/** The world function of a shared callee: its signature with float parameters as their bits. */
function worldFunction(name: string, sig: FunctionSignature): SharedCallee {
  const stub = `${SHARED_STUB}${name}`
  const params = sig.params.map(p => {
    const bits = p.type.kind === 'scalar' && p.type.float ? floatBits(p.type) : null
    return bits ? { name: p.name, bits } : { name: p.name }
  })
  return {
    name, stub, params,
    signature: {
      ...sig, name: stub,
      params: sig.params.map((p, j) => {
        const bits = params[j]!.bits
        return bits ? { name: p.name, type: { kind: 'scalar', text: bits, float: false } as const, typedefText: `${bits} KLP_TYPE_NAME` } : p
      }),
    },
  }
}
