/**
 * External functions: declared, called from the code under proof, but defined nowhere in it.
 * Both versions live in the same world: the harness gives each one a stub (see harness/externals.ts).
 */
import { parseC, type Node } from './c-parser.js'
import { declaratorName } from './ctypes.js'
import { reachable } from './rename.js'
import { functionSignature } from './signature.js'
import { declaresFunction, findFunctionDeclarator, storageClasses, type Unit } from './unit.js'
import type { FunctionSignature } from './types.js'

/** C library functions CBMC models itself: they execute, they are not external calls. */
export const CBMC_LIBRARY: ReadonlySet<string> = new Set([
  'memcpy', 'memmove', 'memset', 'memcmp', 'memchr', 'strlen', 'strnlen', 'strcmp', 'strncmp', 'strcasecmp',
  'strncasecmp', 'strcpy', 'strncpy', 'strcat', 'strncat', 'strchr', 'strrchr', 'strstr', 'strdup', 'strtok',
  'malloc', 'calloc', 'realloc', 'free', 'abs', 'labs', 'llabs', 'abort', 'exit', '__assert_fail', 'assert',
  'printf', 'fprintf', 'sprintf', 'snprintf', 'puts', 'putchar', 'isdigit', 'isalpha', 'isspace', 'isupper',
  'islower', 'isalnum', 'isxdigit', 'isprint', 'toupper', 'tolower', 'atoi', 'atol', 'strtol', 'strtoul',
  'strtoll', 'strtoull', 'rand', 'srand',
])

export interface ExternalFn {
  /** The stub's C name (a callback stub is `klp_cb_<param>`). */
  readonly name: string
  readonly signature: FunctionSignature
  /** Where it is called: `old`, `new` or both. */
  readonly calledBy: readonly ('old' | 'new')[]
  /** For a callback: the function-pointer parameter it stands behind. */
  readonly callbackOf?: string
}

/**
 * Function-pointer parameters (`int (*cb)(int, void *)`) become calls to the world keyed by the
 * pointer value: both versions get the same stub `klp_cb_<param>` as the argument.
 */
export async function callbackStubs(unit: Unit, params: FunctionSignature['params']): Promise<ExternalFn[]> {
  const out: ExternalFn[] = []
  for (const p of params) {
    if (p.type.kind !== 'pointer' || p.type.to.kind !== 'function') continue
    const m = /\(\s*\*\s*KLP_TYPE_NAME\s*\)/.exec(p.typedefText)
    if (!m) continue // e.g. a typedef'd function pointer: stays NULL
    const name = `klp_cb_${p.name}`
    const proto = `${p.typedefText.slice(0, m.index)}${name}${p.typedefText.slice(m.index + m[0].length)};`
    const tree = await parseC(proto)
    const decl = tree.rootNode.namedChildren[0]
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

/** Top-level prototypes (declared, not defined) by name. */
function prototypes(unit: Unit): Map<string, { decl: Node; fd: Node }> {
  const out = new Map<string, { decl: Node; fd: Node }>()
  for (const n of unit.tree.rootNode.namedChildren) {
    if (n.type !== 'declaration' || storageClasses(n).includes('typedef')) continue
    for (const d of n.childrenForFieldName('declarator')) {
      if (!declaresFunction(d)) continue
      const fd = findFunctionDeclarator(d)
      const name = fd ? declaratorName(fd.childForFieldName('declarator')) : undefined
      if (fd && name && !out.has(name)) out.set(name, { decl: n, fd })
    }
  }
  return out
}

function calledNames(unit: Unit, fns: ReadonlySet<string>): { direct: Set<string>; indirect: number } {
  const direct = new Set<string>()
  let indirect = 0
  const visit = (n: Node) => {
    if (n.type === 'call_expression') {
      const f = n.childForFieldName('function')!
      if (f.type === 'identifier' && !unit.variables.has(f.text)) direct.add(f.text)
      else indirect++
    }
    for (const c of n.namedChildren) visit(c)
  }
  for (const f of fns) visit(unit.functions.get(f)!.body)
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
  for (const [name, e] of [...byName].sort(([a], [b]) => a.localeCompare(b))) {
    if (e.sig && !e.sig.variadic) externals.push({ name, signature: e.sig, calledBy: e.calledBy })
    else if (e.sig?.variadic) externals.push({ name, signature: e.sig, calledBy: e.calledBy })
    else unsupported.push(name)
  }
  return { externals, unsupported, indirect }
}
