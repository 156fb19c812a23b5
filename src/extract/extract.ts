/** extract: two C files + a function name → FunctionPair (renamed units, signature, type changes). */
import { ExtractError } from '../errors.js'
import type { PreprocessOptions } from './read.js'
import { checkpoint } from './checkpoint.js'
import { reachable } from './reach.js'
import { renameUnit } from './rename.js'
import { nonlinearOps, writtenGlobals } from './writes.js'
import { containsPointer } from './ctypes.js'
import { functionSignature } from './signature.js'
import { callbackStubs, findExternals, memberCallbackStubs, type ExternalsResult, type ExternalFn } from './externals.js'
import type { Node } from './c-parser.js'
import type { Unit } from './unit.js'
import { defined, loadVersion, suggest, type Defined } from './load-version.js'
import { layoutLenient, layoutTypes, sameLayout } from './layout-types.js'
import { containerTypes, findContainers, mergeContainers, resolveContracts } from './containers.js'
import { resolveShapes } from './shapes.js'
import type { ShapeSpec } from '../model/skb.js'
import type { CType, FunctionPair, GlobalVar, TypeChange, VersionUnit } from './types.js'
import { PREFIX } from '../model/names.js'
import { findSharedCallees } from './shared-callees.js'

export interface ExtractOptions {
  readonly oldPath: string
  readonly newPath: string
  readonly func: string
  readonly includes: readonly string[]
  /** Include directories of one version only (a series snapshot), searched before `includes`. */
  readonly sideIncludes?: { readonly old: readonly string[]; readonly new: readonly string[] }
  /** Share preprocessing results (see PreprocessOptions.memo). */
  readonly memo?: PreprocessOptions['memo']
  readonly defines: readonly string[]
  readonly cflags: readonly string[]
  /** -ftrivial-auto-var-init=zero is in effect: locals without an initializer start zeroed (zero-init.ts). */
  readonly zeroInitLocals?: boolean
  /** Expressions to macro-expand in each version's context (same list for both). */
  readonly exprs: readonly string[]
  /** Limits of each gcc -E (see PreprocessOptions). */
  readonly timeoutMs?: number
  readonly memoryMb?: number
  /** An abort (SIGINT, SIGTERM) stops gcc and the analysis between steps; the reason is thrown. */
  readonly signal?: AbortSignal
  /** The new file's flags in its own tree (kbuild/type-context.ts): its types are compared with the old tree's. */
  readonly newTypeCflags?: readonly string[]
  /** Functions the world models (kernel.yaml, --models): a header's body of one becomes a prototype. */
  readonly modelled?: ReadonlySet<string>
  /** The spec's container contracts: parameter → `type.member` (checked in the old version's types). */
  readonly containers?: Readonly<Record<string, string>>
  /** The spec's network shapes: parameter → `linear` or `{netdev_priv: TYPE}` (checked in the old version's types). */
  readonly shapes?: Readonly<Record<string, ShapeSpec>>
}

export async function extractFunctionPair(opts: ExtractOptions): Promise<FunctionPair> {
  const loads = [loadVersion('old', opts.oldPath, opts), loadVersion('new', opts.newPath, opts)]
  const [o, n] = await Promise.all(loads).catch(async err => {
    // the other version's parse tree (the wasm heap) is freed even when one version fails
    for (const r of await Promise.allSettled(loads)) if (r.status === 'fulfilled') r.value.unit?.tree.delete()
    throw err
  })
  try {
    return await pairOf(defined(o!, opts), defined(n!, opts), opts)
  } finally {
    // the result is plain data: free the trees (a series extracts many pairs; a big file's tree is large)
    o!.unit?.tree.delete()
    n!.unit?.tree.delete()
  }
}

/**
 * Both versions are read in the old tree's type context (what a live patch runs against). With
 * `newTypeCflags` the new file is read once more in its own tree's headers: a type the function uses
 * whose definition differs there is a layout change the patch makes (the type-changed hazard).
 */
