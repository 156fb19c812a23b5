/**
 * Bounds that hit (issue #13): the unwinding bound a loop needs, read from its header and the input
 * bounds where that can be done, and the 2^k + 1 schedule for the loops where it cannot. A loop
 * that runs at most n times needs the bound n + 1 (n iterations and the exit test): a loop over a
 * `--buffer` of up to max-size elements needs max-size + 1, one over the bits of a 64-bit word 65.
 * A guess is only where a proof starts: every run keeps its unwinding assertions, and a loop whose
 * assertion fails is deepened (pure; the caller reads the files).
 */

/** The smallest 2^k + 1 above b: 1 → 2, 2 → 3, 3 → 5, 5 → 9, 8 → 9, 33 → 65. */
export function nextBound(b: number): number {
  let n = 2
  while (n <= b) n = (n - 1) * 2 + 1
  return n
}

/** The global bounds auto mode tries: from, then 2^k + 1 values above it below ceiling, then ceiling. */
export function boundSchedule(from: number, ceiling: number): number[] {
  const out: number[] = []
  for (let b = Math.max(1, Math.min(from, ceiling)); b < ceiling; b = nextBound(b)) out.push(b)
  out.push(ceiling)
  return out
}

/** What a loop header is read against. */
export interface LoopContext {
  /** The proof's buffers: pointer parameter → its length expression (`buf: len`). */
  readonly buffers: Readonly<Record<string, string>>
  /** Largest buffer length. */
  readonly maxSize: number
  /** Text of the source file before the loop (declarations, `#define`s). */
  readonly before: string
  /** Where typedefs can be looked up (the harness's preprocessed files). */
  readonly typedefs?: string
}

const IDENT = /[A-Za-z_]\w*/g
const KEYWORDS = new Set(['sizeof', 'unsigned', 'signed', 'int', 'long', 'char', 'short', 'const'])

/** The condition of a `for` or `while` loop header on one line; undefined for anything else. */
export function loopCondition(line: string): { init: string; cond: string } | undefined {
  const f = /\bfor\s*\(([^;]*);([^;]*);/.exec(line)
  if (f) return { init: f[1]!, cond: f[2]! }
  const w = /\bwhile\s*\((.*)\)/.exec(line)
  return w ? { init: '', cond: w[1]! } : undefined
}

/**
 * The bound the loop at `line` needs, if its header says: a buffer or its length in the condition
 * (max-size + 1), a constant count (N + 1), or the truth of one integer variable, a loop over its
 * bits (width + 1). undefined: nothing to read, the schedule decides.
 */
export function deriveLoopBound(line: string, ctx: LoopContext): number | undefined {
  const head = loopCondition(line)
  if (!head) return undefined
  const idents = (head.cond.match(IDENT) ?? []).filter(i => !KEYWORDS.has(i))
  const inclusive = /<=|>=/.test(head.cond) ? 1 : 0
  const buffers = new Set([...Object.keys(ctx.buffers), ...Object.values(ctx.buffers).flatMap(l => l.match(IDENT) ?? [])])
  if (idents.some(i => buffers.has(i))) return ctx.maxSize + 1 + inclusive
  const count = Math.max(0, ...[...head.init.matchAll(/=\s*(\w+)/g), ...head.cond.matchAll(/(?:<=?|>=?|!=)\s*(\w+)/g)].map(m => constantOf(m[1]!, ctx.before)))
  if (count > 0) return count + 1 + inclusive
  const bare = /^\s*!*\(*\s*([A-Za-z_]\w*)\s*\)*\s*(?:(?:!=|>)\s*0[uUlL]*\s*)?$/.exec(head.cond)
  if (!bare) return undefined
  const width = widthOfVariable(bare[1]!, ctx)
  return width === undefined ? undefined : width + 1
}

/** An integer literal, or a macro `#define`d as one in the text; 0 when neither. */
function constantOf(word: string, text: string): number {
  const lit = /^(0x[0-9a-f]+|\d+)[ul]*$/i.exec(word)
  if (lit) return Number(lit[1])
  if (!/^[A-Za-z_]\w*$/.test(word)) return 0
  const def = new RegExp(`^[ \\t]*#[ \\t]*define[ \\t]+${word}[ \\t]+\\(?(0x[0-9a-fA-F]+|\\d+)[uUlL]*\\)?[ \\t]*$`, 'm').exec(text)
  return def ? Number(def[1]) : 0
}

/** The width in bits of a variable declared (last) in the text before the loop; undefined for pointers and unknown types. */
function widthOfVariable(name: string, ctx: LoopContext): number | undefined {
  const decl = new RegExp(`([A-Za-z_][\\w ]*?)\\s*(\\**)\\s*\\b${name}\\s*[;,)=\\[]`, 'g')
  let last: RegExpExecArray | undefined
  for (const m of ctx.before.matchAll(decl)) last = m
  if (!last || last[2]) return undefined
  return widthOfType(last[1]!.trim(), ctx.typedefs ?? '', 0)
}

const WIDTHS: readonly [RegExp, number][] = [
  [/\b(u64|s64|__u64|__s64|uint64_t|int64_t|__le64|__be64|size_t|ssize_t|uintptr_t|intptr_t|ptrdiff_t|loff_t|long)\b/, 64],
  [/\b(u16|s16|__u16|__s16|uint16_t|int16_t|__le16|__be16|short)\b/, 16],
  [/\b(u8|s8|__u8|__s8|uint8_t|int8_t|char|bool|_Bool)\b/, 8],
  [/\b(u32|s32|__u32|__s32|uint32_t|int32_t|__le32|__be32|int|unsigned|signed)\b/, 32],
]

function widthOfType(type: string, typedefs: string, depth: number): number | undefined {
  for (const [re, w] of WIDTHS) if (re.test(type)) return w
  const name = type.split(/\s+/).at(-1)!
  if (depth > 2) return undefined
  const def = new RegExp(`typedef\\s+([^;{}*]*?)\\s+${name}\\s*;`).exec(typedefs)
  return def ? widthOfType(def[1]!, typedefs, depth + 1) : undefined
}
