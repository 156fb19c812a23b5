/**
 * The shape a loop proof without a bound can take (issue #12): a function whose body is
 * `pre; loop; post; return e;` with one loop, pure arithmetic over its parameters and locals, reading
 * (never writing) through its pointer parameters, and calling nothing. Anything else is `unsupported`
 * with the reason, and the proof stays bounded.
 *
 * Pure: works on tree-sitter nodes of the renamed, preprocessed version text.
 */
import type { Node } from '../extract/c-parser.js'

/** A variable live at the loop head: a parameter or a local declared before the loop. */
export interface LoopVar {
  /** As renamed in the product: `<prefix><name>`. */
  readonly name: string
  /** The C type, e.g. `const unsigned char *`. */
  readonly type: string
  /** `int`: an integer-like scalar; `ptr`: a pointer; `other`: no candidates are built over it. */
  readonly kind: 'int' | 'ptr' | 'other'
  /** The pointee type of a pointer, without qualifiers (pointer arithmetic candidates need it equal). */
  readonly pointee?: string
  readonly param: boolean
}

export interface LoopShape {
  /** Parameters in order, with their names as written (not renamed). */
  readonly params: readonly { readonly name: string; readonly type: string; readonly kind: LoopVar['kind'] }[]
  /** Statements before the loop (with the for-loop's init), renamed. */
  readonly pre: string
  /** The loop's continue condition, renamed (`1` when none). */
  readonly cond: string
  /** The condition changes nothing (no `++`, `--` or assignment): a candidate may evaluate it. */
  readonly condPure: boolean
  /** The loop body, renamed (its own block: declarations in it never shadow the update or the condition). */
  readonly body: string
  /** The for-loop's update as a statement, renamed ('' when none). */
  readonly update: string
  /** Statements after the loop up to the final return, renamed. */
  readonly post: string
  /** The returned expression, renamed; undefined for a void function. */
  readonly ret?: string
  readonly vars: readonly LoopVar[]
  /** 1-based line of the loop in the version text (line markers not applied). */
  readonly loopRow: number
}

export type ShapeResult = { readonly shape: LoopShape } | { readonly unsupported: string }

const LOOPS = new Set(['for_statement', 'while_statement', 'do_statement'])
const REJECT: Record<string, string> = {
  do_statement: 'a do-while loop',
  goto_statement: 'a goto',
  labeled_statement: 'a label',
  switch_statement: 'a switch',
  call_expression: 'a call',
  continue_statement: 'a continue',
  gnu_asm_expression: 'inline asm',
  compound_literal_expression: 'a compound literal',
  array_declarator: 'a local array',
  initializer_list: 'an initializer list',
  struct_specifier: 'a local struct type',
  union_specifier: 'a local union type',
  enum_specifier: 'a local enum type',
}

/** The function definition named `name` among the top-level items of a parsed text. */
export function findDefinition(root: Node, name: string): Node | undefined {
  for (const item of root.namedChildren) {
    if (item?.type !== 'function_definition') continue
    if (declaredName(item.childForFieldName('declarator')) === name) return item
  }
  return undefined
}

function declaredName(d: Node | null): string | undefined {
  let n = d
  while (n && n.type !== 'identifier') n = n.childForFieldName('declarator')
  return n?.text
}

/** `const unsigned char *` for declarator `*p` in a declaration starting `const unsigned char`. */
function typeOf(specifiers: string, declarator: Node, name: string): string {
  const stars = declarator.type === 'identifier' ? '' : declarator.text.replace(new RegExp(`\\b${name}\\b`), '').trim()
  return `${specifiers.trim()}${stars ? ` ${stars}` : ''}`
}

