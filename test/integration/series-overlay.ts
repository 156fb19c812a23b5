/**
 * Patch mode over a tree read in place (src/series/overlay.ts): the real CLI, the real cbmc, in the
 * soundness sandbox. The tree is never written (sizes and mtimes of every file, checked by the
 * sandbox) and never copied (the temp folder is watched during the run: a big untouched header of
 * the tree never shows up there as a file, and the folder never holds more than the touched files); a patch touching only a header changes the proof of the
 * function that includes it (through an untouched header beside it); an untouched sibling header
 * of a .c file is found.
 */
import t from 'tap'
import { randomBytes } from 'node:crypto'
import { lstatSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { requireCbmc } from '../fixtures/integration.js'
import { sandbox } from '../fixtures/soundness.js'

t.before(async () => {
  await requireCbmc()
})

const F = `#include "wrap.h"
#include "g.h"

int f(int x)
{
	if (x > LIMIT)
		return LIMIT + G_BIAS;
	return x + G_BIAS;
}
`
/** 4 MB of a header the patches never touch, hard to compress (a copy or a packed copy would show). */
const BIG = `/*\n${randomBytes(3_000_000).toString('base64').replace(/.{76}/g, '$&\n')}\n*/\n#define BIG 1\n`

const TREE = {
  'tree/drv/f.c': F,
  // an untouched header that includes the touched one by a quoted name, from the same folder
  'tree/drv/wrap.h': '#include "lim.h"\n',
  'tree/drv/lim.h': '#define LIMIT 4\n',
  // an untouched sibling of the .c file
  'tree/drv/g.h': '#define G_BIAS 0\n',
  'tree/drv/k.c': 'int k(int x)\n{\n\treturn x;\n}\n',
  'tree/drv/big.h': BIG,
  'tree/include/api.h': '#define API 1\n',
  'patches/series': '0001-lim-raise-the-limit.patch\n',
  'patches/0001-lim-raise-the-limit.patch': 'lim: raise the limit\n\n---\n--- a/drv/lim.h\n+++ b/drv/lim.h\n@@ -1 +1 @@\n-#define LIMIT 4\n+#define LIMIT 8\n',
}

interface Seen {
  samples: number
  /** Largest total size of the regular files in TMPDIR at one sample. */
  maxBytes: number
  /** Regular files named big.h seen in TMPDIR. */
  bigCopies: number
  /** Links named big.h seen (the overlay's view of the tree: the run was watched while its snapshots existed). */
  bigLinks: number
}

/** Every 50 ms until stopped: what regular files and links TMPDIR holds. */
function watch(dir: string): { stop(): Seen } {
  const seen: Seen = { samples: 0, maxBytes: 0, bigCopies: 0, bigLinks: 0 }
  const sample = () => {
    let bytes = 0
    const walk = (d: string) => {
      let entries
      try { entries = readdirSync(d, { withFileTypes: true }) } catch { return } // removed meanwhile
      for (const e of entries) {
        const p = path.join(d, e.name)
        if (e.isDirectory()) walk(p)
        else if (e.isSymbolicLink()) seen.bigLinks += e.name === 'big.h' ? 1 : 0
        else if (e.isFile()) {
          if (e.name === 'big.h') seen.bigCopies++
          try { bytes += lstatSync(p).size } catch { /* removed meanwhile */ }
        }
      }
    }
    walk(dir)
    seen.samples++
    seen.maxBytes = Math.max(seen.maxBytes, bytes)
  }
  const timer = setInterval(sample, 50)
  return { stop: () => (clearInterval(timer), seen) }
}

t.test('a patch to a header over a tree read in place: proved, the tree untouched and not copied', async t => {
  const box = await sandbox(t, TREE)
  const watcher = watch(box.tmp)
  const r = await box.run(['series', '--tree', 'tree', '--patches', 'patches', '-I', 'include', '--format', 'json', '--no-cache'])
  const seen = watcher.stop()
  t.equal(r.code, 1, `exit 1: an unintended difference (stderr: ${r.stderr})`)
  const report = r.json
  t.same(report.patches.map((p: { id: string; status: string; files: string[] }) => [p.id, p.status, p.files]), [
    ['0001-lim-raise-the-limit.patch', 'applied', ['drv/f.c']],
  ], 'the .c file including the header (through wrap.h) is compared; k.c is not')
  // LIMIT 4 → 8: f(5) is 4 before and 5 after. Equivalent would mean both versions read one lim.h:
  // the new one through the tree's stale copy beside wrap.h, or the old one through the patched copy.
  t.same(report.proofs.map((p: { function: string; patch: string | null; verdict: string }) => [p.function, p.patch, p.verdict]), [
    ['f', '0001-lim-raise-the-limit.patch', 'unintended'],
    ['f', null, 'unintended'],
  ], 'the touched header changes the proof; g.h, the untouched sibling, was found (else an error)')
  t.match(report.proofs[0], { old: 'base:drv/f.c', new: '0001-lim-raise-the-limit.patch:drv/f.c' })

  t.ok(seen.bigLinks > 0, `the temp folder was watched while the run's view of the tree existed (${seen.samples} samples)`)
  t.equal(seen.bigCopies, 0, 'the big untouched header was never copied into the temp folder')
  t.ok(seen.maxBytes < BIG.length / 8, `the temp folder never held more than a few touched files (at most ${seen.maxBytes} bytes; the tree has ${BIG.length})`)
  await box.assertClean(t) // the tree: no file created or changed (size and mtime), TMPDIR empty again
})