async function ownTypeChanges(inOld: Unit, opts: ExtractOptions): Promise<TypeChange[]> {
  if (!opts.newTypeCflags) return []
  const own = await loadVersion('new', opts.newPath, { ...opts, cflags: opts.newTypeCflags, exprs: [], sideIncludes: undefined })
  if (!own.unit) return []
  try {
    // only types whose layout the function's code depends on (layout-types.ts)
    const used = layoutTypes(inOld, opts.func)
    return diffTypes(inOld, own.unit).filter(c => used.has(c.type)).map(c => ({ ...c, detail: `in the new tree's headers: ${c.detail}` }))
  } finally {
    own.unit.tree.delete()
  }
}


async function pairOf(o: Defined, n: Defined, opts: ExtractOptions): Promise<FunctionPair> {
  for (const v of [o, n]) {
    if (!v.unit.functions.has(opts.func)) {
      // the splitter found a definition the C reader did not (an unexpanded macro around it?)
      throw new ExtractError(`function ${opts.func}() is not defined in ${v.version === 'old' ? opts.oldPath : opts.newPath}`, {
        hint: suggest([...v.unit.functions.keys()], opts.func),
      })
    }
  }
  await checkpoint(opts.signal)
  const oldSig = functionSignature(o.unit, o.unit.functions.get(opts.func)!)
  const newSig = functionSignature(n.unit, n.unit.functions.get(opts.func)!)
  const used = new Set([...usedTypes(o.unit, opts.func), ...usedTypes(n.unit, opts.func)])
  // a definition that differs only in a renamed tag of the same layout is no change where the
  // harness passes it behind pointers only (layout-types.ts)
  const sigTypes = (s: typeof oldSig) => [s.returnType, ...s.params.map(p => p.type)]
  const lenient = layoutLenient(o.unit, opts.func, sigTypes(oldSig)) && layoutLenient(n.unit, opts.func, sigTypes(newSig))
  const same = (a: string, b: string) => a === b || (lenient && sameLayout(o.unit, n.unit, a, b))
  const typeChanges: TypeChange[] = diffTypes(o.unit, n.unit)
    .filter(c => used.has(c.type) && !same(o.unit.typeDefs.get(c.type)!, n.unit.typeDefs.get(c.type)!))
  typeChanges.push(...await ownTypeChanges(n.unit, opts))
  const sigText = (s: typeof oldSig) => `${s.returnTypedef} (${s.params.map(p => p.typedefText).join(', ')}${s.variadic ? ', ...' : ''})`
    .replace(/KLP_TYPE_NAME/g, '').replace(/\s+/g, ' ').replace(/ ([,)])/g, '$1')
  if (!same(sigText(oldSig), sigText(newSig))) {
    typeChanges.push({ type: `signature of ${opts.func}()`, detail: `${sigText(oldSig)} → ${sigText(newSig)}` })
  }
  const shared = sharedGlobals(o.unit, n.unit, opts.func)
  const reo = reachable(o.unit, opts.func), ren = reachable(n.unit, opts.func)
  await checkpoint(opts.signal)
  const ro = await renameUnit(o.unit, PREFIX.old, opts.func, shared, ren, { signal: opts.signal, zeroInitLocals: opts.zeroInitLocals })
  await checkpoint(opts.signal)
  const rn = await renameUnit(n.unit, PREFIX.new, opts.func, shared, reo, { signal: opts.signal, zeroInitLocals: opts.zeroInitLocals })
  await checkpoint(opts.signal)
  const constChanges: string[] = []
  for (const g of ro.globals) {
    const m = rn.globals.find(x => x.name === g.name)
    if (m && g.isConst && m.isConst && g.initText !== m.initText) constChanges.push(`${g.name}: ${g.initText || '(none)'} → ${m.initText || '(none)'}`)
  }
  // a global only one version has (a patch adding an error counter): the other version gets a
  // stand-in it never touches, so what the patch writes there is compared like any global
  const standIns = (from: typeof ro, to: typeof rn, toUnit: Unit, toPrefix: string) => {
    const out: { globals: GlobalVar[]; text: string } = { globals: [], text: '' }
    for (const v of from.globals) {
      if (v.staticLocalOf || v.isConst || toUnit.variables.has(v.name)) continue
      if (!plainScalar(v.type)) {
        // a struct or pointer the other version lacks cannot be stood in for: say so, never drop it
        typeChanges.push({ type: `global ${v.name}`, detail: `only the ${toPrefix === PREFIX.old ? 'new' : 'old'} version has it (${v.type.text}); state only one version has cannot be compared` })
        continue
      }
      const cName = toPrefix + v.name
      const externDecl = v.externDecl.split(v.cName).join(cName)
      out.globals.push({ ...v, cName, externDecl, hasInit: false, initText: '', origin: `not in this version (stand-in for ${v.origin})` })
      out.text += `\n${externDecl.replace(/^extern /, '')} /* klp-verify: stand-in, ${v.name} is not in this version */\n`
    }
    return out
  }
  const extraOld = standIns(rn, ro, o.unit, PREFIX.old)
  const extraNew = standIns(ro, rn, n.unit, PREFIX.new)
  const unitOf = (version: 'old' | 'new', file: string, unit: Unit, r: typeof ro, extra: typeof extraOld): VersionUnit => ({
    version, path: file, text: r.text + extra.text, entry: r.entry, prefix: PREFIX[version], globals: [...r.globals, ...extra.globals], functions: r.functions,
    enumerators: unit.enumerators, typedefs: new Set(unit.scope.typedefs.keys()),
  })
  return {
    func: opts.func,
    old: unitOf('old', opts.oldPath, o.unit, ro, extraOld),
    new: unitOf('new', opts.newPath, n.unit, rn, extraNew),
    signature: oldSig,
    typeChanges,
    constChanges,
    externals: withCallbacks(findExternals(o.unit, n.unit, opts.func), [
      ...await callbackStubs(o.unit, oldSig.params),
      ...await memberCallbackStubs(o.unit, [
        ...oldSig.params.map(p => ({ type: p.type })),
        ...ro.globals.map(g => ({ type: g.type, key: `global ${g.name}` })),
      ]),
    ]),
    nonlinear: nonlinearOps(o.unit, reo.fns) + nonlinearOps(n.unit, ren.fns),
    referenced: [...new Set([...reo.names, ...ren.names])].sort(),
    ...containersOf(o.unit, n.unit, reo.fns, ren.fns, oldSig, opts),
    ...shapesOf(o.unit, oldSig, opts.shapes ?? {}),
    sharedCallees: findSharedCallees(o.unit, n.unit, opts.func, shared),
    expanded: { oldExprs: o.pp.exprs, newExprs: n.pp.exprs },
  }
}

