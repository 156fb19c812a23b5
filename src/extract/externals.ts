/**
 * External functions: declared, called from the code under proof, but defined nowhere in it.
 * Both versions live in the same world: the harness gives each one a stub (see harness/externals.ts).
 */
import { pairCallBounds } from './call-bounds.js'
import { parseC, type Node } from './c-parser.js'
import { declaratorName } from './ctypes.js'
import { reachable } from './reach.js'
import { functionSignature } from './signature.js'
import { declaresFunction, findFunctionDeclarator, storageClasses } from './declarators.js'
import type { FnInfo, Unit } from './unit.js'
import type { CType, FunctionSignature } from './types.js'

/** C library functions CBMC models itself: they execute, they are not external calls. */
export const CBMC_LIBRARY: ReadonlySet<string> = new Set([
  'memcpy', 'memmove', 'memset', 'memcmp', 'memchr', 'strlen', 'strnlen', 'strcmp', 'strncmp', 'strcasecmp',
  'strncasecmp', 'strcpy', 'strncpy', 'strcat', 'strncat', 'strchr', 'strrchr', 'strstr', 'strdup', 'strtok',
  'malloc', 'calloc', 'realloc', 'free', 'abs', 'labs', 'llabs', 'abort', 'exit', '__assert_fail', 'assert',
  'sprintf', 'snprintf', 'isdigit', 'isalpha', 'isspace', 'isupper',
  'islower', 'isalnum', 'isxdigit', 'isprint', 'toupper', 'tolower', 'atoi', 'atol', 'strtol', 'strtoul',
  'strtoll', 'strtoull', 'rand', 'srand',
  // libm functions IEEE 754 defines exactly, which cbmc models bit-precisely (a native replay links -lm);
  // transcendental ones (sin, exp, pow, …) stay uninterpreted: the same arguments give the same answer
  ...['fabs', 'sqrt', 'floor', 'ceil', 'trunc', 'round', 'fmin', 'fmax', 'copysign'].flatMap(f => [f, `${f}f`, `${f}l`]),
])
// printf, puts, putchar, fprintf, …: output is observable, so they are external calls the world logs
// (templates/models/libc.yaml), not cbmc's library bodies, which do nothing

export interface ExternalFn {
  /** The stub's C name (a callback stub is `klp_cb_<param>`). */
  readonly name: string
  readonly signature: FunctionSignature
  /** Where it is called: `old`, `new` or both. */
  readonly calledBy: readonly ('old' | 'new')[]
  /** For a callback: the function-pointer parameter it stands behind. */
  readonly callbackOf?: string
  /** Calls one run of either version can make at most (call-bounds.ts); absent: the code does not bound it. */
  readonly maxCalls?: number
}

/**
 * Function-pointer parameters (`int (*cb)(int, void *)`) become calls to the world keyed by the
 * pointer value: both versions get the same stub `klp_cb_<param>` as the argument.
 */
export async function callbackStubs(unit: Unit, params: FunctionSignature['params']): Promise<ExternalFn[]> {
  const out: ExternalFn[] = []
  for (const p of params) {
    if (p.type.kind !== 'pointer' || p.type.to.kind !== 'function') continue
    const m = /\(\s*\*\s*(?:(?:const|volatile|restrict|__restrict)\s+)*KLP_TYPE_NAME\s*\)/.exec(p.typedefText)
    if (!m) continue // e.g. a typedef'd function pointer: stays NULL
    const name = `klp_cb_${p.name}`
    const proto = `${p.typedefText.slice(0, m.index)}${name}${p.typedefText.slice(m.index + m[0].length)};`
    const tree = await parseC(proto)
    const decl = tree.rootNode.namedChildren[0]
    /* c8 ignore next 3 -- defensive: `T name(params);` built from a parameter's own type always parses as a function declaration */
    const d = decl?.childForFieldName('declarator')
    const fd = d ? findFunctionDeclarator(d) : null
    if (!decl || !fd) continue
    try {
      out.push({ name, signature: functionSignature(unit, { name, node: decl, declarator: fd, body: decl, isStatic: false }, true), calledBy: ['old', 'new'], callbackOf: p.name })
    } catch {
      // a callback type we cannot write a stub for: the parameter stays NULL
    }
  }
  return out
}

export interface ExternalsResult {
  readonly externals: readonly ExternalFn[]
  /** Functions called without any prototype we can use (reported, left bodiless). */
  readonly unsupported: readonly string[]
  /** Calls through function pointers, e.g. `o->ops->put(o)` (left to cbmc). */
  readonly indirect: number
}

/**
 * The declaration as functionSignature reads it (specifiers, type, and `declarator`, which it takes
 * for the function's): `int a(int), *b(void);` is seen as `int *b(void);` for b.
 */
function ownDeclarator(decl: Node, d: Node): Node {
  if (decl.childForFieldName('declarator')!.equals(d)) return decl
  return new Proxy(decl, {
    get: (target, key) => (key === 'childForFieldName' ? (f: string) => (f === 'declarator' ? d : target.childForFieldName(f)) : Reflect.get(target, key)),
  })
}

/** Top-level prototypes (declared, not defined) by name. */
function prototypes(unit: Unit): Map<string, { decl: Node; fd: Node }> {
  const out = new Map<string, { decl: Node; fd: Node }>()
  for (const n of unit.top) {
    if (n.type !== 'declaration' || storageClasses(n).includes('typedef')) continue
    for (const d of n.childrenForFieldName('declarator')) {
      if (!declaresFunction(d)) continue
      const fd = findFunctionDeclarator(d)
      /* c8 ignore next -- defensive: a declarator that declares a function has a function declarator and a name */
      const name = fd ? declaratorName(fd.childForFieldName('declarator')) : undefined
      // `int f();` declares f without a prototype: no parameter types to write a stub with
      if (fd && name && !out.has(name) && fd.childForFieldName('parameters')!.namedChildCount > 0) out.set(name, { decl: ownDeclarator(n, d), fd })
    }
  }
  return out
}