function kindOf(specifiers: string, declarator: Node): { kind: LoopVar['kind']; pointee?: string } {
  const pointer = declarator.type === 'pointer_declarator'
  const base = specifiers.replace(/\b(const|volatile|register|restrict|__restrict|__restrict__|__const|__volatile__)\b/g, '').replace(/\s+/g, ' ').trim()
  if (/\b(struct|union|float|double|_Complex|__int128|_Float\d+)\b|\[/.test(base)) return { kind: pointer ? 'ptr' : 'other', ...(pointer ? { pointee: base } : {}) }
  if (pointer) {
    const inner = declarator.childForFieldName('declarator')
    // a pointer to a pointer: its pointee is a pointer type, spelled with its stars
    return inner?.type === 'pointer_declarator' ? { kind: 'ptr', pointee: `${base} *` } : { kind: 'ptr', pointee: base }
  }
  return { kind: base === 'void' || base === '_Bool' ? 'other' : 'int' }
}

/** The declarators of a declaration (or parameter): name and the node holding the name's stars. */
function declarators(decl: Node): { name: string; declarator: Node }[] {
  const out: { name: string; declarator: Node }[] = []
  for (const d of decl.childrenForFieldName('declarator')) {
    const declarator = d!.type === 'init_declarator' ? d!.childForFieldName('declarator')! : d!
    const name = declaredName(declarator)
    if (name) out.push({ name, declarator })
  }
  return out
}

/** The declaration's specifiers: its text before the first declarator. */
function specifiersOf(decl: Node): string {
  const first = decl.childrenForFieldName('declarator')[0]
  return first ? decl.text.slice(0, first.startIndex - decl.startIndex) : decl.text
}

/** `1.5`, `1e3`, `0x1p-4`, not `0xfe`. */
export function isFloatLiteral(text: string): boolean {
  return /^0x/i.test(text) ? /[.p]/i.test(text) : /[.e]/i.test(text)
}

function walk(n: Node, visit: (n: Node) => void): void {
  visit(n)
  for (const c of n.namedChildren) if (c) walk(c, visit)
}

function unwrapBlock(n: Node): Node[] {
  return n.type === 'compound_statement' ? n.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment') : [n]
}

function isBreak(n: Node): boolean {
  const s = unwrapBlock(n)
  return s.length === 1 && s[0]!.type === 'break_statement'
}

/**
 * The loop shape of a function definition, its locals and parameters renamed with `prefix`.
 */
export function loopShape(fn: Node, prefix: string): ShapeResult {
  const fdecl = fn.childForFieldName('declarator')
  if (fdecl?.type !== 'function_declarator') return { unsupported: 'returns a pointer or has an unusual declarator' }
  const body = fn.childForFieldName('body')!
  const params: LoopShape['params'][number][] = []
  const vars: LoopVar[] = []
  for (const p of fdecl.childForFieldName('parameters')?.namedChildren ?? []) {
    if (!p) continue
    if (p.type === 'variadic_parameter') return { unsupported: 'is variadic' }
    const spec = specifiersOf(p)
    const [d] = declarators(p)
    if (!d) {
      if (/^\s*void\s*$/.test(p.text)) continue
      return { unsupported: 'has an unnamed parameter' }
    }
    const k = kindOf(spec, d.declarator)
    const type = typeOf(spec, d.declarator, d.name)
    params.push({ name: d.name, type, kind: k.kind })
    vars.push({ name: prefix + d.name, type, ...k, param: true })
  }

  // every rejected construct, every name, every write, every loop
  const names = new Set(params.map(p => p.name))
  let why: string | undefined
  const loops: Node[] = []
  const returns: Node[] = []
  walk(body, n => {
    if (why) return
    if (REJECT[n.type]) why = `uses ${REJECT[n.type]}`
    else if (LOOPS.has(n.type)) loops.push(n)
    else if (n.type === 'return_statement') returns.push(n)
    else if (n.type === 'declaration') {
      if (/\b(static|extern)\b/.test(specifiersOf(n))) why = 'has a static or extern local'
      for (const d of declarators(n)) names.add(d.name)
    } else if (n.type === 'assignment_expression' && n.childForFieldName('left')?.type !== 'identifier') why = 'writes through a pointer or to a member'
    else if (n.type === 'update_expression' && n.childForFieldName('argument')?.type !== 'identifier') why = 'writes through a pointer or to a member'
    else if (n.type === 'pointer_expression' && n.child(0)?.type === '&') why = 'takes an address'
    else if (n.type === 'type_descriptor' && /\b(struct|union|enum)\b/.test(n.text)) why = 'names a struct, union or enum type'
    else if (n.type === 'ERROR' || n.type.startsWith('preproc_')) why = 'has code the parser did not read'
    // cbmc's long double is not x86's, and a float converted to an integer out of range is unchecked
    else if ((n.type === 'primitive_type' && /^(float|double)$/.test(n.text)) || (n.type === 'number_literal' && isFloatLiteral(n.text))) why = 'uses floating point'
  })
  if (why) return { unsupported: why }
  walk(body, n => {
    if (!why && n.type === 'identifier' && !names.has(n.text)) why = `reads '${n.text}', which is not a parameter or local`
  })
  if (why) return { unsupported: why }
  if (loops.length !== 1) return { unsupported: loops.length ? 'has more than one loop' : 'has no loop' }

  const items = unwrapBlock(body)
  const li = items.findIndex(s => LOOPS.has(s.type))
  if (li < 0) return { unsupported: 'its loop is not a top-level statement' }
  const loop = items[li]!
  const last = items[items.length - 1]
  const ret = last?.type === 'return_statement' ? last.namedChildren.find(c => c && c.type !== 'comment') ?? undefined : undefined
  if (returns.length > (last?.type === 'return_statement' ? 1 : 0)) return { unsupported: 'returns early' }
  const postItems = items.slice(li + 1, last?.type === 'return_statement' ? -1 : undefined)

  const rn = (n: Node): string => rename(n, prefix, names)
  // the loop: condition, body and update; `while (1) { if (c) break; … }` reads as `while (!(c)) { … }`
  let cond = '1'
  let condNode: Node | undefined
  let bodyItems: Node[]
  let update = ''
  const preInit: string[] = []
  if (loop.type === 'for_statement') {
    const init = loop.childForFieldName('initializer')
    if (init) preInit.push(init.type === 'declaration' ? rn(init) : `${rn(init)};`)
    const c = loop.childForFieldName('condition')
    if (c) {
      cond = rn(c)
      condNode = c
    }
    const u = loop.childForFieldName('update')
    if (u) update = `${rn(u)};`
    bodyItems = unwrapBlock(loop.childForFieldName('body')!)
  } else {
    condNode = loop.childForFieldName('condition')!
    cond = rn(condNode)
    bodyItems = unwrapBlock(loop.childForFieldName('body')!)
  }
  const first = bodyItems[0]
  if (/^\(?\s*1\s*\)?$/.test(cond) && first?.type === 'if_statement' && !first.childForFieldName('alternative') && isBreak(first.childForFieldName('consequence')!)) {
    condNode = first.childForFieldName('condition')!
    cond = `!${rn(condNode)}`
    bodyItems = bodyItems.slice(1)
  }
  let condPure = true
  if (condNode) walk(condNode, n => { if (n.type === 'update_expression' || n.type === 'assignment_expression') condPure = false })
  let breaks = false
  for (const b of bodyItems) walk(b, n => { if (n.type === 'break_statement') breaks = true })
  if (breaks) return { unsupported: 'breaks out of its loop' }

  // the variables live at the loop head: parameters, locals declared before the loop and in a for's init
  const before = [...items.slice(0, li), ...(loop.type === 'for_statement' && loop.childForFieldName('initializer')?.type === 'declaration' ? [loop.childForFieldName('initializer')!] : [])]
  for (const s of before) {
    if (s.type !== 'declaration') continue
    const spec = specifiersOf(s)
    for (const d of declarators(s)) {
      const k = kindOf(spec, d.declarator)
      vars.push({ name: prefix + d.name, type: typeOf(spec, d.declarator, d.name), ...k, param: false })
    }
  }
  return {
    shape: {
      params,
      pre: [...items.slice(0, li).map(s => rn(s)), ...preInit].join('\n'),
      cond,
      condPure,
      body: bodyItems.map(s => rn(s)).join('\n'),
      update,
      post: postItems.map(s => rn(s)).join('\n'),
      ...(ret ? { ret: rn(ret) } : {}),
      vars,
      loopRow: loop.startPosition.row + 1,
    },
  }
}

/** The node's text with every identifier in `names` prefixed (field names and types are other node kinds). */
function rename(n: Node, prefix: string, names: ReadonlySet<string>): string {
  const cuts: { at: number; end: number; text: string }[] = []
  walk(n, c => {
    if (c.type === 'identifier' && names.has(c.text)) cuts.push({ at: c.startIndex, end: c.endIndex, text: prefix + c.text })
  })
  let out = ''
  let pos = n.startIndex
  const src = n.text
  for (const c of cuts.sort((a, b) => a.at - b.at)) {
    out += src.slice(pos - n.startIndex, c.at - n.startIndex) + c.text
    pos = c.end
  }
  return out + src.slice(pos - n.startIndex)
}
