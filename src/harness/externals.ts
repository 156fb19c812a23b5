/**
 * Stubs for external functions: both versions live in the same world. The k-th call of `f` in the
 * new run gets the answer the k-th call of `f` in the old run got when the arguments match
 * (matched per callee); unmatched calls get free answers. Every call is logged, in order, with its
 * arguments (pointers as object+offset), for the `calls` observable. Kernel APIs get models
 * (templates/models/*.yaml): allocation, free, locks, user copies, logging, WARN/BUG.
 * Pure: returns C text for the harness.
 */
import { ConfigError } from '../errors.js'
import type { CType } from '../extract/types.js'
import { ARG_EXPR_HINT, argRules, checkExpr, shownExpr } from '../extract/validate-expr.js'
import type { ExternalStub, ModelSpec } from './types.js'

import { MAX_BLOB, MAX_CALLS, MAX_LOCKS, MAX_SEQ } from '../model/names.js'

/** Transition: the limits live in model/names.ts. */
export { MAX_BLOB, MAX_CALLS, MAX_LOCKS, MAX_SEQ }

const TYPE_NAME = 'KLP_TYPE_NAME'

export interface ExternalsPlan {
  /** File-scope C before klp_abs (state the abstraction reads). */
  readonly runtime: readonly string[]
  /** File-scope C after klp_abs (the stubs, which use it). */
  readonly stubs: readonly string[]
  readonly unwindset: readonly { loop: string; bound: number }[]
  /** Dynamic objects klp_abs must know (alloc results). */
  readonly dynamicObjects: number
  readonly names: readonly string[]
  readonly hasLocks: boolean
}

/**
 * A model's (or a spec's `writes.size`) expression as stub C: it passes the expression validator
 * here, where it is pasted (the loaders checked it already; this is the last gate), and its
 * arguments arg0, arg1, … become the stub's parameters klp_a0, klp_a1, ….
 */
function argExpr(text: string, fn: string, arity: number, field: string): string {
  const r = checkExpr(text, argRules('model expressions', { name: fn, arity }))
  if (!r.ok) throw new ConfigError(`${fn}(): ${field} '${shownExpr(text)}' ${r.reason}`, { hint: ARG_EXPR_HINT })
  let out = text
  for (const n of [...r.names].sort((a, b) => b.start - a.start)) out = `${out.slice(0, n.start)}klp_a${n.name.slice(3)}${out.slice(n.end)}`
  return out.replace(/\s+/g, ' ').trim()
}

function isPointer(t: CType): boolean {
  return t.kind === 'pointer'
}

function scalarLike(t: CType): boolean {
  return t.kind === 'scalar' || t.kind === 'pointer'
}

