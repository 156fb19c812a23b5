// Shared by the bench scripts: where the project and its built CLI are.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const bin = path.join(root, 'dist', 'bin.js')

/** Stop with a clear message when the CLI is not built. */
export function requireBuild() {
  if (existsSync(bin)) return
  console.error('bench: dist/bin.js is missing; run npm install (or npm run build) first')
  process.exit(3)
}

export const fmt = ms => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`)

/**
 * CPU time (ms) of every child process this script has waited for, their waited-for descendants
 * included (Linux /proc/self/stat cutime + cstime): the difference around one spawnSync is the CPU of
 * that whole process tree (klp-verify with every cbmc, solver and gcc it ran; or one cbmc and its solver).
 */
export function childrenCpuMs() {
  const text = readFileSync('/proc/self/stat', 'utf8')
  const rest = text.slice(text.lastIndexOf(')') + 2).trim().split(/\s+/)
  return ((Number(rest[13]) + Number(rest[14])) * 1000) / 100
}

/** Run a command synchronously; its wall and process-tree CPU time. */
export function measured(file, args, opts = {}) {
  const c0 = childrenCpuMs()
  const t0 = performance.now()
  const r = spawnSync(file, args, { encoding: 'utf8', maxBuffer: 256 << 20, ...opts })
  return { r, wallMs: performance.now() - t0, cpuMs: childrenCpuMs() - c0 }
}

export const median = xs => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}
