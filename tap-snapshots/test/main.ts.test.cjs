/* IMPORTANT
 * This snapshot file is auto-generated, but designed for humans.
 * It should be checked into source control and tracked carefully.
 * Re-generate by setting TAP_SNAPSHOT=1 and running tests.
 * Make sure to inspect the output below.  Do not ignore changes!
 */
'use strict'
exports[`test/main.ts > TAP > --help > --help output 1`] = `
klp-verify <old.c> <new.c> --func NAME [options]

Prove, with CBMC, that a C patch changes a function exactly as its author claims.

Commands:
  klp-verify series [manifest]  prove every function a series of patches changed (a manifest, a git
                                range, or a patch directory)
  klp-verify merge <reports..>  merge the JSON reports of a sharded series run (series --shard I/N)
                                into one report, as if one machine ran it all
  klp-verify cache <command>    move result-cache entries between machines: export to / import from
                                a .tar.gz (e.g. a CI artifact)
  klp-verify <old> <new>        prove that new.c changes the function exactly as claimed relative to
                                old.c                                                      [default]

Positionals:
  old  the C file before the patch                                                          [string]
  new  the C file after the patch                                                           [string]

Options:
      --version           Show version number                                              [boolean]
  -f, --func              function to prove (or \`function:\` in the spec)                    [string]
      --intended          intended change: 'WHEN' or 'WHEN => THEN' (repeatable)             [array]
      --assume            precondition on the entry state (repeatable)                       [array]
      --nullable          pointer parameter that may also be NULL (repeatable)               [array]
      --buffer            PARAM:LEN — PARAM points to LEN elements, e.g. buf:len (repeatable)[array]
      --spec              YAML spec file (function, claims, buffers, …)                     [string]
      --unwind            loop/recursion bound N, or auto (deepen 1, 2, 4, …) [default: auto]
                                                                                            [string]
      --max-unwind        --unwind auto covers loops of up to N iterations (largest bound N + 1)
                          [default: 64]                                                     [number]
      --max-size          largest buffer length the harness allocates [default: 32]         [number]
      --min-size          when --max-size does not finish in time, accept the verdict of a smaller
                          buffer bound down to N (the report states it) [default: none: such a
                          verdict is inconclusive]                                          [number]
      --timeout           seconds per cbmc run [default: 300]                               [number]
      --proof-timeout     seconds for a whole proof (all its cbmc runs); what is not done by then is
                          inconclusive (timeout) [default: none]                            [number]
      --memory            memory cap per cbmc process in MiB; over it the proof is inconclusive (out
                          of memory) [default: none]                                        [number]
      --fwrapv            signed overflow wraps, as in the kernel (-fno-strict-overflow)   [boolean]
      --init-globals      start globals from their initializers (boot-time view)           [boolean]
  -I, --include           include directory for preprocessing                                [array]
  -D, --define            macro for preprocessing, NAME or NAME=VALUE                        [array]
      --cflags            compiler flags for preprocessing, e.g. "-DCONFIG_X -fno-strict-overflow"
                                                                                            [string]
      --replay            run each counterexample natively with gcc to confirm it (--no-replay to
                          skip) [default: true]                                            [boolean]
      --models            directory of extra models (*.yaml) for external functions, see
                          templates/models/kernel.yaml                                      [string]
      --object            the live patch: compile both versions, list the functions to replace and
                          the hazards (auto: when gcc is found) [default: auto]
                                                                   [string] [choices: "auto", "off"]
      --unbounded         auto: identical code and unchanged callees are proved for every iteration
                          count; off: bounded proofs only [default: auto]
                                                                   [string] [choices: "auto", "off"]
      --cbmc              path of the cbmc binary to use                                    [string]
      --solver            auto: Z3 for comparisons when the code multiplies or divides variables,
                          else CaDiCaL [default: auto]       [string] [choices: "auto", "sat", "z3"]
  -j, --jobs              parallel cbmc runs [default: number of cores]                     [number]
      --format            report format
                           [string] [choices: "text", "json", "junit", "markdown"] [default: "text"]
  -o, --output            write the report to FILE instead of stdout                        [string]
      --keep-harness      write the generated harnesses and cbmc commands to DIR            [string]
      --cbmc-arg          extra argument passed to cbmc, e.g. --cbmc-arg --object-bits --cbmc-arg
                          12; only options that cannot drop or narrow a property (repeatable)
                                                                                            [string]
  -v, --verbose           print progress and the cbmc command lines                        [boolean]
      --debug             verbose, plus stack traces on errors                             [boolean]
      --compile-commands  a compile_commands.json (CMake, Meson, bear): the old file's flags are
                          taken from its entry                                              [string]
      --kconfig           a kernel config (e.g. /boot/config-*): prepare a scratch build folder for
                          it (make O=… olddefconfig prepare) and take the flags from there  [string]
  -h, --help              Show help                                                        [boolean]

Examples:
  klp-verify old.c new.c --func msg_fill --buffer     prove a bounds fix
  buf:len --intended 'len > 8 => ret == -EINVAL'
  klp-verify old.c new.c --spec spec.yaml --format    claims from a spec file, JSON report
  json

Exit codes: 0 equivalent/as-claimed, 1 unintended/claim-unobserved, 2 inconclusive, 3 error.

`