/** The network shapes (shapes.ts), in the old version's types; nothing when there are none. */
function shapesOf(o: Unit, sig: FunctionPair['signature'], spec: Readonly<Record<string, ShapeSpec>>) {
  const shapes = resolveShapes(o, sig, spec)
  return shapes ? { shapes } : {}
}

/** container_of uses of both versions, the spec's contracts, and the old version's types of their containers. */
function containersOf(o: Unit, n: Unit, fo: Set<string>, fn: Set<string>, sig: FunctionPair['signature'], opts: ExtractOptions) {
  const containers = mergeContainers(findContainers(o, fo), findContainers(n, fn))
  const containerContracts = resolveContracts(o, sig, opts.containers ?? {})
  const names = [...containers.flatMap(e => e.containers.map(c => c.container)), ...containerContracts.map(c => c.container)]
  return { containers, containerContracts, containerTypes: containerTypes(o, names) }
}

/** Numbers and arrays of numbers: a stand-in of such a type needs no type the other version may lack. */
function plainScalar(t: CType): boolean {
  if (t.kind === 'array') return t.length !== null && plainScalar(t.of)
  return t.kind === 'scalar' && !/\b(struct|union|enum)\b/.test(t.text)
}

/**
 * Globals neither version writes (or takes the address of), without pointers, with the same
 * declaration and initializer in both: sharing one object lets the solver see one value, which
 * keeps e.g. `v * scale` in old and new from becoming a hard multiplier-equivalence problem.
 */
