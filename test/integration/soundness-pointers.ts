/**
 * Soundness: inputs and answers behind pointers (the real-kernel blockers B1-B3 of
 * notes/kernel-fix-blockers.md), each as a minimal pair through the real CLI and cbmc.
 * - B1: a `void *` global, the pointee of a `void **` parameter and a `void *` member started NULL
 *   only, so code testing them was never explored, and a `void *` parameter pointed at one zeroed
 *   byte both versions shared (forged `equivalent`s);
 * - B2: a global array whose length the tool cannot evaluate (lib/stackdepot.c's DEPOT_MAX_POOLS
 *   after gcc -E), and a long array inside a long array, were not compared at all (a forged
 *   `equivalent`);
 * - B3: an uninterpreted external's pointer answer replayed NULL-ness only, so the "same" answer had
 *   other bytes in the new run (a spurious `unintended`).
 * Every pair that differs natively must not be `equivalent`; pairs that behave the same must be.
 */
import t, { type Test } from 'tap'
import { requireCbmc } from '../fixtures/integration.js'
import { assertNotForged, nativeDiffers, sandbox } from '../fixtures/soundness.js'

t.before(async () => {
  await requireCbmc()
})

const ARGS = ['old.c', 'new.c', '--func', 'f', '--unwind', '1', '--format', 'json']

interface Row {
  readonly what: string
  readonly old: string
  readonly new: string
  /** main()'s body for the native check that the pair differs (both versions, gcc, printf). */
  readonly native: string
  /** The observable the difference shows in. */
  readonly observable: string
  /**
   * The native replay confirms it. Not for bytes cbmc chose inside an object the harness allocates
   * behind a pointer member: the replay's allocator (calloc) does not replay them, for `int *`
   * members as for `void *` ones, and says so (confirmed: false, "memory cbmc chose").
   */
  readonly confirmed?: false
}

/** A pair that differs natively is found unintended, in the observable named, and confirmed natively. */
async function assertFound(t: Test, row: Row): Promise<void> {
  const box = await sandbox(t, { 'old.c': row.old, 'new.c': row.new })
  t.ok(await nativeDiffers(box, 'old.c', 'new.c', 'f', row.native), 'the pair differs natively')
  const r = await box.run(ARGS)
  assertNotForged(t, r)
  t.equal(r.json?.verdict, 'unintended', `unintended (stderr: ${r.stderr.slice(0, 300)})`)
  const diffs = (r.json?.differences ?? []) as { observable: string; confirmed?: unknown }[]
  const d = diffs.find(x => x.observable === row.observable)
  t.ok(d, `a difference in ${row.observable} (got ${diffs.map(x => x.observable).join(', ')})`)
  t.equal(d?.confirmed, row.confirmed ?? true, row.confirmed === false ? 'not replayed natively (bytes cbmc chose)' : 'the gcc-built harness shows it too')
  await box.assertClean(t)
}

/** A pair that behaves the same is equivalent (no spurious difference). */
async function assertEquivalent(t: Test, files: { readonly old: string; readonly new: string }): Promise<void> {
  const box = await sandbox(t, { 'old.c': files.old, 'new.c': files.new })
  const r = await box.run(ARGS)
  t.equal(r.json?.verdict, 'equivalent', `equivalent (differences: ${JSON.stringify(r.json?.differences)?.slice(0, 400)}; stderr: ${r.stderr.slice(0, 300)})`)
  t.equal(r.code, 0)
  await box.assertClean(t)
}

t.test('B1: a `void *` is NULL or an object at entry, never NULL only', async t => {
  const rows: Row[] = [
    {
      what: 'a `void *` global (the blocker\'s reproducer)',
      old: 'static int x;\nstatic void *p;\nint f(void)\n{\n\treturn p != 0;\n}\n',
      new: 'static int x;\nstatic void *p;\nint f(void)\n{\n\treturn p != 0 && x;\n}\n',
      native: 'p = &x; printf("%d\\n", f());',
      observable: 'return',
    },
    {
      what: 'the pointee of a `void **` parameter (stackdepot\'s *prealloc)',
      old: 'static int x;\nint f(void **prealloc)\n{\n\treturn *prealloc != 0;\n}\n',
      new: 'static int x;\nint f(void **prealloc)\n{\n\treturn *prealloc != 0 && x;\n}\n',
      native: 'void *q = &x; printf("%d\\n", f(&q));',
      observable: 'return',
    },
    {
      what: 'a `void *` member, read through',
      old: 'struct s { int n; void *priv; };\nint f(struct s *o)\n{\n\treturn o->priv ? ((unsigned char *)o->priv)[3] : -1;\n}\n',
      new: 'struct s { int n; void *priv; };\nint f(struct s *o)\n{\n\treturn o->priv ? ((unsigned char *)o->priv)[2] : -1;\n}\n',
      native: 'unsigned char b[8] = {0, 0, 1, 2}; struct s o = {0, b}; printf("%d\\n", f(&o));',
      observable: 'return',
      confirmed: false,
    },
    {
      what: 'a `void *` parameter, read through (its bytes were always 0)',
      old: 'int f(void *ctx)\n{\n\treturn ((unsigned char *)ctx)[9] == 7;\n}\n',
      new: 'int f(void *ctx)\n{\n\treturn 0;\n}\n',
      native: 'unsigned char b[16] = {0}; b[9] = 7; printf("%d\\n", f(b));',
      observable: 'return',
    },
    {
      what: 'a `void *` parameter: what old wrote through it does not reach new (it was one object for both)',
      old: 'int f(void *ctx)\n{\n\t((unsigned char *)ctx)[0] = 1;\n\treturn 0;\n}\n',
      new: 'int f(void *ctx)\n{\n\treturn ((unsigned char *)ctx)[0] - 1;\n}\n',
      native: 'unsigned char b[16] = {5}; printf("%d\\n", f(b));',
      observable: 'return',
    },
  ]
  for (const row of rows) t.test(row.what, async t => assertFound(t, row))
  t.test('control: both versions read the same bytes behind a `void *`', async t => assertEquivalent(t, {
    old: 'static void *p;\nint f(void)\n{\n\treturn p ? ((unsigned char *)p)[5] : -1;\n}\n',
    new: 'static void *p;\nint f(void)\n{\n\tif (!p)\n\t\treturn -1;\n\tunsigned char *b = p;\n\treturn b[5];\n}\n',
  }))
})

