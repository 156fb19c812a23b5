/**
 * The new version's own type context. A live patch runs the new function against the running kernel's
 * types, so the proof reads both versions with the old tree's flags (headers, config). Whether the patch
 * also changed a type the function uses shows only when the new file is read with its own tree's headers:
 * these are the old command's flags with every source path of the old tree moved to the new tree (the
 * build folder's generated headers and config stay: one configuration for both).
 */
import path from 'node:path'
import { findKernelRoot } from './tree.js'
import type { BuildContext } from './types.js'

/** The kept flags of `c` read from the new file's kernel tree, or undefined when it is the same tree (or none). */
export function newTreeFlags(c: BuildContext, newFile: string): string[] | undefined {
  const oldRoot = findKernelRoot(c.command.file)
  const newRoot = findKernelRoot(newFile)
  if (!oldRoot || !newRoot || oldRoot === newRoot) return undefined
  // the compiler runs in the build folder (O=, or the tree itself when configured in place)
  const build = path.resolve(c.command.directory)
  const under = (p: string, dir: string) => p === dir || p.startsWith(dir + path.sep)
  // generated headers and the config stay; in a tree configured in place they lie among its sources
  const generated = (p: string) => (build === oldRoot ? /\/(?:generated|config)(?:\/|$)/.test(p.slice(oldRoot.length)) : under(p, build))
  const move = (p: string) => (under(p, oldRoot) && !generated(p) ? newRoot + p.slice(oldRoot.length) : p)
  return c.flags.kept.map(f => {
    const m = /^(-I|-isystem|-iquote|-include|-imacros|-idirafter)?(\/.*)$/.exec(f)
    if (m) return `${m[1] ?? ''}${move(m[2]!)}`
    const pm = /^(-f(?:macro|file|debug)-prefix-map=)([^=]*)(=.*)$/.exec(f)
    if (pm && pm[2]) return `${pm[1]}${move(pm[2])}${pm[3]}`
    return f
  })
}
