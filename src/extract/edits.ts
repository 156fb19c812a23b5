/** Edits of a text by offset: replacements applied in one pass, and blanking that keeps lines. */

/** Replace `text[start, end)` by `text`. */
export interface Edit { start: number; end: number; text: string }

/**
 * Apply non-overlapping edits in one pass (linear in the text: a file of many thousands of
 * functions has as many edits). Of two edits at one offset, the one listed later comes first.
 */
export function applyEdits(text: string, edits: readonly Edit[], base = 0): string {
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || b.i - a.i)
  const parts: string[] = []
  let pos = 0
  for (const { e } of sorted) {
    parts.push(text.slice(pos, e.start - base), e.text)
    pos = Math.max(pos, e.end - base)
  }
  parts.push(text.slice(pos))
  return parts.join('')
}

/** `fill` for every other character: ' ' keeps columns, '' drops them (a dropped function). */
export function blankRange(text: string, start: number, end: number, fill: string): Edit {
  const src = text.slice(start, end)
  const atLineStart = start === 0 || text[start - 1] === '\n'
  const out = src.replace(/[^\n]+/g, (line, at: number) =>
    (at > 0 || atLineStart) && /^[ \t]*#/.test(line) ? line : fill === '' ? '' : fill.repeat(line.length))
  return { start, end, text: out }
}
