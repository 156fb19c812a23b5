/**
 * The kernel front door on two real Debian linux-source-6.12 trees (scripts/kernel-fetch.mjs downloads,
 * caches and prepares them; no kernel code is committed): for each function, the old file's build context
 * (make -n), gcc -E with the shim headers, the closure and the compat rewrites give each version as a
 * small text that CBMC's goto-cc compiles, where the whole TU is thousands of lines goto-cc rejects.
 * No proof runs here (test/integration/kernel-fixes.ts proves real fixes end to end).
 */
import t from 'tap'
import { execFileSync, spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { extractFunctionPair } from '../../src/extract/extract.js'
import { preprocess } from '../../src/extract/read.js'
import { findBuildContext } from '../../src/kbuild/index.js'
import { requireCbmc } from '../fixtures/integration.js'

interface Fetched { readonly trees: Record<string, { readonly src: string; readonly out: string }> }

const ROOT = path.resolve(import.meta.dirname, '../..')
const fetched = JSON.parse(execFileSync('node', [path.join(ROOT, 'scripts/kernel-fetch.mjs'), '--prepare', '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })) as Fetched
const [oldTree, newTree] = Object.values(fetched.trees).sort((a, b) => a.src.localeCompare(b.src, 'en', { numeric: true }))

/** file, function, and what the closure must hold (a name the function reaches only through a header). */
const CASES: readonly [string, string, RegExp][] = [
  ['lib/cmdline.c', 'get_range', /\bsimple_strtol\b/],
  ['lib/stackdepot.c', 'depot_init_pool', /\bklp_(old|new)_pools_num\b/],
  ['fs/notify/inotify/inotify_fsnotify.c', 'event_compare', /\bstruct inotify_event_info\b/],
]

const lines = (s: string) => s.split('\n').length

for (const [file, func, reached] of CASES) {
  t.test(`${file} ${func}(): build context, shim, closure, compat → goto-cc compiles each version`, async t => {
    const gotoCc = path.join(path.dirname(await requireCbmc()), 'goto-cc')
    const oldPath = path.join(oldTree!.src, file)
    const newPath = path.join(newTree!.src, file)
    const ctx = await findBuildContext(oldPath, { buildDir: oldTree!.out })
    t.ok(ctx, 'the old tree is configured: a build context')
    const cflags = ctx!.flags.kept
    t.ok(cflags.includes('-D__KERNEL__'), 'Kbuild defines __KERNEL__ (what turns the shim on)')
    t.notOk(cflags.some(f => /^-W/.test(f)), 'no warning flag is kept (-Werror=… never reaches a CBMC tool)')

    const tu = await preprocess(oldPath, { includes: [], defines: [], cflags, exprs: [] })
    t.match(tu.text, /templates\/kernel-shim\/linux\/compiler\.h/, 'gcc -E read the shim')
    const pair = await extractFunctionPair({ oldPath, newPath, func, includes: [], defines: [], cflags, exprs: [] })
    const dir = t.testdir({})
    for (const v of [pair.old, pair.new]) {
      t.ok(lines(v.text) * 20 < lines(tu.text), `${v.version}: the closure (${lines(v.text)} lines) is a small part of the TU (${lines(tu.text)})`)
      t.match(v.text, reached, `${v.version}: it holds what ${func}() reaches`)
      t.notMatch(v.text, /__auto_type|__seg_gs/, `${v.version}: no construct goto-cc cannot read`)
      const src = path.join(dir, `${v.version}.i`)
      writeFileSync(src, v.text)
      const r = spawnSync(gotoCc, ['-funsigned-char', '-c', src, '-o', `${src}.o`], { encoding: 'utf8' })
      t.equal(r.status, 0, `${v.version}: goto-cc compiles it: ${(r.stderr + r.stdout).slice(0, 400)}`)
    }
  })
}
