/** diffSourceVersions with the builds replaced by captured objects (test/object/captures/pair). */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import t from 'tap'
import { parseDwarfInfo } from '../../src/object/dwarf.js'
import { parseObjdumpAsm, parseObjdumpContents, parseObjdumpInsns } from '../../src/object/objdump.js'
import { parseReadelf } from '../../src/object/readelf.js'
import type { ObjectFacts } from '../../src/object/types.js'

function load(v: string): ObjectFacts {
  const r = (k: string) => readFileSync(new URL(`./captures/pair/${v}.${k}.txt`, import.meta.url), 'utf8')
  return { ...parseReadelf(r('readelf')), contents: parseObjdumpContents(r('contents')), insns: parseObjdumpInsns(r('insns')), asm: parseObjdumpAsm(r('insns')), dwarf: parseDwarfInfo(r('dwarf')) }
}

t.test('compiles old and new into the scratch folder with the given flags, reads both, diffs them', async t => {
  const compiled: [string, string, readonly string[] | undefined, string | undefined][] = []
  const mod = await t.mockImport<typeof import('../../src/object/index.js')>('../../src/object/index.js', {
    '../../src/object/build.js': {
      ...(await import('../../src/object/build.js')),
      compileObject: async (_: unknown, c: string, o: string, flags?: readonly string[], cwd?: string) => { compiled.push([c, o, flags, cwd]) },
      readObject: async (_: unknown, o: string) => load(path.basename(o, '.o')),
    },
  })
  const d = await mod.diffSourceVersions(mod.objectTools('gcc'), { oldFile: 'a/old.c', newFile: 'b/new.c', changed: new Set(['use']), dir: '/scratch', cflags: ['-O2'], cwd: '/build' })
  t.same(compiled, [['a/old.c', '/scratch/old.o', ['-O2'], '/build'], ['b/new.c', '/scratch/new.o', ['-O2'], '/build']])
  t.match(d.functions.find(f => f.symbol === 'use'), { reason: 'source-changed' })
  t.ok(d.hazards.some(h => h.kind === 'data-changed' && h.symbol === 'limit'))
  // the changed set may still be computed while gcc runs (pipeline/livepatch.ts)
  const later = await mod.diffSourceVersions(mod.objectTools('gcc'), { oldFile: 'a/old.c', newFile: 'b/new.c', changed: Promise.resolve(new Set(['use'])), dir: '/scratch' })
  t.same(later.functions, d.functions)
})

t.test('a failed build is reported after the other build has finished', async t => {
  const order: string[] = []
  const mod = await t.mockImport<typeof import('../../src/object/index.js')>('../../src/object/index.js', {
    '../../src/object/build.js': {
      ...(await import('../../src/object/build.js')),
      compileObject: async (_: unknown, c: string) => {
        if (c === 'new.c') { order.push('new failed'); throw new Error('gcc failed: new.c') }
        await new Promise(r => setTimeout(r, 50))
        order.push('old done')
      },
      readObject: async () => { throw new Error('not reached') },
    },
  })
  await t.rejects(mod.diffSourceVersions(mod.objectTools('gcc'), { oldFile: 'old.c', newFile: 'new.c', changed: new Set(), dir: '/scratch' }), { message: 'gcc failed: new.c' })
  t.same(order, ['new failed', 'old done'])
})
