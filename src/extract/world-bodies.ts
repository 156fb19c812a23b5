/**
 * Header functions the world models (templates/models/kernel.yaml, --models) lose their bodies: in a
 * kernel closure `spin_lock`, `copy_from_user` or `kzalloc_noprof` are `static inline` wrappers whose
 * bodies end in asm or in internal functions; the model says what they do, so the function becomes a
 * prototype and the world's stub stands in for it. A body in the user's own file is never replaced:
 * there the file's definition is what the patch changes. Text in, text out; lines kept.
 */
import { splitTopLevel, tokenize } from './closure-split.js'
import { scanChunk } from './closure-scan.js'
import { sameFile } from './pp-text.js'

const LINKAGE: ReadonlySet<string> = new Set(['static', 'inline', '__inline', '__inline__', 'extern'])
/** `__attribute__((__gnu_inline__))`: becomes `__attribute__((__unused__))`. */
const GNU_INLINE: ReadonlySet<string> = new Set(['__gnu_inline__', 'gnu_inline'])

export interface WorldBodies {
  readonly text: string
  /** Functions whose header body was replaced by the model, sorted. */
  readonly replaced: readonly string[]
}

/** The file each offset of a preprocessed text belongs to (from its line markers). */
function fileAt(text: string): (at: number) => string | undefined {
  const marks = [...text.matchAll(/^#[ \t]*(?:line[ \t]+)?\d+[ \t]+"((?:[^"\\\n]|\\.)*)"/gm)].map(m => ({ at: m.index, file: m[1]!.replace(/\\(.)/g, '$1') }))
  return at => {
    let lo = 0, hi = marks.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (marks[mid]!.at < at) lo = mid + 1
      else hi = mid
    }
    return marks[lo - 1]?.file
  }
}

export function dropModelledBodies(text: string, modelled: ReadonlySet<string>, userFile: string): WorldBodies {
  if (modelled.size === 0) return { text, replaced: [] }
  const toks = tokenize(text).filter(t => t.kind !== 'marker')
  const where = fileAt(text)
  const replaced: string[] = []
  const parts: string[] = []
  let pos = 0
  for (const c of splitTopLevel(toks)) {
    if (c.kind !== 'function' || c.body === undefined) continue
    const name = scanChunk(toks, c).name
    if (!name || !modelled.has(name)) continue
    const file = where(toks[c.start]!.at)
    if (file === undefined || sameFile(file, userFile)) continue
    // an external declaration: a `static` one would never link to the world's stub, and a
    // gnu_inline one (the kernel's `inline`) makes cbmc drop the stub's body as an inline definition
    for (const t of toks.slice(c.start, c.body)) {
      if (!LINKAGE.has(t.text) && !GNU_INLINE.has(t.text)) continue
      parts.push(text.slice(pos, t.at), LINKAGE.has(t.text) ? ' '.repeat(t.text.length) : '__unused__')
      pos = t.at + t.text.length
    }
    const start = toks[c.body]!.at
    const end = toks[c.end - 1]!.at + 1
    parts.push(text.slice(pos, start), ';', '\n'.repeat((text.slice(start, end).match(/\n/g) ?? []).length))
    pos = end
    replaced.push(name)
  }
  parts.push(text.slice(pos))
  return { text: parts.join(''), replaced: replaced.sort() }
}
