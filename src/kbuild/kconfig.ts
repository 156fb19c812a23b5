/**
 * `--kconfig FILE`: a scratch build folder of a kernel tree for a given configuration (a
 * distribution's /boot/config-*), prepared with `make O=DIR olddefconfig` and `make O=DIR prepare`,
 * never touching the tree itself (reads files, runs make). Cached under the cache root by (tree,
 * config): a second proof with the same tree and config reuses the folder.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { execa } from 'execa'
import { ConfigError, ToolFailureError } from '../errors.js'

export interface KconfigOptions {
  /** The kernel source tree's root. */
  readonly tree: string
  /** The configuration file. */
  readonly config: string
  /** Where build folders are kept (default `${XDG_CACHE_HOME:-~/.cache}/klp-verify/kbuild`). */
  readonly cacheRoot?: string
  readonly make?: string
  /** make -j (default 2). */
  readonly jobs?: number
  /** `prepare` (default) or `modules_prepare`. */
  readonly target?: 'prepare' | 'modules_prepare'
  readonly log?: (msg: string) => void
}

const STAMP = '.klp-kbuild.json'

export function defaultCacheRoot(): string {
  const xdg = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache')
  return path.join(xdg, 'klp-verify', 'kbuild')
}

const hash = (s: string | Buffer) => crypto.createHash('sha256').update(s).digest('hex').slice(0, 16)

/** The scratch build folder for a tree and a config text: `<cache>/<tree hash>-<config hash>`. */
export function kconfigBuildDir(cacheRoot: string, treeReal: string, configText: string | Buffer): string {
  return path.join(cacheRoot, `${path.basename(treeReal)}-${hash(treeReal)}-${hash(configText)}`)
}

async function make(opts: KconfigOptions, args: readonly string[]): Promise<void> {
  const prog = opts.make ?? 'make'
  const r = await execa(prog, [...args], { cwd: opts.tree, reject: false, all: true, env: { LC_ALL: 'C', MAKEFLAGS: '' } })
  if (r.exitCode !== 0) {
    const tail = String(r.all ?? (r as { message?: string }).message ?? '').trim().split('\n').slice(-4).join(' | ')
    throw new ToolFailureError(`${prog} ${args.join(' ')} failed in ${opts.tree}: ${tail}`, {
      hint: /not clean|mrproper/.test(tail) ? 'the tree has been configured in place: --kconfig needs a clean tree (make mrproper), or use the tree as it is configured'
        : 'the tree needs what make prepare needs (gcc, flex, bison, bc, libelf-dev); check the config file',
    })
  }
}

/** Prepare (or reuse) the scratch build folder for `config`; returns its path. */
export async function prepareKconfig(opts: KconfigOptions): Promise<string> {
  let configText: Buffer
  try {
    configText = fs.readFileSync(opts.config)
  } catch (e) {
    throw new ConfigError(`cannot read the kernel config ${opts.config}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { hint: 'give a .config file, e.g. /boot/config-$(uname -r)' })
  }
  const tree = fs.realpathSync(opts.tree)
  const dir = kconfigBuildDir(opts.cacheRoot ?? defaultCacheRoot(), tree, configText)
  const target = opts.target ?? 'prepare'
  const stamp = path.join(dir, STAMP)
  try {
    const s = JSON.parse(fs.readFileSync(stamp, 'utf8')) as { targets?: string[] }
    if (s.targets?.includes(target)) return dir
  } catch { /* not prepared yet */ }
  fs.mkdirSync(dir, { recursive: true })
  fs.writeFileSync(path.join(dir, '.config'), configText)
  const t0 = Date.now()
  opts.log?.(`preparing a build folder for ${opts.config} in ${dir} (make O=… olddefconfig ${target})`)
  await make({ ...opts, tree }, [`O=${dir}`, 'olddefconfig'])
  await make({ ...opts, tree }, [`O=${dir}`, `-j${opts.jobs ?? 2}`, target])
  fs.writeFileSync(stamp, `${JSON.stringify({ tree, config: path.resolve(opts.config), targets: [target], seconds: (Date.now() - t0) / 1000 }, null, 2)}\n`)
  return dir
}
