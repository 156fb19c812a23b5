/**
 * The preprocessed text as text: what tree-sitter is given to parse (same offsets), and which file
 * and line each row came from (gcc's line markers).
 */

/**
 * The text tree-sitter parses, with the same offsets as the preprocessed text: line markers and
 * pragmas (`# 12 "f.c" 3 4`, which gcc puts even inside expressions around system-header macros
 * such as NULL) blanked; `__builtin_offsetof` spelled `offsetof`; and GNU attributes blanked, as
 * tree-sitter-c cannot parse them after a declarator (`int x __aligned(8);`, `fallthrough;`).
 * `cleanup(fn)` attributes stay: they name a function that is renamed.
 */
export function parseableText(text: string): string {
  const out = text
    .replace(/^[ \t]*#[^\n]*/gm, m => ' '.repeat(m.length))
    .replace(/\b__builtin_offsetof\b/g, m => 'offsetof'.padEnd(m.length))
  const parts: string[] = []
  let last = 0
  for (const m of out.matchAll(/\b__attribute(?:__)?\b\s*\(/g)) {
    if (m.index < last) continue
    const end = attributeEnd(out, m.index + m[0].length - 1)
    const span = out.slice(m.index, end)
    if (/\b(?:__)?cleanup(?:__)?\b/.test(span)) continue
    parts.push(out.slice(last, m.index), span.replace(/[^\n]/g, ' '))
    last = end
  }
  parts.push(out.slice(last))
  return parts.join('')
}

/** End (exclusive) of the parenthesised attribute list opening at `open`, skipping strings. */
function attributeEnd(s: string, open: number): number {
  let depth = 0
  let i = open
  for (; i < s.length; i++) {
    const c = s[i]
    if (c === '"') {
      for (i++; i < s.length && s[i] !== '"'; i++) if (s[i] === '\\') i++
    } else if (c === '(') depth++
    else if (c === ')' && --depth === 0) break
  }
  return i + 1
}

/** End of a node's text including the attributes right after it (`struct s {…} __attribute__((packed))`). */
export function withTrailingAttributes(text: string, end: number): number {
  for (;;) {
    const m = /^\s*__attribute(?:__)?\s*\(/.exec(text.slice(end))
    if (!m) return end
    end = attributeEnd(text, end + m[0].length - 1)
  }
}

/**
 * File and line of each row, from the line markers: one scan for the markers (built on first use),
 * then a binary search per question, so a big file costs one pass, not an array per row.
 */
export function lineMapper(text: string): (row: number) => { file: string; line: number } {
  let marks: { row: number; line: number; file: string }[] | undefined
  let rows = 0
  const build = () => {
    const out: { row: number; line: number; file: string }[] = []
    let at = 0
    for (const m of text.matchAll(/^#[ \t]*(?:line[ \t]+)?(\d+)[ \t]+"((?:[^"\\\n]|\\.)*)"/gm)) {
      for (let nl = text.indexOf('\n', at); nl !== -1 && nl < m.index; nl = text.indexOf('\n', nl + 1)) rows++
      at = m.index
      out.push({ row: rows, line: Number(m[1]), file: m[2]!.replace(/\\(.)/g, '$1') })
    }
    for (let nl = text.indexOf('\n', at); nl !== -1; nl = text.indexOf('\n', nl + 1)) rows++
    rows++
    return out
  }
  return asked => {
    marks ??= build()
    // past the end: where the text stops
    const row = Math.min(asked, rows)
    // the last marker above this row (a marker row itself belongs to the lines before it)
    let lo = 0, hi = marks.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (marks[mid]!.row < row) lo = mid + 1
      else hi = mid
    }
    const k = marks[lo - 1]
    return k ? { file: k.file, line: k.line + row - k.row - 1 } : { file: '<unknown>', line: row + 1 }
  }
}

export function sameFile(a: string, b: string): boolean {
  const strip = (s: string) => s.replace(/^\.\//, '')
  const same = (x: string, y: string) => strip(x) === strip(y) || x.endsWith('/' + strip(y)) || y.endsWith('/' + strip(x))
  // a line marker names a file with a quote, backslash or control character by its escaped name
  return same(a, b) || (a.includes('%') && same(a, escapeMarkerName(b)))
}

/**
 * A path with quotes, backslashes, control characters (cbmc's C front end fails on them in a line
 * marker) and % written as %XX: the name such a file goes by in line markers (read.ts markerName).
 */
export function escapeMarkerName(p: string): string {
  return p.replace(/[\x00-\x1f\x7f"\\%]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
}
