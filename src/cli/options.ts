/** Option blocks shared by commands (yargs, `as const` for typing). */
export const FORMATS = ['text', 'json', 'junit', 'markdown'] as const
export type Format = (typeof FORMATS)[number]

export const proofOptions = {
  func: { alias: 'f', type: 'string', describe: 'function to prove (or `function:` in the spec)' },
  intended: { type: 'string', array: true, describe: "intended change: 'WHEN' or 'WHEN => THEN' (repeatable)" },
  assume: { type: 'string', array: true, describe: 'precondition on the entry state (repeatable)' },
  nullable: { type: 'string', array: true, describe: 'pointer parameter that may also be NULL (repeatable)' },
  buffer: { type: 'string', array: true, describe: 'PARAM:LEN — PARAM points to LEN elements, e.g. buf:len (repeatable)' },
  spec: { type: 'string', describe: 'YAML spec file (function, claims, buffers, …)' },
  unwind: { type: 'string', describe: 'loop/recursion bound N, or auto (deepen 1, 2, 4, …) [default: auto]' },
  'max-unwind': { type: 'number', describe: 'largest bound tried by --unwind auto [default: 64]' },
  'max-size': { type: 'number', describe: 'largest buffer length the harness allocates [default: 32]' },
  timeout: { type: 'number', describe: 'seconds per cbmc run [default: 300]' },
  fwrapv: { type: 'boolean', describe: 'signed overflow wraps, as in the kernel (-fno-strict-overflow)' },
  'init-globals': { type: 'boolean', describe: 'start globals from their initializers (boot-time view)' },
  include: { alias: 'I', type: 'string', array: true, describe: 'include directory for preprocessing' },
  define: { alias: 'D', type: 'string', array: true, describe: 'macro for preprocessing, NAME or NAME=VALUE' },
  cflags: { type: 'string', describe: 'compiler flags for preprocessing, e.g. "-DCONFIG_X -fno-strict-overflow"' },
  cbmc: { type: 'string', describe: 'path of the cbmc binary to use' },
  solver: { type: 'string', choices: ['auto', 'sat', 'z3'] as const, describe: 'auto: Z3 for comparisons when the code multiplies or divides variables, else CaDiCaL [default: auto]' },
  jobs: { alias: 'j', type: 'number', describe: 'parallel cbmc runs [default: number of cores]' },
  format: { type: 'string', choices: FORMATS, default: 'text' as Format, describe: 'report format' },
  output: { alias: 'o', type: 'string', describe: 'write the report to FILE instead of stdout' },
  'keep-harness': { type: 'string', describe: 'write the generated harnesses and cbmc commands to DIR' },
  'cbmc-arg': { type: 'string', array: true, describe: 'extra argument passed to cbmc (repeatable)' },
  verbose: { alias: 'v', type: 'boolean', describe: 'print progress and the cbmc command lines' },
  debug: { type: 'boolean', describe: 'verbose, plus stack traces on errors' },
} as const
