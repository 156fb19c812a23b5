import t from 'tap'
import { analyzeUnit } from '../../src/extract/unit.js'
import { embeddedName, findContainers, groupContainers, memberType, mergeContainers } from '../../src/extract/containers.js'

/** container_of as gcc -E prints the 6.12 macro. */
const co = (ptr: string, type: string, member: string) =>
  `({ void *__mptr = (void *)(${ptr}); _Static_assert(__builtin_types_compatible_p(typeof(*(${ptr})), typeof(((${type} *)0)->${member})) || __builtin_types_compatible_p(typeof(*(${ptr})), typeof(void)), "pointer type mismatch in container_of()"); ((${type} *)(__mptr - __builtin_offsetof(${type}, ${member}))); })`

const TYPES = `struct list_head { struct list_head *next, *prev; };
struct fsnotify_event { struct list_head list; };
struct inotify_event_info { struct fsnotify_event fse; unsigned int mask; int wd; };
struct other_info { int x; struct fsnotify_event ev; };
struct nest { int a; struct { int b; struct fsnotify_event inner; } s; };
typedef struct { int k; struct list_head node; } item_t;
`

t.test('a container_of in a static inline helper the target reaches (inotify event_compare)', async t => {
  const u = await analyzeUnit(`${TYPES}
static inline struct inotify_event_info *INOTIFY_E(struct fsnotify_event *fse) { return ${co('fse', 'struct inotify_event_info', 'fse')}; }
int event_compare(struct fsnotify_event *old_fsn, struct fsnotify_event *new_fsn) {
  struct inotify_event_info *old = INOTIFY_E(old_fsn), *new = INOTIFY_E(new_fsn);
  return old->mask == new->mask;
}
`)
  t.same(findContainers(u, ['event_compare', 'INOTIFY_E']), [
    { embedded: 'struct fsnotify_event', containers: [{ container: 'struct inotify_event_info', member: 'fse', via: ['INOTIFY_E()'] }] },
  ])
  t.same(findContainers(u, ['event_compare']), [], 'only the given (reached) functions are read')
  t.same(findContainers(u, ['not_defined']), [])
})

t.test('two containers of one embedded type are both reported (ambiguous); typedefs, nested members', async t => {
  const u = await analyzeUnit(`${TYPES}
int f(struct fsnotify_event *e, struct list_head *l, struct fsnotify_event *g) {
  struct inotify_event_info *a = ${co('e', 'struct inotify_event_info', 'fse')};
  struct other_info *b = ${co('e', 'struct other_info', 'ev')};
  item_t *c = ${co('l', 'item_t', 'node')};
  struct nest *d = ${co('g', 'struct nest', 's.inner')};
  return a->mask + b->x + c->k + d->a;
}
int h(struct fsnotify_event *e) { return ((struct other_info *)(__mptr - __builtin_offsetof(struct other_info, ev)))->x; }
`)
  t.same(findContainers(u, ['f', 'h']), [
    {
      embedded: 'struct fsnotify_event',
      containers: [
        { container: 'struct inotify_event_info', member: 'fse', via: ['f()'] },
        { container: 'struct nest', member: 's.inner', via: ['f()'] },
        { container: 'struct other_info', member: 'ev', via: ['f()', 'h()'] },
      ],
    },
    { embedded: 'struct list_head', containers: [{ container: 'item_t', member: 'node', via: ['f()'] }] },
  ])
})

t.test('uses nothing is known about are left out', async t => {
  const u = await analyzeUnit(`${TYPES}
struct unknown; typedef int myint;
int f(struct list_head *l, struct fsnotify_event *e) {
  struct inotify_event_info *pos = 0;
  void *p1 = ${co('l', 'typeof(*pos)', 'fse.list')};
  void *p2 = ${co('e', 'struct unknown', 'x')};
  void *p3 = ${co('e', 'struct inotify_event_info', 'nope')};
  void *p4 = ((struct other_info *)(__mptr - __builtin_offsetof(struct inotify_event_info, fse)));
  void *p5 = ${co('e', 'myint', 'x')};
  void *p6 = ${co('e', 'nosuch_t', 'x')};
  return p1 == p2 && p3 == p4 && p5 == p6;
}
`)
  t.same(findContainers(u, ['f']), [])
})

t.test('memberType and embeddedName', async t => {
  const u = await analyzeUnit(`${TYPES} struct anon_holder { struct { int q; } a; int n; void (*fn)(void); union u { int i; } uu; };`)
  const rec = u.resolver.specifier(u.scope.records.get('struct nest')!)
  t.equal(embeddedName(memberType(rec, 's.inner')!), 'struct fsnotify_event')
  t.equal(embeddedName(memberType(rec, 'a')!), 'int')
  t.equal(memberType(rec, 'a.b'), undefined, 'a member of a non-record')
  t.equal(memberType(rec, 'zz'), undefined)
  const holder = u.resolver.specifier(u.scope.records.get('struct anon_holder')!)
  t.equal(embeddedName(memberType(holder, 'a')!), undefined, 'an anonymous record has no name')
  t.equal(embeddedName(memberType(holder, 'fn')!), undefined, 'nor has a pointer')
  t.equal(embeddedName(memberType(holder, 'uu')!), 'union u')
})

t.test('mergeContainers: both versions, vias merged, sorted', async t => {
  const a = groupContainers([{ embedded: 'struct e', container: 'struct c', member: 'm', via: ['g()'] }])
  const b = groupContainers([
    { embedded: 'struct e', container: 'struct c', member: 'm', via: ['f()'] },
    { embedded: 'struct d', container: 'struct b', member: 'n', via: ['f()'] },
    { embedded: 'struct e', container: 'struct a', member: 'm', via: ['f()'] },
    { embedded: 'struct e', container: 'struct b', member: 'm', via: ['f()'] },
  ])
  t.same(mergeContainers(a, b), [
    { embedded: 'struct d', containers: [{ container: 'struct b', member: 'n', via: ['f()'] }] },
    {
      embedded: 'struct e',
      containers: [
        { container: 'struct a', member: 'm', via: ['f()'] },
        { container: 'struct b', member: 'm', via: ['f()'] },
        { container: 'struct c', member: 'm', via: ['f()', 'g()'] },
      ],
    },
  ])
  t.same(mergeContainers([], []), [])
})