t.test('B2: an array whose length the tool cannot evaluate is compared as C counts it, never skipped', async t => {
  const rows: Row[] = [
    {
      // DEPOT_MAX_POOLS's shape after gcc -E (there 8192 elements; 7 here to keep the proof short)
      what: 'a length with ?: (lib/stackdepot.c DEPOT_MAX_POOLS)',
      old: 'static int x;\nstatic void *arr[(((1LL << (3)) - 1 < 8192) ? (1LL << (3)) - 1 : 8192)];\nint f(int i)\n{\n\tarr[i & 3] = &x;\n\treturn 0;\n}\n',
      new: 'static int x;\nstatic void *arr[(((1LL << (3)) - 1 < 8192) ? (1LL << (3)) - 1 : 8192)];\nint f(int i)\n{\n\tarr[i & 3] = 0;\n\treturn 0;\n}\n',
      native: 'f(1); printf("%d\\n", arr[1] != 0);',
      observable: 'global arr',
    },
    {
      what: 'a length with sizeof',
      old: 'static int tbl[sizeof(long) + 2];\nvoid f(int i)\n{\n\ttbl[i & 7] = 1;\n}\n',
      new: 'static int tbl[sizeof(long) + 2];\nvoid f(int i)\n{\n\ttbl[i & 7] = i == 6 ? 2 : 1;\n}\n',
      native: 'f(6); printf("%d\\n", tbl[6]);',
      observable: 'global tbl',
    },
    {
      what: 'a length that is an enum constant',
      old: 'enum { SLOTS = 6 };\nstatic int tbl[SLOTS];\nvoid f(int i)\n{\n\ttbl[i & 3] = 1;\n}\n',
      new: 'enum { SLOTS = 6 };\nstatic int tbl[SLOTS];\nvoid f(int i)\n{\n\ttbl[i & 3] = i == 2 ? 2 : 1;\n}\n',
      native: 'f(2); printf("%d\\n", tbl[2]);',
      observable: 'global tbl',
    },
    {
      what: 'a long array inside a long array',
      old: 'static int grid[6][6];\nvoid f(int i, int j)\n{\n\tgrid[i & 3][j & 3] = 1;\n}\n',
      new: 'static int grid[6][6];\nvoid f(int i, int j)\n{\n\tgrid[i & 3][j & 3] = (i == 2 && j == 3) ? 2 : 1;\n}\n',
      native: 'f(2, 3); printf("%d\\n", grid[2][3]);',
      observable: 'global grid',
    },
  ]
  for (const row of rows) t.test(row.what, async t => assertFound(t, row))
  t.test('control: the same writes to such an array are equivalent', async t => assertEquivalent(t, {
    old: 'static int tbl[sizeof(long) + 2];\nvoid f(int i)\n{\n\ttbl[i & 7] = 1;\n}\n',
    new: 'static int tbl[sizeof(long) + 2];\nvoid f(int i)\n{\n\tint k = i & 7;\n\ttbl[k] = 1;\n}\n',
  }))
})

t.test('B3: a matched call of an uninterpreted external gets an object with the same bytes', async t => {
  const KEY = 'struct key { int flags; int serial; };\nstruct key *key_lookup(int id);\nvoid *ctx_get(int id);\n'
  t.test('what the object says is the same in both versions (nvme_tls_key_lookup\'s shape)', async t => assertEquivalent(t, {
    old: `${KEY}int f(int id)\n{\n\tstruct key *k = key_lookup(id);\n\tif (!k)\n\t\treturn -1;\n\tif (k->flags & 2)\n\t\treturn -2;\n\treturn k->serial;\n}\n`,
    new: `${KEY}int f(int id)\n{\n\tstruct key *k = key_lookup(id);\n\tif (!k)\n\t\treturn -1;\n\tint revoked = k->flags & 2;\n\treturn revoked ? -2 : k->serial;\n}\n`,
  }))
  t.test('a `void *` answer: the same bytes too', async t => assertEquivalent(t, {
    old: `${KEY}int f(int id)\n{\n\tunsigned char *c = ctx_get(id);\n\treturn c ? c[7] : -1;\n}\n`,
    new: `${KEY}int f(int id)\n{\n\tunsigned char *c = ctx_get(id);\n\tif (!c)\n\t\treturn -1;\n\treturn c[7];\n}\n`,
  }))
  t.test('control: reading another field of the answer is a difference', async t => {
    const box = await sandbox(t, {
      'old.c': `${KEY}int f(int id)\n{\n\tstruct key *k = key_lookup(id);\n\treturn k ? k->serial : -1;\n}\n`,
      'new.c': `${KEY}int f(int id)\n{\n\tstruct key *k = key_lookup(id);\n\treturn k ? k->flags : -1;\n}\n`,
    })
    const r = await box.run([...ARGS, '--no-replay'])
    assertNotForged(t, r)
    t.equal(r.json?.verdict, 'unintended', r.stderr.slice(0, 300))
    await box.assertClean(t)
  })
})
