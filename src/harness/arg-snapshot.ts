/**
 * What a call of an uninterpreted external function keeps of the memory behind a pointer argument
 * (pure): the function may read it, so `ext_copy(dst, "abc", 4)` and `ext_copy(dst, "abd", 4)` are
 * different calls. The stub (templates/partials/stub-generic.c.hbs) copies at most snapshotCap bytes
 * into the call's blob, which the calls observable compares.
 *
 * A pointer held there is kept as the object it points at (klp_abs), never its address: the other
 * version's copy of the same input object compares equal. A struct is copied field by field, so
 * padding (uninitialised in a local) is not compared; bytes past the first element are copied raw.
 * Where the layout cannot be followed (bit-fields, more fields than FIELD_LIMIT) the bytes are
 * copied raw and the pointers the stub can name are written over them: a difference may show that
 * is only padding or an address, never the other way round.
 */
import type { CType } from '../extract/types.js'
import { snapshotCap } from '../model/world.js'

/** One piece of the pointee's first element: C offset and size expressions, and whether it is a pointer. */
export interface SnapPiece {
  readonly off: string
  readonly size: string
  readonly ptr: boolean
}

/**
 * How one argument is kept: `typed` (its first element piece by piece, the rest raw) or raw with
 * pointer pieces written over it.
 */
export interface ArgSnapshot {
  readonly arg: number
  readonly typed: boolean
  /** Bytes kept at most (snapshotCap). */
  readonly cap: number
  /** The pointee's type as C (`__typeof__(*klp_aN)`), for sizeof. */
  readonly elem: string
  /** Raw pieces first, then pointers (which are written over any raw bytes they share). */
  readonly pieces: readonly SnapPiece[]
}

/** How deep records are followed, how many elements of a pointer array field are named, and pieces at most. */
const DEPTH = 3
const PTR_ELEMS = 8
const FIELD_LIMIT = 64

/** The snapshot of argument `arg` (a pointer to `to`). */
export function argSnapshot(arg: number, to: CType): ArgSnapshot {
  const elem = `__typeof__(*klp_a${arg})`
  const cap = snapshotCap(to)
  // `char **`: its first pointer, by object (cap); `void *`, scalars, an incomplete type: raw bytes
  if (to.kind === 'pointer') return { arg, typed: false, cap, elem, pieces: [{ off: '0', size: 'sizeof(void *)', ptr: true }] }
  if (to.kind !== 'record' || to.union) return { arg, typed: false, cap, elem, pieces: [] }
  const raw: SnapPiece[] = []
  const ptrs: SnapPiece[] = []
  let followable = true
  const off = (path: string) => `__builtin_offsetof(${elem}, ${path})`
  const size = (path: string) => `sizeof(((${elem} *)0)->${path})`
  const walk = (r: Extract<CType, { kind: 'record' }>, prefix: string, depth: number): void => {
    for (const f of r.fields) {
      if (f.bitfield) { followable = false; continue }
      const path = prefix ? `${prefix}.${f.name}` : f.name
      const t = f.type
      // a member of an anonymous union shares its bytes: which one is live is not known, so raw
      if (t.kind === 'pointer' && !f.overlaid) ptrs.push({ off: off(path), size: 'sizeof(void *)', ptr: true })
      else if (t.kind === 'record' && !t.union && !f.overlaid && depth < DEPTH) walk(t, path, depth + 1)
      else {
        raw.push({ off: off(path), size: size(path), ptr: false })
        if (t.kind === 'array' && t.of.kind === 'pointer' && t.length !== null) {
          for (let i = 0; i < Math.min(t.length, PTR_ELEMS); i++) ptrs.push({ off: off(`${path}[${i}]`), size: 'sizeof(void *)', ptr: true })
        }
      }
    }
  }
  walk(to, '', 0)
  if (followable && raw.length + ptrs.length <= FIELD_LIMIT) return { arg, typed: true, cap, elem, pieces: [...raw, ...ptrs] }
  // raw bytes, with the pointers the stub can name written over them
  return { arg, typed: false, cap, elem, pieces: ptrs.slice(0, FIELD_LIMIT) }
}
