/**
 * How often one run of a function can call each external function, at most, read from the code: its
 * call sites and those of the functions it reaches, a helper's counted once per call of the helper,
 * the larger arm of an if/else or `?:` (every arm in a function with a forward goto). No bound
 * (undefined) for a call in a loop (other than the kernel's `do { … } while (0)`), in a function
 * with a goto back up (a loop), in recursion, or in a function that may be called through a pointer
 * (its address is taken, or a global's initializer names it). The harness sizes its world to these bounds (model/world.ts);
 * its limit checks still catch a run that needs more. Pure, over the analysed units.
 */
import type { Node } from './c-parser.js'
import type { Unit } from './unit.js'

/** External function → calls on one path (Infinity: not bounded by the code); absent: never called. */
type Counts = ReadonlyMap<string, number>

const LOOPS: ReadonlySet<string> = new Set(['for_statement', 'while_statement', 'do_statement'])
const NONE: Counts = new Map()

function sum(...cs: Counts[]): Counts {
  const some = cs.filter(c => c.size > 0)
  if (some.length <= 1) return some[0] ?? NONE
  const out = new Map<string, number>()
  for (const c of some) for (const [f, k] of c) out.set(f, (out.get(f) ?? 0) + k)
  return out
}

function max(a: Counts, b: Counts): Counts {
  const out = new Map(a)
  for (const [f, k] of b) out.set(f, Math.max(out.get(f) ?? 0, k))
  return out
}

const unbounded = (c: Counts): Counts => new Map([...c.keys()].map(f => [f, Infinity]))

/** `do { … } while (0)`: the body runs once. */
function runsOnce(n: Node): boolean {
  return n.type === 'do_statement' && /^\(\s*0\s*\)$/.test(n.childForFieldName('condition')!.text)
}

/**
 * How a function's jumps shape its paths: `forward`, only gotos to a label further down (a path may
 * then enter the other arm of an if, but still passes each call site once at most); `loop`, a goto
 * back up, a computed goto or an asm goto (a loop).
 */
function jumps(body: Node): 'none' | 'forward' | 'loop' {
  const labels = new Map<string, number>()
  const gotos: Node[] = []
  let asm = false
  const visit = (n: Node) => {
    if (n.type === 'labeled_statement') labels.set(n.childForFieldName('label')!.text, n.startIndex)
    else if (n.type === 'goto_statement') gotos.push(n)
    else if (n.type.includes('goto')) asm = true
    for (const c of n.namedChildren) visit(c)
  }
  visit(body)
  const forward = (g: Node) => !g.namedChildren.some(c => c.type === 'ERROR') && (labels.get(g.childForFieldName('label')!.text) ?? -1) > g.startIndex
  return asm || !gotos.every(forward) ? 'loop' : gotos.length ? 'forward' : 'none'
}

class Counter {
  private readonly memo = new Map<string, Counts>()
  private readonly active = new Set<string>()
  private readonly vars = new Set<string>()
  recursion = false

  constructor(private readonly unit: Unit, private readonly externals: ReadonlySet<string>) {}

  fn(name: string): Counts {
    const known = this.memo.get(name)
    if (known) return known
    if (this.active.has(name)) {
      this.recursion = true
      return NONE
    }
    this.active.add(name)
    const body = this.unit.functions.get(name)!.body
    const j = jumps(body)
    const c = this.node(body, j === 'forward')
    this.memo.set(name, j === 'loop' ? unbounded(c) : c)
    this.active.delete(name)
    return this.memo.get(name)!
  }


  /** A function or external named other than as the callee of a call: it may be called any number of times. */
  private named(name: string): Counts {
    if (this.externals.has(name)) return new Map([[name, Infinity]])
    if (this.unit.functions.has(name)) return unbounded(this.fn(name))
    const v = this.unit.variables.get(name)
    if (!v?.init || this.vars.has(name)) return NONE
    // a global's initializer (an ops table) hands out the functions it names
    this.vars.add(name)
    return unbounded(this.node(v.init, false))
  }

  /** `flat`: count every call site (paths may jump between the arms of an if). */
  node(n: Node, flat: boolean): Counts {
    switch (n.type) {
      case 'identifier':
        return this.named(n.text)
      case 'call_expression': {
        const callee = n.childForFieldName('function')!
        const args = this.node(n.childForFieldName('arguments')!, flat)
        if (callee.type !== 'identifier') return sum(this.node(callee, flat), args)
        if (this.externals.has(callee.text)) return sum(new Map([[callee.text, 1]]), args)
        return this.unit.functions.has(callee.text) ? sum(this.fn(callee.text), args) : args
      }
      case 'if_statement':
      case 'conditional_expression': {
        // one arm runs (`else` and GNU `a ?: b` may leave one out)
        const part = (field: string) => {
          const m = n.childForFieldName(field)
          return m ? this.node(m, flat) : NONE
        }
        const arms = [part('consequence'), part('alternative')] as const
        return sum(part('condition'), flat ? sum(...arms) : max(...arms))
      }
      default: {
        const c = sum(...n.namedChildren.map(m => this.node(m, flat)))
        return LOOPS.has(n.type) && !runsOnce(n) ? unbounded(c) : c
      }
    }
  }
}

/** Calls of each of `externals` one run of `func` can make at most, in one unit; undefined: no bound. */
export function callBounds(unit: Unit, func: string, externals: ReadonlySet<string>): Map<string, number | undefined> {
  const counter = new Counter(unit, externals)
  const c = counter.fn(func)
  return new Map([...externals].map(f => {
    const k = c.get(f) ?? 0
    return [f, counter.recursion || k === Infinity ? undefined : k]
  }))
}

/** The bound over both versions: the larger, and none when either has none. */
export function pairCallBounds(old: Unit, nw: Unit, func: string, externals: ReadonlySet<string>): Map<string, number | undefined> {
  const o = callBounds(old, func, externals)
  const n = callBounds(nw, func, externals)
  return new Map([...externals].map(f => {
    const a = o.get(f), b = n.get(f)
    return [f, a === undefined || b === undefined ? undefined : Math.max(a, b)]
  }))
}
