import { writeFileSync } from 'node:fs'
import path from 'node:path'
import t from 'tap'
import type { CbmcTool } from '../../../src/cbmc/types.js'
import type { Harness } from '../../../src/harness/types.js'
import type { VerifyRequest } from '../../../src/pipeline/types.js'
import { cacheable, harnessForKey, modelsDigest, proofKey } from '../../../src/pipeline/cache/proof-key.js'

const run = (status: string) => ({ run: 'equiv', unwind: 1, status, durationMs: 1, command: 'cbmc' }) as never

t.test('what the result cache keeps', async t => {
  t.ok(cacheable({ verdict: 'equivalent', runs: [run('complete')] }))
  t.ok(cacheable({ verdict: 'unintended', runs: [run('found'), run('bound-too-small')] }))
  t.ok(cacheable({ verdict: 'inconclusive', reason: 'unwinding-bound', runs: [run('bound-too-small')] }), 'a bound too small stays too small')
  t.notOk(cacheable({ verdict: 'inconclusive', reason: 'timeout', runs: [] }), 'a time limit may be a busy night')
  t.notOk(cacheable({ verdict: 'inconclusive', reason: 'out-of-memory', runs: [run('out-of-memory')] }))
  t.notOk(cacheable({ verdict: 'unintended', runs: [run('found'), run('timeout')] }), 'any run cut short')
  t.notOk(cacheable({ verdict: 'error', runs: [] }))
  t.notOk(cacheable({ verdict: 'inconclusive', reason: 'unwinding-bound', runs: [run('cancelled')] }))
  const ac = new AbortController()
  ac.abort()
  t.notOk(cacheable({ verdict: 'equivalent', runs: [run('complete')] }, ac.signal), 'nothing after Ctrl-C')
})

const harness = (text: string, over: Partial<Harness> = {}): Harness => ({
  mode: { kind: 'equiv' }, files: [{ name: 'klp_old.i', text }], entry: 'klp_harness', unwindset: [], observables: [], inputs: [], checks: 'none', bounds: [], ...over,
})

t.test('a harness as the key sees it: all of it, the series scratch folder neutralised', async t => {
  const h = harness('# 1 "/tmp/klp-series-abc/a/old.c"\nint f(void);\n')
  t.equal(harnessForKey(h, '/tmp/klp-series-abc'), harnessForKey(harness('# 1 "/tmp/klp-series-xyz/a/old.c"\nint f(void);\n'), '/tmp/klp-series-xyz'), 'another scratch folder, the same key text')
  t.not(harnessForKey(h, undefined), harnessForKey(harness('# 1 "/tmp/klp-series-xyz/a/old.c"\nint f(void);\n'), undefined), 'outside a series the paths count')
  t.not(harnessForKey(h, undefined), harnessForKey({ ...h, checks: 'all' }, undefined), 'what the runs read beyond the C counts (checks)')
  t.not(harnessForKey(h, undefined), harnessForKey({ ...h, unwindset: [{ loop: 'klp_harness.0', bound: 3 }] }, undefined), 'the harness\'s own loop bounds count')
  t.not(harnessForKey(h, undefined), harnessForKey({ ...h, observables: [{ index: 0, kind: 'return', label: 'return', leaves: [] }] }, undefined), 'what the classifier reads counts')
})

t.test('the user\'s models: each file\'s content', async t => {
  const dir = t.testdir({ models: { 'a.yaml': 'kmalloc: {kind: alloc, size: arg0}\n', 'notes.txt': 'x', sub: { 'b.yaml': 'x' } } })
  const m = path.join(dir, 'models')
  t.equal(await modelsDigest(undefined), null, 'no --models')
  const first = await modelsDigest(m)
  t.same(Object.keys(first!), ['a.yaml'], 'the model files, as the loader reads them')
  writeFileSync(path.join(m, 'a.yaml'), 'kmalloc: {kind: alloc, size: arg1}\n')
  t.not((await modelsDigest(m))!['a.yaml'], first!['a.yaml'])
  t.same(await modelsDigest(path.join(dir, 'nosuch')), {}, 'an unreadable folder: the loader reports it, the key names no file')
})

t.test('a proof\'s key changes with every tool, solver, model, argument and harness that can change its verdict', async t => {
  const root = t.testdir({
    pkg: { dist: { 'a.js': 'code' }, templates: {} },
    bin: { cbmc: '#!/bin/sh\necho 6.6.0\n', cadical: '#!/bin/sh\necho cadical\n', z3: '#!/bin/sh\necho z3\n' },
    models: { 'm.yaml': 'f: {kind: log}\n' },
  })
  const at = (p: string) => path.join(root, p)
  const tool: CbmcTool = { cbmc: at('bin/cbmc'), cadical: at('bin/cadical'), z3: at('bin/z3'), version: '6.6.0 (cbmc-6.6.0)', source: 'flag' }
  const req = {
    unwind: 1, maxUnwind: 64, timeoutSec: 300, fwrapv: false, solver: 'auto', replay: true, extraCbmcArgs: [], maxSize: 8, claims: [],
    buffers: {}, assumes: [], nullable: [], held: [], initGlobals: false, externals: {}, models: at('models'),
  } as unknown as VerifyRequest
  const hs = [{ h: harness('int f(void);') }]
  const key = (r: Partial<VerifyRequest> = {}, tl: CbmcTool = tool, h = hs) => proofKey(at('pkg'), tl, { ...req, ...r }, h)
  const k = await key()
  t.match(k, /^[0-9a-f]{64}$/)
  t.equal(await key(), k, 'the same proof, the same key')
  const rewrite = async (file: string, text: string): Promise<string> => {
    const { readFileSync } = await import('node:fs')
    const old = readFileSync(at(file), 'utf8')
    writeFileSync(at(file), text)
    const changed = await key()
    writeFileSync(at(file), old)
    t.equal(await key(), k, `${file} restored: the key is back`)
    return changed
  }
  t.not(await rewrite('bin/cbmc', '#!/bin/sh\necho 6.6.0\nexit 0\n'), k, 'another cbmc printing the same version')
  t.not(await rewrite('bin/cadical', '#!/bin/sh\necho s UNSATISFIABLE\n'), k, 'another cadical')
  t.not(await rewrite('bin/z3', '#!/bin/sh\necho unsat\n'), k, 'another z3')
  t.not(await rewrite('models/m.yaml', 'f: {kind: warn}\n'), k, 'another model file')
  t.not(await key({ models: undefined }), k, 'no --models')
  t.not(await key({ extraCbmcArgs: ['--verbosity', '9'] }), k, 'another --cbmc-arg list')
  t.not(await key({ extraCbmcArgs: ['--z3'] }), k, 'a --cbmc-arg naming a solver')
  t.not(await key({ solver: 'z3' }), k, 'another --solver')
  t.not(await key({ held: ['&l'] }), k, 'held locks')
  t.not(await key({}, { ...tool, version: '6.7.0' }), k, 'another version string')
  const { z3: _z, ...noZ3 } = tool
  t.not(await key({}, noZ3), k, 'no z3 found')
  t.not(await key({}, tool, [{ h: harness('int f(void);', { checks: 'all' }) }]), k, 'another harness')
})
