import t from 'tap'
import { symlinkSync } from 'node:fs'
import path from 'node:path'
import { ConfigError } from '../../src/errors.js'
import { loadManifest, manifestSource } from '../../src/series/manifest.js'

const ENTRY = 'entries:\n  - {old: a/old.c, new: a/new.c, spec: a/spec.yaml}\n'

t.test('paths are relative to the manifest; the source points data files at its folder', async t => {
  const dir = t.testdir({ 'm.yaml': `defaults: {include: [inc], max-size: 4}\n${ENTRY}`, a: { 'old.c': '', 'new.c': '', 'spec.yaml': '' }, inc: {} })
  const file = path.join(dir, 'm.yaml')
  const m = await loadManifest(file)
  t.same(m.defaults, { include: [path.join(dir, 'inc')], 'max-size': 4 })
  t.same(m.entries, [{ old: path.join(dir, 'a/old.c'), new: path.join(dir, 'a/new.c'), spec: path.join(dir, 'a/spec.yaml'), functions: 'auto' }])
  const s = manifestSource(m, file)
  t.equal(s.root, dir)
  t.same(s.patches.map(p => [p.title, p.specs]), [[`${path.join(dir, 'a/old.c')} → ${path.join(dir, 'a/new.c')}`, [path.join(dir, 'a/spec.yaml')]]])
  t.same(s.baseTip, [])
  await s.cleanup()
  // a single include string, no defaults include, an entry without a spec
  const one = t.testdir({ 'm.yaml': 'defaults: {include: inc}\nentries:\n  - {old: o.c, new: n.c}\n', 'n.yaml': 'entries:\n  - {old: o.c, new: n.c, functions: [f]}\n' })
  t.same((await loadManifest(path.join(one, 'm.yaml'))).defaults.include, [path.join(one, 'inc')])
  const n = await loadManifest(path.join(one, 'n.yaml'))
  t.same([n.defaults, n.entries[0]!.spec, manifestSource(n, 'n.yaml').patches[0]!.specs], [{}, undefined, []])
})

t.test('a path outside the manifest\'s folder is refused, every one named in one error', async t => {
  const dir = t.testdir({
    outside: { 'x.c': '' },
    m: {
      'up.yaml': 'entries:\n  - {old: ../../x.c, new: a.c}\n',
      'abs.yaml': 'defaults: {include: [/usr/include]}\nentries:\n  - {old: /etc/passwd, new: a.c, spec: /tmp/s.yaml}\n',
      'link.yaml': 'entries:\n  - {old: out/x.c, new: a.c, spec: ../m/s.yaml}\n',
      'a.c': '', 's.yaml': '',
    },
  })
  symlinkSync(path.join(dir, 'outside'), path.join(dir, 'm', 'out'))
  const hint = /relative to its own folder, inside it/
  const rows: Array<[string, string]> = [
    ['up.yaml', 'paths outside the manifest\'s folder: entries.0.old ../../x.c'],
    ['abs.yaml', 'paths outside the manifest\'s folder: defaults.include /usr/include, entries.0.old /etc/passwd, entries.0.spec /tmp/s.yaml'],
    ['link.yaml', 'paths outside the manifest\'s folder: entries.0.old out/x.c'],
  ]
  for (const [name, message] of rows) {
    const file = path.join(dir, 'm', name)
    await t.rejects(loadManifest(file), { constructor: ConfigError, message: `${file}: ${message}`, hint }, name)
  }
})

t.test('an unreadable or invalid manifest', async t => {
  const dir = t.testdir({ 'bad.yaml': 'entries: []\n' })
  await t.rejects(loadManifest(path.join(dir, 'none.yaml')), { constructor: ConfigError, message: /cannot read manifest .*none\.yaml: ENOENT/ })
  const { loadManifest: load } = await t.mockImport<typeof import('../../src/series/manifest.js')>('../../src/series/manifest.js', {
    'node:fs/promises': { ...(await import('node:fs/promises')), readFile: async () => { throw new Error('weird') } },
  })
  await t.rejects(load('x.yaml'), { constructor: ConfigError, message: 'cannot read manifest x.yaml: Error: weird' })
  await t.rejects(loadManifest(path.join(dir, 'bad.yaml')), { constructor: ConfigError, message: /entries: a series needs at least one entry/ })
})

t.test('defaults: min-size is a default like max-size, never above it', async t => {
  const dir = t.testdir({
    'ok.yaml': `defaults: {min-size: 4, max-size: 16}\n${ENTRY}`,
    'alone.yaml': `defaults: {min-size: 40}\n${ENTRY}`,
    'above.yaml': `defaults: {min-size: 8, max-size: 4}\n${ENTRY}`,
    'neg.yaml': `defaults: {min-size: -1}\n${ENTRY}`,
    a: { 'old.c': '', 'new.c': '', 'spec.yaml': '' },
  })
  t.same((await loadManifest(path.join(dir, 'ok.yaml'))).defaults, { 'min-size': 4, 'max-size': 16 })
  t.same((await loadManifest(path.join(dir, 'alone.yaml'))).defaults, { 'min-size': 40 }, 'alone: checked against the max-size each proof resolves')
  await t.rejects(loadManifest(path.join(dir, 'above.yaml')), { constructor: ConfigError, message: /defaults\.min-size: must not be above max-size/ })
  await t.rejects(loadManifest(path.join(dir, 'neg.yaml')), { constructor: ConfigError, message: /defaults\.min-size/ })
})