/** Names of a function's parameters and local variables: calling one is a call through a pointer. */
function localNames(fn: FnInfo): Set<string> {
  const out = new Set<string>()
  for (const p of fn.declarator.childForFieldName('parameters')!.namedChildren) {
    const name = declaratorName(p.childForFieldName('declarator'))
    if (name) out.add(name)
  }
  const visit = (n: Node) => {
    if (n.type === 'declaration') {
      for (const d of n.childrenForFieldName('declarator')) {
        const name = declaresFunction(d) ? undefined : declaratorName(d)
        if (name) out.add(name)
      }
    }
    for (const c of n.namedChildren) visit(c)
  }
  visit(fn.body)
  return out
}

function calledNames(unit: Unit, fns: ReadonlySet<string>): { direct: Set<string>; indirect: number } {
  const direct = new Set<string>()
  let indirect = 0
  const visit = (n: Node, locals: ReadonlySet<string>) => {
    if (n.type === 'call_expression') {
      const f = n.childForFieldName('function')!
      if (f.type === 'identifier' && !unit.variables.has(f.text) && !locals.has(f.text)) direct.add(f.text)
      else indirect++
    }
    for (const c of n.namedChildren) visit(c, locals)
  }
  for (const f of fns) {
    const info = unit.functions.get(f)!
    visit(info.body, localNames(info))
  }
  return { direct, indirect }
}

export function findExternals(old: Unit, nw: Unit, func: string): ExternalsResult {
  const byName = new Map<string, { sig?: FunctionSignature; calledBy: ('old' | 'new')[]; bad?: boolean }>()
  let indirect = 0
  for (const [version, unit] of [['old', old], ['new', nw]] as const) {
    const calls = calledNames(unit, reachable(unit, func).fns)
    indirect += calls.indirect
    const protos = prototypes(unit)
    for (const name of calls.direct) {
      if (unit.functions.has(name) || CBMC_LIBRARY.has(name) || name.startsWith('__builtin') || name.startsWith('__CPROVER')) continue
      const entry = byName.get(name) ?? { calledBy: [] }
      entry.calledBy.push(version)
      const proto = protos.get(name)
      if (!entry.sig && proto) {
        try {
          entry.sig = functionSignature(unit, { name, node: proto.decl, declarator: proto.fd, body: proto.decl, isStatic: false }, true)
        } catch {
          entry.bad = true
        }
      }
      byName.set(name, entry)
    }
  }
  const externals: ExternalFn[] = []
  const unsupported: string[] = []
  const bounds = pairCallBounds(old, nw, func, new Set(byName.keys()))
  for (const [name, e] of [...byName].sort(([a], [b]) => a.localeCompare(b))) {
    if (e.sig && !e.sig.variadic) externals.push({ name, signature: e.sig, calledBy: e.calledBy, maxCalls: bounds.get(name) })
    else if (e.sig?.variadic) externals.push({ name, signature: e.sig, calledBy: e.calledBy, maxCalls: bounds.get(name) })
    else unsupported.push(name)
  }
  return { externals, unsupported, indirect }
}

/**
 * Function-pointer members of the structs the function can reach (an `ops` table, a `->release`
 * hook) and function-pointer globals: one stub each, keyed by `struct tag.member` or `global name`,
 * which the harness puts into the shared entry state, so both versions call the same stub.
 */
export async function memberCallbackStubs(unit: Unit, roots: readonly { type: CType; key?: string }[]): Promise<(ExternalFn & { key: string })[]> {
  const out: (ExternalFn & { key: string })[] = []
  const seen = new Set<CType>()
  const add = async (key: string, fnType: CType, stubName: string) => {
    if (out.some(o => o.key === key)) return
    const m = /^(.*) \((\(.*\))\)$/s.exec(fnType.text)
    if (!m) return
    const proto = `${m[1]} ${stubName}${m[2]};`
    const tree = await parseC(proto)
    const decl = tree.rootNode.namedChildren[0]
    const d = decl?.childForFieldName('declarator')
    const fd = d ? findFunctionDeclarator(d) : null
    if (!decl || !fd || tree.rootNode.hasError) return
    try {
      const signature = functionSignature(unit, { name: stubName, node: decl, declarator: fd, body: decl, isStatic: false }, true)
      if (!signature.variadic) out.push({ name: stubName, signature, calledBy: ['old', 'new'], callbackOf: key, key })
    } catch {
      // a member type we cannot write a stub for: it stays NULL
    }
  }
  const walk = async (t: CType, depth: number): Promise<void> => {
    if (depth > 3 || seen.has(t)) return
    if (t.kind === 'pointer') return walk(t.to, depth + 1)
    if (t.kind === 'array') return walk(t.of, depth)
    if (t.kind !== 'record') return
    seen.add(t)
    for (const f of t.fields) {
      if (f.type.kind === 'pointer' && f.type.to.kind === 'function') {
        await add(`${t.tag}.${f.name}`, f.type.to, `klp_cb_${t.tag}_${f.name}`.replace(/\W/g, '_'))
      } else {
        await walk(f.type, depth)
      }
    }
  }
  for (const r of roots) {
    if (r.key && r.type.kind === 'pointer' && r.type.to.kind === 'function') await add(r.key, r.type.to, `klp_cb_${r.key.replace(/\W/g, '_')}`)
    else await walk(r.type, 0)
  }
  return out
}
