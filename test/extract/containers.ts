import t from 'tap'
import { analyzeUnit } from '../../src/extract/unit.js'
import { embeddedName, findContainers, groupContainers, memberType, mergeContainers, resolveContracts, splitContainerRef } from '../../src/extract/containers.js'
import { functionSignature } from '../../src/extract/signature.js'
import { ConfigError } from '../../src/errors.js'

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

t.test('resolveContracts: the spec names a real container and member of the pointee type', async t => {
  const u = await analyzeUnit(`${TYPES}
int f(struct fsnotify_event *old_fsn, struct list_head *l, void *v, int n, int (*cb)(int)) { return n; }
`)
  const sig = functionSignature(u, u.functions.get('f')!)
  t.same(resolveContracts(u, sig, {}), [])
  t.same(resolveContracts(u, sig, { old_fsn: 'struct inotify_event_info.fse', l: 'item_t.node', v: 'struct other_info.ev' }), [
    { param: 'old_fsn', container: 'struct inotify_event_info', member: 'fse' },
    { param: 'l', container: 'item_t', member: 'node' },
    { param: 'v', container: 'struct other_info', member: 'ev' },
  ], 'a typedef names a container; a void * may point at any member')
  t.same(resolveContracts(u, sig, { old_fsn: 'struct nest.s.inner' }), [{ param: 'old_fsn', container: 'struct nest', member: 's.inner' }], 'a nested member')
  const rows: [string, Record<string, string>, RegExp, RegExp][] = [
    ['no such parameter', { x: 'struct nest.a' }, /^containers: x: struct nest.a: f\(\) has no parameter x$/, /^parameters: old_fsn, l, v, n, cb$/],
    ['not a pointer', { n: 'struct nest.a' }, /parameter n is not a pointer to a struct, union or number \(int\)$/, /points into/],
    ['a function pointer', { cb: 'struct nest.a' }, /parameter cb is not a pointer/, /points into/],
    ['no such type', { old_fsn: 'struct inotify_event.fse' }, /^containers: old_fsn: struct inotify_event.fse: the code of f\(\) defines no struct or union struct inotify_event$/, /as the code names it/],
    ['a typedef of a number', { old_fsn: 'myint.x' }, /defines no struct or union myint/, /as the code names it/],
    ['no such member', { old_fsn: 'struct inotify_event_info.fsn' }, /^containers: old_fsn: struct inotify_event_info.fsn: struct inotify_event_info has no member fsn$/, /^members of struct inotify_event_info: fse, mask, wd$/],
    ['a member of another type', { old_fsn: 'struct inotify_event_info.mask' }, /struct inotify_event_info.mask is unsigned int, but old_fsn points to struct fsnotify_event$/, /^name a member of type struct fsnotify_event$/],
    ['an anonymous record member', { l: 'struct anon_holder.a' }, /struct anon_holder.a is struct <anonymous>, but l points to struct list_head$/, /struct list_head/],
  ]
  const u2 = await analyzeUnit(`${TYPES} typedef int myint; struct anon_holder { struct { int q; } a; };
int f(struct fsnotify_event *old_fsn, struct list_head *l, void *v, int n, int (*cb)(int)) { return n; }
`)
  for (const [name, contracts, message, hint] of rows) {
    const err = (() => { try { resolveContracts(u2, sig, contracts) } catch (e) { return e } })() as ConfigError | undefined
    t.ok(err instanceof ConfigError, `${name}: a ConfigError (exit 3)`)
    t.match(err?.message, message, `${name}: message`)
    t.match(err?.hint, hint, `${name}: hint`)
  }
})

t.test('resolveContracts: a function without parameters', async t => {
  const u = await analyzeUnit(`${TYPES} int g(void) { return 0; }`)
  t.throws(() => resolveContracts(u, functionSignature(u, u.functions.get('g')!), { p: 'struct nest.a' }), { message: /g\(\) has no parameter p/, hint: 'parameters: none' })
})

t.test('splitContainerRef', async t => {
  t.same(splitContainerRef('struct  a . b.c'), { container: 'struct a', member: 'b.c' })
  t.same(splitContainerRef('item_t.node'), { container: 'item_t', member: 'node' })
  t.same(splitContainerRef('nodot'), { container: 'nodot', member: '' })
})
