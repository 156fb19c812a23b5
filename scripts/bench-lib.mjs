// Shared by the bench scripts: where the project and its built CLI are.
import { existsSync } from 'node:fs'
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