export function planExternals(stubs: readonly ExternalStub[], native = false): ExternalsPlan {
  const nd = (x: string) => (native ? ` KLP_NONDET(${x});` : '')
  if (stubs.length === 0) return { runtime: [], stubs: [], unwindset: [], dynamicObjects: 0, names: [], hasLocks: false }
  const maxArgs = Math.max(1, ...stubs.map(s => s.fn.signature.params.length))
  const runtime = [
    '/* the world outside the function: external calls (klp-verify stubs) */',
    'static int klp_cur; /* 0 while old runs, 1 while new runs */',
    `static int klp_nseq[2];`,
    `static int klp_seq_fn[2][${MAX_SEQ}];`,
    `static int klp_seq_k[2][${MAX_SEQ}];`,
    `static long long klp_seq_arg[2][${MAX_SEQ}][${maxArgs}];`,
    `static long long klp_seq_ret[2][${MAX_SEQ}];`,
    `static const unsigned char *klp_seq_blob[2][${MAX_SEQ}];`,
    `static unsigned long klp_seq_bloblen[2][${MAX_SEQ}];`,
    `static const void *klp_dyn[2][${stubs.length * MAX_CALLS}];`,
    `static long long klp_held[2][${MAX_LOCKS}];`,
    `static long long klp_entry_held[2][${MAX_LOCKS}];`,
    'static char klp_rcu_lock;',
    'void free(void *);',
  ]
  const out: string[] = []
  const unwindset: { loop: string; bound: number }[] = []
  let hasLocks = false
  stubs.forEach((s, i) => {
    const { fn, model } = s
    const sig = fn.signature
    const f = fn.name
    const T = (j: number) => `klp_x_${f}_p${j}_t`
    const arg = (field: string, text: string) => argExpr(text, f, sig.params.length, `model ${field}`)
    const isVoid = sig.returnType.kind === 'opaque' && sig.returnType.text === 'void'
    const R = `klp_x_${f}_r_t`
    const decls: string[] = []
    sig.params.forEach((p, j) => decls.push(`typedef ${p.typedefText.replace(TYPE_NAME, T(j))};`))
    decls.push(`typedef ${sig.returnTypedef.replace(TYPE_NAME, R)};`)
    const params = sig.params.map((_, j) => `${T(j)} klp_a${j}`)
    if (sig.variadic) params.push('...')
    const body: string[] = []
    body.push(
      'int v = klp_cur;',
      `int k = klp_${f}_n[v];`,
      `__CPROVER_assert(k < ${MAX_CALLS} && klp_nseq[v] < ${MAX_SEQ}, "KLP_LIMIT external calls");`,
      `__CPROVER_assume(k < ${MAX_CALLS} && klp_nseq[v] < ${MAX_SEQ});`,
      `klp_${f}_n[v] = k + 1;`,
      'int s = klp_nseq[v]++;',
      `klp_seq_fn[v][s] = ${i};`,
      'klp_seq_k[v][s] = k;',
    )
    const argVals: string[] = []
    sig.params.forEach((p, j) => {
      const val = isPointer(p.type) ? `klp_abs((const void *)klp_a${j}, v)` : scalarLike(p.type) ? `(long long)klp_a${j}` : '0'
      body.push(`klp_seq_arg[v][s][${j}] = ${val};`)
      argVals.push(`klp_seq_arg[0][klp_${f}_s[0][k]][${j}] == klp_seq_arg[1][s][${j}]`)
    })
    body.push(`klp_${f}_s[v][k] = s;`)
    body.push(`_Bool match = v == 1 && k < klp_${f}_n[0]${argVals.length ? ` && ${argVals.join(' && ')}` : ''};`)
    const state = [
      `static int klp_${f}_n[2];`,
      `static int klp_${f}_s[2][${MAX_CALLS}];`,
    ]
    if (!isVoid) state.push(`static ${R} klp_${f}_ret[2][${MAX_CALLS}];`)
    const ret = (expr: string) => (isVoid ? ['return;'] : [`klp_${f}_ret[v][k] = ${expr};`, scalarLike(sig.returnType) ? `klp_seq_ret[v][s] = (long long)${isPointer(sig.returnType) ? `klp_abs((const void *)${expr}, v)` : expr};` : '', `return ${expr};`])
    const kind = model?.kind ?? 'generic'
    switch (kind) {
      case 'alloc': {
        state.push(`static _Bool klp_${f}_fail[2][${MAX_CALLS}];`, `static void *klp_${f}_proto[${MAX_CALLS}];`)
        const size = arg('size', model!.size ?? 'arg0')
        body.push(
          `_Bool fail;${nd('fail')}`,
          `if (match) fail = klp_${f}_fail[0][k];`,
          `klp_${f}_fail[v][k] = fail;`,
          'void *p = 0;',
          'if (!fail) {',
          `  unsigned long n = (unsigned long)(${size});`,
          model!.zero
            ? '  p = __CPROVER_allocate(n, 1);'
            : [
                '  p = __CPROVER_allocate(n, 0);',
                `  if (match) memcpy(p, klp_${f}_proto[k], n);`,
                `  else if (v == 0) { klp_${f}_proto[k] = __CPROVER_allocate(n, 0); memcpy(klp_${f}_proto[k], p, n); }`,
              ].join('\n'),
          `  klp_dyn[v][${i * MAX_CALLS} + k] = p;`,
          '}',
          ...ret(`(${R})p`),
        )
        break
      }
      case 'free': {
        const ptr = arg('ptr', model!.ptr ?? 'arg0')
        body.push(`if (${ptr}) free((void *)(${ptr}));`, ...(isVoid ? [] : ret(`(${R})0`)))
        break
      }
      case 'lock':
      case 'unlock': {
        hasLocks = true
        const id = `klp_abs((const void *)(${arg('lock', model!.lock ?? 'arg0')}), v)`
        body.push(`long long id = ${id};`)
        if (kind === 'lock') {
          body.push(
            `__CPROVER_assert(id == 0 || ${heldExpr('id')} == 0, "lock: taking a lock that is already held (self-deadlock)");`,
            `__CPROVER_assert(${Array.from({ length: MAX_LOCKS }, (_, j) => `klp_held[v][${j}] == 0`).join(' || ')}, "KLP_LIMIT locks held at once");`,
            ...Array.from({ length: MAX_LOCKS }, (_, j) => `${j ? 'else ' : ''}if (klp_held[v][${j}] == 0) klp_held[v][${j}] = id;`),
          )
        } else {
          body.push(
            `__CPROVER_assert(${heldExpr('id')} != 0, "lock: releasing a lock that is not held");`,
            ...Array.from({ length: MAX_LOCKS }, (_, j) => `${j ? 'else ' : ''}if (klp_held[v][${j}] == id) klp_held[v][${j}] = 0;`),
          )
        }
        if (!isVoid) body.push(...ret(`(${R})0`))
        break
      }
      case 'copy-in': {
        state.push(`static unsigned char *klp_${f}_src[${MAX_CALLS}];`)
        const size = arg('size', model!.size ?? 'arg2')
        body.push(
          `unsigned long n = (unsigned long)(${size});`,
          `unsigned long left;${nd('left')}`,
          `if (match) left = (unsigned long)klp_${f}_ret[0][k];`,
          '__CPROVER_assume(left <= n);',
          'unsigned char *src;',
          `if (match) src = klp_${f}_src[k];`,
          `else { src = __CPROVER_allocate(n, 0); if (v == 0) klp_${f}_src[k] = src; }`,
          `if (n - left) memcpy((void *)(${arg('to', model!.to ?? 'arg0')}), src, n - left);`,
          ...ret(`(${R})left`),
        )
        break
      }
      case 'copy-out': {
        const size = arg('size', model!.size ?? 'arg2')
        body.push(
          `unsigned long n = (unsigned long)(${size});`,
          `unsigned char *snap = __CPROVER_allocate(n, 0);`,
          `if (n) memcpy(snap, (const void *)(${arg('from', model!.from ?? 'arg1')}), n);`,
          'klp_seq_blob[v][s] = snap;',
          'klp_seq_bloblen[v][s] = n;',
          `${isVoid ? '' : `${R} left;${nd('left')}`}`,
          ...(isVoid ? [] : [`if (match) left = klp_${f}_ret[0][k];`, '__CPROVER_assume(left >= 0 && (unsigned long)left <= n);', ...ret('left')]),
        )
        break
      }
      case 'log':
        body.push(...(isVoid ? [] : ret(`(${R})0`)))
        break
      case 'warn':
        body.push(...(isVoid ? [] : ret(`(${R})(${arg('value', model!.value ?? 'arg0')})`)))
        break
      case 'bug':
        // BUG() always; BUG_ON(cond) when its condition holds
        body.push(
          model!.value ? `if (${arg('value', model!.value)}) { __CPROVER_assert(0, "BUG() reached"); __CPROVER_assume(0); }` : '__CPROVER_assert(0, "BUG() reached"); __CPROVER_assume(0);',
          ...(isVoid ? [] : ret(`(${R})0`)),
        )
        break
      default: {
        // an uninterpreted function: a free answer, replayed for a matching call
        body.push(...(isVoid ? [] : [`${R} r;${nd('r')}`, `if (match) r = klp_${f}_ret[0][k];`]))
        if (!isVoid && isPointer(sig.returnType) && sig.returnType.kind === 'pointer' && sig.returnType.to.kind !== 'function') {
          // a pointer answer is NULL or a fresh object, never a wild pointer (`void *` or an
          // incomplete type: MAX_BLOB bytes, as sizeof cannot say)
          const size = sig.returnType.to.kind === 'opaque' ? String(MAX_BLOB) : 'sizeof(*r)'
          state.push(`static _Bool klp_${f}_null[2][${MAX_CALLS}];`)
          body.push(
            `_Bool nul;${nd('nul')}`,
            `if (match) nul = klp_${f}_null[0][k];`,
            `klp_${f}_null[v][k] = nul;`,
            `r = nul ? 0 : (${R})__CPROVER_allocate(${size}, 0);`,
            `if (!nul) klp_dyn[v][${i * MAX_CALLS} + k] = r;`,
          )
        } else if (!isVoid && isPointer(sig.returnType)) {
          body.push('r = 0;')
        }
        for (const w of s.writes ?? []) {
          if (!Number.isInteger(w.arg) || w.arg < 0 || w.arg >= sig.params.length) {
            throw new ConfigError(`${f}(): writes arg ${w.arg}, but ${f}() takes ${sig.params.length} argument${sig.params.length === 1 ? '' : 's'}`, { hint: 'externals.<fn>.writes.arg counts the arguments from 0' })
          }
          const loop = `${f}.${unwindset.filter(u => u.loop.startsWith(`${f}.`)).length}`
          unwindset.push({ loop, bound: MAX_BLOB + 1 })
          state.push(`static unsigned char klp_${f}_w${w.arg}[${MAX_CALLS}][${MAX_BLOB}];`)
          body.push(
            `{ unsigned long n = (unsigned long)(${argExpr(w.size, f, sig.params.length, 'writes size')});`,
            `  __CPROVER_assert(n <= ${MAX_BLOB}, "KLP_LIMIT out-parameter size");`,
            `  __CPROVER_assume(n <= ${MAX_BLOB});`,
            `  for (unsigned long j = 0; j < n; j++) { unsigned char b;${nd('b')} if (match) b = klp_${f}_w${w.arg}[k][j]; else if (v == 0) klp_${f}_w${w.arg}[k][j] = b; ((unsigned char *)klp_a${w.arg})[j] = b; } }`,
          )
        }
        body.push(...(isVoid ? [] : ret('r')))
      }
    }
    out.push(
      `/* ${f}(): ${model ? `model ${kind}` : 'uninterpreted external function'} */`,
      ...decls,
      ...state,
      `${isVoid ? 'void' : R} ${f}(${params.length ? params.join(', ') : 'void'})`,
      '{',
      ...body.filter(Boolean).map(l => `  ${l}`),
      '}',
    )
  })
  // lock balance: a version must not return holding a lock it did not hold at entry
  if (hasLocks) {
    for (const [v, name] of [[0, 'klp_old_lock_balance'], [1, 'klp_new_lock_balance']] as const) {
      out.push(
        `void ${name}(void)`,
        '{',
        // locks the caller holds (spec `held:`, like __must_hold) may stay held, and must
        ...Array.from({ length: MAX_LOCKS }, (_, j) => `  __CPROVER_assert(klp_held[${v}][${j}] == 0 || ${entryExpr(v, `klp_held[${v}][${j}]`)}, "lock: returns with a lock held that was not held at entry");`),
        ...Array.from({ length: MAX_LOCKS }, (_, j) => `  __CPROVER_assert(klp_entry_held[${v}][${j}] == 0 || ${Array.from({ length: MAX_LOCKS }, (_, i) => `klp_held[${v}][${i}] == klp_entry_held[${v}][${j}]`).join(' || ')}, "lock: releases a lock its caller holds");`),
        '}',
      )
    }
  }
  return { runtime, stubs: out, unwindset, dynamicObjects: stubs.length * MAX_CALLS, names: stubs.map(s => s.fn.name), hasLocks }
}

function entryExpr(v: number, id: string): string {
  return `(${Array.from({ length: MAX_LOCKS }, (_, j) => `klp_entry_held[${v}][${j}] == ${id}`).join(' || ')})`
}

function heldExpr(id: string): string {
  return `(${Array.from({ length: MAX_LOCKS }, (_, j) => `klp_held[v][${j}] == ${id}`).join(' || ')})`
}

export type { ModelSpec }
