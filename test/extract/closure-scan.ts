import t from 'tap'
import { scanChunk, scanTags } from '../../src/extract/closure-scan.js'
import { splitTopLevel, tokenize } from '../../src/extract/closure-split.js'

/** Facts of the single top-level item in `src`. */
function one(src: string) {
  const toks = tokenize(src)
  const [c] = splitTopLevel(toks)
  return { toks, c: c! }
}

// Attribute names count as uses (an over-approximation: they only matter if a global has the same name).
t.test('scanChunk: defs, uses, name, local', async t => {
  const rows: [string, string[], string[], string | undefined, boolean][] = [
    ['typedef struct s { u32 a; struct t *n; } s_t;', ['s_t', 'tag:s'], ['tag:t', 'u32'], undefined, false],
    ['static inline __attribute__((always_inline)) u8 get(const struct s *p, size_t n) { return p->a + n + G; }',
      ['get'], ['G', 'always_inline', 'n', 'p', 'size_t', 'tag:s', 'u8'], 'get', true],
    ['extern int f(const size_t, char **argv) __attribute__((nonnull(1)));', ['f'], ['nonnull', 'size_t'], undefined, false],
    ['enum { A = B + 1, C } __attribute__((mode(byte)));', ['A', 'C'], ['B', 'byte', 'mode'], undefined, false],
    ['static u64 arr[N][M] __attribute__((aligned(SZ))) = { [I] = V };', ['arr'], ['I', 'M', 'N', 'SZ', 'V', 'aligned', 'u64'], undefined, true],
    ['T (*cb)(U x) = h;', ['cb'], ['T', 'U', 'h'], undefined, false],
    ['struct s;', ['tag:s'], [], undefined, false],
    ['__typeof__(x) y;', ['y'], ['x'], undefined, false],
    ['struct w { int (*op)(struct w *self, int k); unsigned b : WIDTH; };', ['tag:w'], ['WIDTH'], undefined, false],
  ]
  for (const [src, defs, uses, name, local] of rows) {
    const { toks, c } = one(src)
    const f = scanChunk(toks, c)
    t.same([[...f.defs].sort(), [...f.uses].sort(), f.name, f.local], [defs, uses, name, local], src)
  }
})

t.test('scanTags: pointer-only tags, member accesses', async t => {
  const { toks, c } = one('int f(struct a *p, struct b *q, struct b v, union u *w) { return p->x + v.y + sizeof(struct c *); }')
  const f = scanTags(toks, c)
  t.same([...f.pointerOnly].sort(), [['tag:a', 'struct'], ['tag:c', 'struct'], ['tag:u', 'union']])
  t.same([...f.accessed].sort(), ['x', 'y'])
  t.ok(f.names.has('f') && f.names.has('v') && !f.names.has('x'))
})
