/** The spec file (YAML) for one function proof, validated with zod. */
import { z } from 'zod'
import { OBSERVABLES } from '../model/types.js'
import { HAZARD_KINDS } from '../object/types.js'
import { argRules, checkExpr, checkRawExpr, shownExpr, type ExprCheck } from '../extract/validate-expr.js'

/** A failed expression check as a zod issue naming the text (the path names the field). */
const exprIssue = (check: (text: string) => ExprCheck) => (text: string, ctx: z.RefinementCtx) => {
  if (text === '') return // min(1) says so
  const r = check(text)
  if (!r.ok) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `'${shownExpr(text)}' ${r.reason}` })
}
/**
 * A claim, assumption, buffer length or held lock, as written (its macros are expanded later, and
 * the expansion checked in full): already here nothing the preprocessor would act on or hide.
 */
const Expr = z.string().min(1, 'must be a non-empty C expression').superRefine(exprIssue(t => checkRawExpr(t, 'expressions')))
// a union's own error is a bare "Invalid input": say what is allowed instead
const unionError = (message: string) => ({ errorMap: () => ({ message }) })
const Unwind = z.union([z.literal('auto'), z.number().int().min(1, 'must be at least 1')], unionError("must be a whole number >= 1 or 'auto'"))
const StrList = z
  .union([z.string(), z.array(z.string())], unionError('must be a string or a list of strings'))
  .transform(v => (Array.isArray(v) ? v : [v]))

/** `size` is pasted into the stub: one side-effect free C expression over arg0, arg1, … */
const WriteSize = z
  .union([z.string().min(1), z.number().int().min(0)])
  .transform(String)
  .superRefine(exprIssue(t => checkExpr(t, argRules('sizes'))))
const WriteSchema = z.object({ arg: z.number().int().min(0), size: WriteSize }).strict()

export const ClaimSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9_.:-]+$/, 'use letters, digits, _ . : -').optional(),
    when: Expr,
    then: Expr.optional(),
    differs: z.array(z.enum(OBSERVABLES)).min(1).optional(),
  })
  .strict()

export const SpecSchema = z
  .object({
    function: z.string().regex(/^[A-Za-z_]\w*$/, 'must be a C identifier').optional(),
    assume: z.array(Expr).default([]),
    buffers: z.record(z.string().regex(/^[A-Za-z_]\w*$/, 'must be a C identifier (a parameter name)'), Expr).default({}),
    nullable: z.array(z.string()).default([]),
    unwind: Unwind.optional(),
    'max-unwind': z.number().int().min(1).optional(),
    'max-size': z.number().int().min(0).max(4096).optional(),
    /** Accept a verdict reached at a smaller buffer bound, down to this one (pipeline/sizes.ts). */
    'min-size': z.number().int().min(0).max(4096).optional(),
    // Node timers overflow past 2^31-1 ms (the same limit as --timeout)
    timeout: z.number().positive().max(Math.floor((2 ** 31 - 1) / 1000)).optional(),
    /** Wall-clock budget of the whole proof, seconds. */
    'proof-timeout': z.number().positive().max(Math.floor((2 ** 31 - 1) / 1000)).optional(),
    /** Memory cap per cbmc process, MiB. */
    memory: z.number().min(16, 'must be at least 16 (MiB)').optional(),
    fwrapv: z.boolean().optional(),
    'init-globals': z.boolean().optional(),
    cflags: StrList.optional(),
    include: StrList.optional(),
    define: StrList.optional(),
    intended: z.array(ClaimSchema).default([]),
    /** Locks the caller holds at entry (as `__must_hold` says), e.g. `&o->lock`. */
    held: z.array(Expr).default([]),
    /** External functions: out-parameters they write (`writes: {arg: 0, size: arg1}`, or a list). */
    externals: z
      .record(
        z.string().regex(/^[A-Za-z_]\w*$/, 'must be a C function name'),
        z.object({ writes: z.union([WriteSchema, z.array(WriteSchema)]).transform(w => (Array.isArray(w) ? w : [w])).optional() }).strict(),
      )
      .default({}),
    /**
     * Shape contracts: a pointer parameter points at a member inside a bigger object (container_of),
     * `old_fsn: struct inotify_event_info.fse`; the type and member are checked against the code.
     */
    containers: z
      .record(
        z.string().regex(/^[A-Za-z_]\w*$/, 'must be a C identifier (a parameter name)'),
        z.string().regex(/^(?:(?:struct|union) +)?[A-Za-z_]\w*\.[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/, "must be 'struct name.member' (or 'union name.member', 'typedef_name.member')"),
      )
      .optional(),
    /** Live-patch hazards the user accepts (`kind:symbol`, `*` for every symbol): listed as accepted, no exit code. */
    'accept-hazards': z
      .array(z.string().max(200).regex(new RegExp(`^(${HAZARD_KINDS.join('|')}):([A-Za-z_][\\w.]*|\\*)$`), `must be 'kind:symbol' with kind one of ${HAZARD_KINDS.join(', ')} (symbol * for all)`))
      .optional(),
    /**
     * Network input shapes (model/skb.ts): `skb: linear` (a struct sk_buff parameter is a linear
     * packet, as every sk_buff input is by default) or `dev: {netdev_priv: struct foo_priv}` (the
     * private area behind a struct net_device); each is checked against the code.
     */
    shapes: z
      .record(
        z.string().regex(/^[A-Za-z_]\w*$/, 'must be a C identifier (a parameter name)'),
        z.union([
          z.literal('linear'),
          z.object({ netdev_priv: z.string().regex(/^(?:(?:struct|union) +)?[A-Za-z_]\w*$/, "must be a type name: 'struct name' or 'typedef_name'") }).strict(),
        ], { errorMap: () => ({ message: "must be 'linear' or {netdev_priv: 'struct name'}" }) }),
      )
      .optional(),
    /** Free-form expectations used by the worked examples and their tests. */
    expect: z.record(z.unknown()).optional(),
  })
  .strict()

export type Spec = z.infer<typeof SpecSchema>
export type ClaimSpec = z.infer<typeof ClaimSchema>
