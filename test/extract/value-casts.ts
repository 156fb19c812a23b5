/** A call that parses like a cast: its "type" names a function or variable, not a type. */
import t from 'tap'
import type { Node } from '../../src/extract/c-parser.js'
import { analyzeUnit } from '../../src/extract/unit.js'
import { valueCastNames } from '../../src/extract/value-casts.js'

const SRC = [
  'typedef int T;',
  'int ak;',
  'int SQR(int a) { return a * a; }',
  'int rd(int x) { return x; }',
  'int f(int s, int *p) { return (SQR(s*ak))*rd(s) + *(T *)p + (int)s + (undeclared(s*ak))*rd(s); }',
].join('\n')

/** Every cast in f, in source order, with what valueCastNames says of it. */
async function casts(): Promise<[string, string[] | undefined][]> {
  const u = await analyzeUnit(SRC)
  const out: [string, string[] | undefined][] = []
  const visit = (n: Node) => {
    if (n.type === 'cast_expression') out.push([n.childForFieldName('type')!.text, valueCastNames(u, n)?.map(i => i.name)])
    for (const c of n.namedChildren) visit(c)
  }
  visit(u.functions.get('f')!.body)
  t.equal(valueCastNames(u, u.functions.get('f')!.body), undefined, 'not a cast at all')
  u.tree.delete()
  return out
}

t.test('a cast whose type name is a function of the file is a call; real casts are not', async t => {
  const got = new Map(await casts())
  t.same(got.get('SQR(s*ak)'), ['SQR', 's', 'ak'], 'the function and the names of its arguments, by token')
  t.ok(got.has('T *') && got.get('T *') === undefined, 'a cast to a typedef')
  t.ok(got.has('int') && got.get('int') === undefined, 'a cast to a built-in type')
  t.ok(got.has('undeclared(s*ak)') && got.get('undeclared(s*ak)') === undefined, 'a name the file never declares may be a type: left alone')
})

t.test('the names sit where the text has them (to be renamed in place)', async t => {
  const u = await analyzeUnit('int g;\nint h(int x) { return x; }\nint f(int s) { return (h(s*g))*h(s); }\n')
  let ids: { start: number; end: number; name: string }[] | undefined
  const visit = (n: Node) => {
    if (n.type === 'cast_expression') ids = valueCastNames(u, n)
    for (const c of n.namedChildren) visit(c)
  }
  visit(u.functions.get('f')!.body)
  t.same(ids?.map(i => u.text.slice(i.start, i.end)), ['h', 's', 'g'])
  u.tree.delete()
})
