/** gcc's mangled names: numbers ignored, the source function of a clone, which symbols are clones or static locals. */
import t from 'tap'
import { isClone, isStaticLocal, sourceFunction, unmangle } from '../../src/object/names.js'

t.test('unmangle: every .<digits> removed, string and constant sections kept', async t => {
  const rows: [string, string][] = [
    ['scale.constprop.0', 'scale.constprop'], ['f.isra.12', 'f.isra'], ['calls.3', 'calls'], ['f.cold', 'f.cold'],
    ['f.part.0.cold.1', 'f.part.cold'], ['.rodata.str1.1', '.rodata.str1.1'], ['.rodata.f.str1.8', '.rodata.f.str1.8'],
    ['.rodata.cst16', '.rodata.cst16'], ['plain', 'plain'], ['v2.x1', 'v2.x1'],
    // the kernel's __UNIQUE_ID_<name>__COUNTER__ (pr_debug descriptors, __addressable), as kpatch compares them
    ['__UNIQUE_ID_ddebug1357.56', '__UNIQUE_ID_ddebug'], ['__UNIQUE_ID___addressable_ipv6_get12', '__UNIQUE_ID___addressable_ipv6_get'],
    ['__UNIQUE_ID_', '__UNIQUE_ID_'], ['x__UNIQUE_ID_a1', 'x__UNIQUE_ID_a1'],
  ]
  for (const [a, b] of rows) t.equal(unmangle(a), b, a)
})

t.test('sourceFunction: what precedes the first dot', async t => {
  t.equal(sourceFunction('scale.constprop.0'), 'scale')
  t.equal(sourceFunction('f.cold'), 'f')
  t.equal(sourceFunction('f'), 'f')
  t.equal(sourceFunction('.hidden'), '.hidden')
})

t.test('isClone and isStaticLocal', async t => {
  for (const s of ['a.isra.0', 'a.constprop.1', 'a.part.2', 'a.cold', 'a.cold.4', 'a.localalias', 'a.lto_priv.0']) t.ok(isClone(s), s)
  for (const s of ['a', 'calls.0', 'a.str']) t.notOk(isClone(s), s)
  t.ok(isStaticLocal('n.0'))
  t.notOk(isStaticLocal('n'))
  t.notOk(isStaticLocal('f.constprop.0'))
})
