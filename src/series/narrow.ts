/**
 * The part of two preprocessed versions of a file that differs, cut at top-level boundaries, so that
 * the object step's source index (which functions changed) reads kilobytes instead of the whole TU: a
 * kernel file's `gcc -E` output is 3–8 MB, ~95 % of it headers the two versions share, and indexing
 * both whole took 1–2.6 s of the object step's 2 s budget (bench-kernel).
 *
 * Sound by construction: the text before the cut and after it is the same in both versions (character
 * for character), and both cuts are line starts at bracket depth 0 right after a top-level `;`, so the
 * top-level items there are the same items with the same tokens in both — no function defined there
 * changed. What is left is indexed from a line marker naming the file and line the cut is at, so
 * positions (and the @LINE reading of __LINE__ in changes.ts) are what the whole text gives.
 */

export interface Narrowed {
  /** The differing middle of each version, each starting with a line marker for where it starts. */
  readonly old: string
  readonly new: string
  /** Characters of the old text left out (what indexing no longer reads). */
  readonly skipped: number
  /** The new text's line markers name the main file as the old text does (index the new middle as the old file). */
  readonly renamed: boolean
}

const MARKER = /^#\s*(?:line\s+)?(\d+)\s+("(?:\\.|[^"\\])*")/

/** The name the main file goes by in line markers: the one the preprocessor's wrapper includes first. */
function mainMarkerName(text: string): string | undefined {
  const m = /^# 1 "<klp-wrapper>"\n# 1 ("(?:\\.|[^"\\\n])*") 1$/m.exec(text.slice(0, 1 << 16))
  return m?.[1]
}

/**
 * Line starts at bracket depth 0 whose previous significant character is a `;` at depth 0: where a
 * top-level item has just ended. Line markers and pragmas (lines starting with `#`), strings and char
 * literals are skipped the way the splitter (extract/closure-split.ts) skips them.
 */
export function topLevelCuts(text: string): number[] {
  const cuts: number[] = []
  let depth = 0
  let last = 0
  const n = text.length
  for (let p = 0; p < n; p++) {
    const c = text.charCodeAt(p)
    if (c === 10) {
      if (depth === 0 && last === 59) cuts.push(p + 1)
    } else if (c === 35 && (p === 0 || text.charCodeAt(p - 1) === 10)) {
      const e = text.indexOf('\n', p)
      if (e < 0) break
      p = e - 1
    } else if (c === 34 || c === 39) {
      let i = p + 1
      for (; i < n; i++) {
        const d = text.charCodeAt(i)
        if (d === 92) i++
        else if (d === c) break
        else if (d === 10) {
          i--
          break
        }
      }
      p = i
      last = c
    } else if (c === 40 || c === 91 || c === 123) {
      depth++
      last = c
    } else if (c === 41 || c === 93 || c === 125) {
      depth--
      last = c
    } else if (c !== 32 && (c < 9 || c > 13)) {
      last = c
    }
  }
  return cuts
}

/** The line marker for offset `at` (a line start): the last marker above it, advanced by the lines between. */
function markerAt(text: string, at: number): string {
  let from = at - 1
  while (from >= 0) {
    const i = text.lastIndexOf('\n#', from - 1)
    const start = i < 0 ? (text.startsWith('#') ? 0 : -1) : i + 1
    if (start < 0) break
    const end = text.indexOf('\n', start)
    const m = MARKER.exec(text.slice(start, end < 0 ? text.length : end))
    if (m && end >= 0 && end < at) {
      let lines = 0
      for (let k = text.indexOf('\n', end + 1); k >= 0 && k < at; k = text.indexOf('\n', k + 1)) lines++
      return `# ${Number(m[1]) + lines} ${m[2]}\n`
    }
    if (start === 0) break
    from = start - 1
  }
  return ''
}

/**
 * The new text's line markers with the new file's folder read as the old file's: `"/b/lib/x.c"` and a
 * header beside it `"/b/lib/x.h"` become `"/a/lib/…"` when the old file is `/a/lib/x.c` (two trees' copies;
 * the folders where the paths start to differ), or only the file's own name when the names differ in
 * the last part. Strings in the code (a __FILE__) stay as they are.
 */
function renameInMarkers(text: string, oldName: string, newName: string): string {
  let same = 0
  while (same < oldName.length && same < newName.length && oldName[oldName.length - 1 - same] === newName[newName.length - 1 - same]) same++
  const slash = oldName.indexOf('/', oldName.length - same)
  // quoted names: `"/a` → `"/b` up to the folder where they differ, or the whole `"x.c"`
  const [from, to] = slash >= 0 ? [newName.slice(0, newName.length - (oldName.length - slash)) + '/', oldName.slice(0, slash) + '/'] : [newName, oldName]
  const re = new RegExp(`^(#\\s*(?:line\\s+)?\\d+\\s+)${from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'gm')
  return text.replace(re, (_, head: string) => head + to)
}

/** Largest element ≤ x of an ascending list, or undefined. */
function atMost(xs: readonly number[], x: number): number | undefined {
  let lo = 0
  let hi = xs.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (xs[mid]! <= x) lo = mid + 1
    else hi = mid
  }
  return lo > 0 ? xs[lo - 1] : undefined
}

/**
 * The differing middles of two preprocessed versions. The new text's main-file name in line markers is
 * read as the old one's (two trees' copies of one file; a __FILE__ in the code is left as it is): then
 * (`renamed`) index the new middle as the old file.
 */
export function narrowToChange(oldText: string, newTextIn: string): Narrowed {
  const [na, nb] = [mainMarkerName(oldText), mainMarkerName(newTextIn)]
  const renamed = na !== undefined && nb !== undefined && na !== nb
  const newText = renamed ? renameInMarkers(newTextIn, na, nb) : newTextIn
  const limit = Math.min(oldText.length, newText.length)
  let pre = 0
  while (pre < limit && oldText.charCodeAt(pre) === newText.charCodeAt(pre)) pre++
  let suf = 0
  while (suf < limit - pre && oldText.charCodeAt(oldText.length - 1 - suf) === newText.charCodeAt(newText.length - 1 - suf)) suf++
  if (pre === oldText.length && pre === newText.length) return { old: '', new: '', skipped: oldText.length, renamed }
  const oldCuts = topLevelCuts(oldText)
  const start = atMost(oldCuts, pre) ?? 0
  const delta = newText.length - oldText.length
  const newCuts = new Set(topLevelCuts(newText))
  let endOld = oldText.length
  const from = Math.max(oldText.length - suf, start, start - delta)
  for (let i = oldCuts.findIndex(x => x >= from); i >= 0 && i < oldCuts.length; i++) {
    if (newCuts.has(oldCuts[i]! + delta)) {
      endOld = oldCuts[i]!
      break
    }
  }
  const head = start > 0 ? markerAt(oldText, start) : ''
  return {
    old: head + oldText.slice(start, endOld),
    new: head + newText.slice(start, endOld + delta),
    skipped: oldText.length - (endOld - start),
    renamed,
  }
}