export function sharedGlobals(a: Unit, b: Unit, func: string): Set<string> {
  const ra = reachable(a, func), rb = reachable(b, func)
  const written = new Set([...writtenGlobals(a, ra.fns), ...writtenGlobals(b, rb.fns)])
  const out = new Set<string>()
  for (const name of new Set([...ra.vars, ...rb.vars])) {
    const va = a.variables.get(name), vb = b.variables.get(name)
    if (!va || !vb || written.has(name) || va.isConst) continue
    if (va.type.kind === 'array' || containsPointer(va.type)) continue
    const declText = (v: typeof va) => v.declaration.text.replace(/\s+/g, ' ')
    if (declText(va) !== declText(vb)) continue
    out.add(name)
  }
  return out
}

function withCallbacks(r: ExternalsResult, callbacks: readonly ExternalFn[]): ExternalsResult {
  return callbacks.length ? { ...r, externals: [...r.externals, ...callbacks] } : r
}

/** Type definitions present in both versions whose text differs, with the fields that changed. */
/**
 * Type definitions the function can see through: its signature and body, the functions it reaches,
 * the globals they use, and, transitively, the types inside those (`struct a { struct b *p; }`).
 * Keys as in Unit.typeDefs: `struct x`, `union x`, `enum x`, `typedef t`.
 */
export function usedTypes(unit: Unit, func: string): Set<string> {
  const used = new Set<string>()
  const todo: Node[] = []
  const reach = reachable(unit, func)
  for (const f of reach.fns) todo.push(unit.functions.get(f)!.node)
  for (const v of reach.vars) todo.push(unit.variables.get(v)!.declaration)
  for (const locals of unit.staticLocals.values()) for (const v of locals) if (reach.fns.has(v.fn!)) todo.push(v.declaration)
  const add = (key: string, def: Node | undefined) => {
    if (used.has(key)) return
    used.add(key)
    if (def) todo.push(def)
  }
  while (todo.length) {
    const n = todo.pop()!
    const visit = (m: Node) => {
      if (m.type === 'type_identifier' && m.parent?.type !== 'type_definition') {
        const td = unit.scope.typedefs.get(m.text)
        add(`typedef ${m.text}`, td?.type)
      } else if (m.type === 'struct_specifier' || m.type === 'union_specifier' || m.type === 'enum_specifier') {
        const tag = m.childForFieldName('name')?.text
        const kw = m.type === 'struct_specifier' ? 'struct' : m.type === 'union_specifier' ? 'union' : 'enum'
        if (tag) add(`${kw} ${tag}`, kw === 'enum' ? undefined : unit.scope.records.get(`${kw} ${tag}`))
      }
      for (const c of m.namedChildren) visit(c)
    }
    visit(n)
  }
  return used
}

export function diffTypes(a: Unit, b: Unit): TypeChange[] {
  const out: TypeChange[] = []
  for (const [key, text] of a.typeDefs) {
    const other = b.typeDefs.get(key)
    if (other === undefined || other === text) continue
    let detail = 'definition changed'
    const recA = a.scope.records.get(key)
    const recB = b.scope.records.get(key)
    if (recA && recB) {
      const fields = (r: typeof recA) => r.childForFieldName('body')!.namedChildren
        .filter(f => f.type === 'field_declaration').map(f => f.text.replace(/\s+/g, ' ').replace(/;$/, ''))
      const fa = fields(recA), fb = fields(recB)
      const removed = fa.filter(f => !fb.includes(f))
      const added = fb.filter(f => !fa.includes(f))
      const parts = [...removed.map(f => `- ${f}`), ...added.map(f => `+ ${f}`)]
      if (parts.length) detail = `fields changed: ${parts.join('; ')}`
      else detail = 'field order or layout changed'
    }
    out.push({ type: key, detail })
  }
  return out
}
