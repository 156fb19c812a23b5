/** Pure parsing of `cbmc --version` output. The probe that spawns cbmc lives in locate.ts. */

export interface CbmcVersion {
  readonly major: number
  readonly minor: number
  readonly patch: number
  /** The whole first line as printed, e.g. `6.6.0 (cbmc-6.6.0)`. */
  readonly text: string
}

/** Oldest CBMC major version klp-verify supports. */
export const MIN_CBMC_MAJOR = 6

// `6.6.0 (cbmc-6.6.0)`, `5.10 (cbmc-5.10)`, `6.4.1 (cbmc-6.4.1-5-g3d9f9c5)`, `CBMC version 5.12 64-bit …`.
// scripts/install-cbmc.mjs repeats this pattern (it runs before TypeScript is built): keep both in step.
const VERSION_RE = /^(?:cbmc\s+(?:version\s+)?)?v?(\d+)\.(\d+)(?:\.(\d+))?(?![\d.])/i

/** The version on the first non-empty line of `cbmc --version`, or null if there is none. */
export function parseCbmcVersion(stdout: string): CbmcVersion | null {
  const line = stdout
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l !== '')
  if (line === undefined) return null
  const m = VERSION_RE.exec(line)
  if (m === null) return null
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3] ?? 0), text: line }
}

/** True if `v` is at least `major.minor`. */
export function meetsMinimum(v: Pick<CbmcVersion, 'major' | 'minor'>, major: number, minor = 0): boolean {
  return v.major > major || (v.major === major && v.minor >= minor)
}
