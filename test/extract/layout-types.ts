/** Which types' layout a function depends on: named, by value, or through a pointer it follows. */
import t from 'tap'
import { analyzeUnit } from '../../src/extract/unit.js'
import { layoutLenient, layoutTypes, sameLayout } from '../../src/extract/layout-types.js'

const types = async (src: string, func = 'f') => {
  const unit = await analyzeUnit(src)
  try {
    return [...layoutTypes(unit, func)].sort()
  } finally {
    unit.tree.delete()
  }
}

const DEFS = [
  'struct psy { int of_node; int online; };',
  'struct inner { long v; };',
  'typedef struct inner inner_t;',
  'struct hdev { struct psy *battery; inner_t in; void (*cb)(struct psy *); };',
  'struct ccp { struct hdev *hdev; int target[4]; };',
].join('\n')

t.test('a type reached only through a pointer the code never follows is not a layout the function uses', async t => {
  t.same(await types(`${DEFS}\nint f(struct ccp *c, int v) { c->target[0] = v; return 0; }`), ['struct ccp'])
})

t.test('following the pointer (a member of its type accessed) brings the type and its by-value members in', async t => {
  t.same(await types(`${DEFS}\nint f(struct ccp *c) { return (int)c->hdev->in.v; }`), ['struct ccp', 'struct hdev', 'struct inner', 'typedef inner_t'])
  t.same(await types(`${DEFS}\nint f(struct ccp *c) { return c->hdev->battery->online; }`), ['struct ccp', 'struct hdev', 'struct inner', 'struct psy', 'typedef inner_t'])
})

t.test('types the code names count, whatever the declarator', async t => {
  t.same(await types(`${DEFS}\nunsigned long f(void) { return sizeof(struct psy); }`), ['struct psy'])
})

t.test('sameLayout: a renamed tag is a spelling; a changed layout is not the same', async t => {
  const unit = async (src: string) => {
    const u = await analyzeUnit(src)
    const { typeDefs } = u
    u.tree.delete()
    return { typeDefs }
  }
  const o = await unit('struct oldV { int a; int b; };\nstruct node { struct node *next; struct oldV v; };\nstruct old2 { int a; int b; };\nstruct fwd;\n')
  const n = await unit('struct newV { int a; int b; };\nstruct node { struct node *next; struct newV v; };\nstruct newW { int a; long b; };\nstruct newP { int a; int b; } __attribute__((packed));\nstruct fwd2;\n')
  const rows: [string, string, string, boolean][] = [
    ['identical text', 'int (int *)', 'int (int *)', true],
    ['a renamed tag, same members', 'int (struct oldV *)', 'int (struct newV *)', true],
    ['a same-tag record with a renamed member type', 'struct node { struct node *next; struct oldV v; }', 'struct node { struct node *next; struct newV v; }', true],
    ['the same pairing twice', 'int (struct oldV *, struct oldV *)', 'int (struct newV *, struct newV *)', true],
    ['a renamed tag, a member retyped', 'int (struct oldV *)', 'int (struct newW *)', false],
    ['a renamed tag, packed', 'int (struct oldV *)', 'int (struct newP *)', false],
    ['one old tag paired with two new ones', 'int (struct oldV *, struct oldV *)', 'int (struct newV *, struct newW *)', false],
    ['a tag spelled alike, then paired with another', 'int (struct node *, struct node *)', 'int (struct node *, struct newV *)', false],
    ['struct against union', 'int (struct oldV *)', 'int (union oldV *)', false],
    ['a tag without a definition', 'int (struct fwd *)', 'int (struct fwd2 *)', false],
    ['other tokens differ', 'int (int *)', 'long (int *)', false],
    ['a tag against a plain word', 'int (struct oldV *)', 'int (oldV *)', false],
    ['different lengths', 'int (int)', 'int (int, int)', false],
    ['nothing against something', '', 'int', false],
    ['nothing against nothing', '', '', true],
  ]
  for (const [name, a, b, want] of rows) t.equal(sameLayout(o, n, a, b), want, name)
  t.equal(sameLayout(o, n, 'int (struct old2 *)', 'int (struct newV *)'), true, 'two old tags may share one new layout')
})

t.test('layoutLenient: renamed tags only behind pointers', async t => {
  const u = await analyzeUnit('struct s { int a; };\nstruct s g;\nstruct s garr[2];\nint *gp;\nint f(void) { return g.a; }\nint h(void) { return garr[0].a; }\nint k(void) { return *gp; }\n')
  const rec = { kind: 'record', tag: 's', union: false, fields: [], text: 'struct s' } as const
  const rows: [string, string, Parameters<typeof layoutLenient>[2], boolean][] = [
    ['scalars and pointers, no globals by value', 'k', [{ kind: 'scalar', text: 'int' }, { kind: 'pointer', to: rec, text: 'struct s *' }], true],
    ['a record parameter or return', 'k', [rec], false],
    ['an array of records', 'k', [{ kind: 'array', of: rec, length: 2, text: 'struct s [2]' }], false],
    ['a reached global record', 'f', [], false],
    ['a reached global array of records', 'h', [], false],
  ]
  for (const [name, func, types, want] of rows) t.equal(layoutLenient(u, func, types), want, name)
  u.tree.delete()
})
