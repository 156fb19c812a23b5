/** C type facts the input and observable models record (pure, over extract's CType). */
import type { CType } from '../extract/types.js'

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

/** An empty struct (GNU C, e.g. a lock type in some kernel configs): nothing to copy, and cbmc 6.6 crashes assigning one. */
export function isEmptyRecord(t: CType): boolean {
  return t.kind === 'record' && t.fields.length === 0
}

/** A pointee the harness can allocate one object of (not a function, array or incomplete type). */
export function pointeeAllocatable(t: CType): boolean {
  return t.kind === 'record' || t.kind === 'scalar' || (t.kind === 'pointer' && t.to.kind !== 'function')
}

export function isVoid(t: CType): boolean {
  return t.kind === 'opaque' && t.text === 'void'
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

/** Arrays up to this length are handled element by element, without a loop. */
export const UNROLL = 4
