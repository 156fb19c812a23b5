/**
 * Where a source file's kernel tree and build folder are (reads the filesystem). A kernel tree's
 * root has a Makefile, a Kbuild file and a Kconfig; it is configured in place (a `.config` at the
 * root) or in a build folder given as O= (`make O=DIR`), which holds the `.config` and the
 * generated headers.
 */
import fs from 'node:fs'
import path from 'node:path'

export interface KernelTree {
  /** The source tree's root. */
  readonly root: string
  /** The folder make runs in and writes to: the root itself or the O= folder. */
  readonly buildDir: string
  /** The file's object, relative to the root (`lib/cmdline.o`). */
  readonly object: string
}

const isFile = (p: string) => fs.statSync(p, { throwIfNoEntry: false })?.isFile() ?? false

/** Whether `dir` is the root of a kernel source tree. */
export function isKernelRoot(dir: string): boolean {
  return isFile(path.join(dir, 'Makefile')) && isFile(path.join(dir, 'Kbuild')) && isFile(path.join(dir, 'Kconfig'))
}

/**
 * The kernel root above `file`, walking up, or undefined. The outermost folder that looks like a root
 * wins: `arch/x86` has a Makefile, a Kbuild and a Kconfig too, and make run there knows no kernel flags.
 */
export function findKernelRoot(file: string): string | undefined {
  let dir = path.dirname(path.resolve(file))
  let found: string | undefined
  for (;;) {
    if (isKernelRoot(dir)) found = dir
    const up = path.dirname(dir)
    if (up === dir) return found
    dir = up
  }
}

/**
 * The kernel tree of a `.c` file: its root, its configured build folder (`buildDir` if given, else
 * the root when it holds a `.config`) and its object. Undefined outside a kernel tree, or in one
 * that is not configured.
 */
export function findKernelTree(file: string, buildDir?: string): KernelTree | undefined {
  const abs = path.resolve(file)
  const root = findKernelRoot(abs)
  if (!root || !abs.endsWith('.c')) return undefined
  const build = buildDir ? path.resolve(buildDir) : root
  if (!isFile(path.join(build, '.config'))) return undefined
  return { root, buildDir: build, object: path.relative(root, abs).replace(/\.c$/, '.o') }
}

/** The Kbuild command file of an object in a build folder: `lib/cmdline.o` → `BUILD/lib/.cmdline.o.cmd`. */
export function cmdFilePath(buildDir: string, object: string): string {
  return path.join(buildDir, path.dirname(object), `.${path.basename(object)}.cmd`)
}
