/** Which types' layout a function depends on: named, by value, or through a pointer it follows. */
import t from 'tap'
import { analyzeUnit } from '../../src/extract/unit.js'
import { layoutTypes } from '../../src/extract/layout-types.js'

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
