/* IMPORTANT
 * This snapshot file is auto-generated, but designed for humans.
 * It should be checked into source control and tracked carefully.
 * Re-generate by setting TAP_SNAPSHOT=1 and running tests.
 * Make sure to inspect the output below.  Do not ignore changes!
 */
'use strict'
exports[`test/classify/job.ts > TAP > every capture, judged (snapshots) > all-success 1`] = `
Object {
  "command": "cd equiv && <root>/.klp-tools/bin/cbmc --no-standard-checks --unwinding-assertions --no-malloc-may-fail --function klp_harness --unwind 2 --external-sat-solver <root>/.klp-tools/bin/cadical --slice-formula --json-ui klp_old.i klp_new.i",
  "durationMs": 1234,
  "eqFailures": Array [],
  "errors": Array [],
  "findingIds": Array [],
  "mode": Object {
    "kind": "equiv",
  },
  "noBody": Array [],
  "openLoops": Array [],
  "reach": undefined,
  "reachProven": false,
  "run": "all-success",
  "safety": Array [],
  "status": "complete",
  "thenFailure": undefined,
  "unwind": 10,
}
`

exports[`test/classify/job.ts > TAP > every capture, judged (snapshots) > claim-proven 1`] = `
Object {
  "command": "cd claim-0 && <root>/.klp-tools/bin/cbmc --no-standard-checks --unwinding-assertions --no-malloc-may-fail --function klp_harness --unwind 2 --external-sat-solver <root>/.klp-tools/bin/cadical --slice-formula --json-ui klp_old.i klp_new.i",
  "durationMs": 1234,
  "eqFailures": Array [],
  "errors": Array [],
  "findingIds": Array [],
  "mode": Object {
    "claim": 0,
    "kind": "claim",
  },
  "noBody": Array [],
  "openLoops": Array [],
  "reach": undefined,
  "reachProven": true,
  "run": "claim-proven",
  "safety": Array [],
  "status": "complete",
  "thenFailure": undefined,
  "unwind": 10,
}
`

exports[`test/classify/job.ts > TAP > every capture, judged (snapshots) > claim-then-fail 1`] = `
Object {
  "command": "cd claim-0 && <root>/.klp-tools/bin/cbmc --no-standard-checks --unwinding-assertions --no-malloc-may-fail --function klp_harness --unwind 10 --unwindset klp_harness.0:10,klp_harness.1:10,klp_harness.2:9,klp_harness.3:10 --external-sat-solver <root>/.klp-tools/bin/cadical --slice-formula --json-ui klp_old.i klp_new.i",
  "durationMs": 1234,
  "eqFailures": Array [],
  "errors": Array [],
  "findingIds": Array [
    "klp_harness.assertion.5",
    "klp_harness.assertion.6",
  ],
  "mode": Object {
    "claim": 0,
    "kind": "claim",
  },
  "noBody": Array [],
  "openLoops": Array [],
  "reach": Object {
    "inputs": Array [
      Object {
        "name": "len",
        "value": "9",
      },
    ],
    "observables": Array [
      "return",
      "memory *m",
    ],
    "values": Array [
      Object {
        "new": "-22",
        "old": "0",
        "what": "return",
      },
    ],
  },
  "reachProven": false,
  "run": "claim-then-fail",
  "safety": Array [],
  "status": "complete",
  "thenFailure": Object {
    "inputs": Array [
      Object {
        "name": "len",
        "value": "9",
      },
    ],
    "values": Array [
      Object {
        "new": "-22",
        "old": "-22",
        "what": "return",
      },
    ],
  },
  "unwind": 10,
}
`

exports[`test/classify/job.ts > TAP > every capture, judged (snapshots) > claim-then-fail-traces 1`] = `
Object {
  "command": "cd claim-0 && <root>/.klp-tools/bin/cbmc --no-standard-checks --unwinding-assertions --no-malloc-may-fail --function klp_harness --unwind 10 --unwindset klp_harness.0:10,klp_harness.1:10,klp_harness.2:9,klp_harness.3:10 --external-sat-solver <root>/.klp-tools/bin/cadical --property klp_harness.assertion.6 --json-ui klp_old.i klp_new.i",
  "durationMs": 1234,
  "eqFailures": Array [],
  "errors": Array [],
  "findingIds": Array [
    "klp_harness.assertion.6",
  ],
  "mode": Object {
    "claim": 0,
    "kind": "claim",
  },
  "noBody": Array [],
  "openLoops": Array [],
  "reach": undefined,
  "reachProven": false,
  "run": "claim-then-fail-traces",
  "safety": Array [],
  "status": "complete",
  "thenFailure": Object {
    "inputs": Array [
      Object {
        "name": "len",
        "value": "9",
      },
      Object {
        "name": "*m",
        "value": "{ .type = 0, .len = 65535, .payload = {255, 255, 255, 255, 255, 255, 255, 255} }",
      },
      Object {
        "name": "buf[0..len)",
        "value": "{255, 255, 255, 255, 255, 255, 255, 255, 255}",
      },
    ],
    "values": Array [
      Object {
        "new": "-22",
        "old": "-22",
        "what": "return",
      },
    ],
  },
  "unwind": 10,
}
`

exports[`test/classify/job.ts > TAP > every capture, judged (snapshots) > eq-fail 1`] = `
Object {
  "command": "cd equiv && <root>/.klp-tools/bin/cbmc --no-standard-checks --unwinding-assertions --no-malloc-may-fail --function klp_harness --unwind 10 --unwindset klp_harness.0:10,klp_harness.1:10,klp_harness.2:9,klp_harness.3:10 --external-sat-solver <root>/.klp-tools/bin/cadical --slice-formula --json-ui klp_old.i klp_new.i",
  "durationMs": 1234,
  "eqFailures": Array [
    Object {
      "inputs": Array [
        Object {
          "name": "len",
          "value": "9",
        },
      ],
      "kind": "return",
      "label": "return",
      "observable": 0,
      "values": Array [
        Object {
          "new": "-22",
          "old": "0",
          "what": "return",
        },
      ],
    },
    Object {
      "inputs": Array [
        Object {
          "name": "len",
          "value": "9",
        },
      ],
      "kind": "memory",
      "label": "memory *m",
      "observable": 1,
      "values": Array [
        Object {
          "new": "65535",
          "old": "9",
          "what": "m->len",
        },
      ],
    },
  ],
  "errors": Array [],
  "findingIds": Array [
    "klp_harness.assertion.2",
    "klp_harness.assertion.3",
  ],
  "mode": Object {
    "kind": "equiv",
  },
  "noBody": Array [],
  "openLoops": Array [],
  "reach": undefined,
  "reachProven": false,
  "run": "eq-fail",
  "safety": Array [],
  "status": "complete",
  "thenFailure": undefined,
  "unwind": 10,
}
`

exports[`test/classify/job.ts > TAP > every capture, judged (snapshots) > eq-fail-traces 1`] = `
Object {
  "command": "cd equiv && <root>/.klp-tools/bin/cbmc --no-standard-checks --unwinding-assertions --no-malloc-may-fail --function klp_harness --unwind 10 --unwindset klp_harness.0:10,klp_harness.1:10,klp_harness.2:9,klp_harness.3:10 --external-sat-solver <root>/.klp-tools/bin/cadical --property klp_harness.assertion.3 --json-ui klp_old.i klp_new.i",
  "durationMs": 1234,
  "eqFailures": Array [
    Object {
      "inputs": Array [
        Object {
          "name": "len",
          "value": "9",
        },
        Object {
          "name": "*m",
          "value": "{ .type = 1, .len = 9, .payload = {255, 255, 255, 255, 255, 255, 255, 255} }",
        },
        Object {
          "name": "buf[0..len)",
          "value": "{254, 255, 255, 255, 255, 255, 255, 255, 255}",
        },
      ],
      "kind": "memory",
      "label": "memory *m",
      "observable": 1,
      "values": Array [
        Object {
          "new": "255",
          "old": "254",
          "what": "m->payload[0]",
        },
      ],
    },
  ],
  "errors": Array [],
  "findingIds": Array [
    "klp_harness.assertion.3",
  ],
  "mode": Object {
    "kind": "equiv",
  },
  "noBody": Array [],
  "openLoops": Array [],
  "reach": undefined,
  "reachProven": false,
  "run": "eq-fail-traces",
  "safety": Array [],
  "status": "complete",
  "thenFailure": undefined,
  "unwind": 10,
}
`

exports[`test/classify/job.ts > TAP > every capture, judged (snapshots) > external-stub 1`] = `
Object {
  "command": "cd equiv && <root>/.klp-tools/bin/cbmc --no-standard-checks --unwinding-assertions --no-malloc-may-fail --function klp_harness --unwind 2 --unwindset klp_harness.0:65,klp_harness.1:65 --external-sat-solver <root>/.klp-tools/bin/cadical --slice-formula --json-ui klp_old.i klp_new.i",
  "durationMs": 1234,
  "eqFailures": Array [],
  "errors": Array [],
  "findingIds": Array [],
  "mode": Object {
    "kind": "equiv",
  },
  "noBody": Array [],
  "openLoops": Array [],
  "reach": undefined,
  "reachProven": false,
  "run": "external-stub",
  "safety": Array [],
  "status": "complete",
  "thenFailure": undefined,
  "unwind": 10,
}
`

exports[`test/classify/job.ts > TAP > every capture, judged (snapshots) > harness-check 1`] = `
Object {
  "command": "cd safety-old-outside && <root>/.klp-tools/bin/cbmc --unwinding-assertions --no-malloc-may-fail --no-signed-overflow-check --function klp_harness --unwind 2 --external-sat-solver <root>/.klp-tools/bin/cadical --slice-formula --json-ui klp_old.i klp_new.i",
  "durationMs": 1234,
  "eqFailures": Array [],
  "errors": Array [
    "the harness itself failed a check (dereference failure: pointer NULL in r->prio at <klp-harness>:50); a claim or assumption may dereference a NULL or out-of-bounds pointer",
    "the harness itself failed a check (dereference failure: deallocated dynamic object in r->prio at <klp-harness>:50); a claim or assumption may dereference a NULL or out-of-bounds pointer",
    "the harness itself failed a check (dereference failure: pointer outside dynamic object bounds in r->prio at <klp-harness>:50); a claim or assumption may dereference a NULL or out-of-bounds pointer",
  ],
  "findingIds": Array [
    "klp_old_req_assign_id.pointer_dereference.1",
    "klp_old_req_assign_id.pointer_dereference.3",
    "klp_old_req_assign_id.pointer_dereference.4",
    "klp_old_req_assign_id.pointer_dereference.5",
    "klp_old_req_assign_id.pointer_dereference.7",
    "klp_old_req_assign_id.pointer_dereference.9",
    "klp_old_req_assign_id.pointer_dereference.10",
    "klp_old_req_assign_id.pointer_dereference.11",
    "klp_old_req_assign_id.pointer_dereference.12",
    "klp_harness.pointer_dereference.5",
    "klp_harness.pointer_dereference.6",
    "klp_harness.pointer_dereference.7",
  ],
  "mode": Object {
    "kind": "safety",
    "restrict": "outside-safety-claims",
    "version": "old",
  },
  "noBody": Array [],
  "openLoops": Array [],
  "reach": undefined,
  "reachProven": false,
  "run": "harness-check",
  "safety": Array [
    Object {
      "description": "dereference failure: pointer NULL in r->prio",
      "function": "req_assign_id",
      "inputs": Array [
        Object {
          "name": "r == NULL",
          "value": "TRUE",
        },
      ],
      "key": "pointer dereference|req_assign_id",
      "kind": "pointer dereference",
      "location": "old.c:13",
      "version": "old",
    },
    Object {
      "description": "dereference failure: deallocated dynamic object in r->prio",
      "function": "req_assign_id",
      "inputs": Array [
        Object {
          "name": "r == NULL",
          "value": "TRUE",
        },
      ],
      "key": "pointer dereference|req_assign_id",
      "kind": "pointer dereference",
      "location": "old.c:13",
      "version": "old",
    },
    Object {
      "description": "dereference failure: dead object in r->prio",
      "function": "req_assign_id",
      "inputs": Array [
        Object {
          "name": "r == NULL",
          "value": "TRUE",
        },
      ],
      "key": "pointer dereference|req_assign_id",
      "kind": "pointer dereference",
      "location": "old.c:13",
      "version": "old",
    },
    Object {
      "description": "dereference failure: pointer outside object bounds in r->prio",
      "function": "req_assign_id",
      "inputs": Array [
        Object {
          "name": "r == NULL",
          "value": "TRUE",
        },
      ],
      "key": "pointer dereference|req_assign_id",
      "kind": "pointer dereference",
      "location": "old.c:13",
      "version": "old",
    },
    Object {
      "description": "dereference failure: pointer NULL in r->id",
      "function": "req_assign_id",
      "inputs": Array [
        Object {
          "name": "r == NULL",
          "value": "TRUE",
        },
      ],
      "key": "pointer dereference|req_assign_id",
      "kind": "pointer dereference",
      "location": "old.c:15",
      "version": "old",
    },
    Object {
      "description": "dereference failure: deallocated dynamic object in r->id",
      "function": "req_assign_id",
      "inputs": Array [
        Object {
          "name": "r == NULL",
          "value": "TRUE",
        },
      ],
      "key": "pointer dereference|req_assign_id",
      "kind": "pointer dereference",
      "location": "old.c:15",
      "version": "old",
    },
    Object {
      "description": "dereference failure: dead object in r->id",
      "function": "req_assign_id",
      "inputs": Array [
        Object {
          "name": "r == NULL",
          "value": "TRUE",
        },
      ],
      "key": "pointer dereference|req_assign_id",
      "kind": "pointer dereference",
      "location": "old.c:15",
      "version": "old",
    },
    Object {
      "description": "dereference failure: pointer outside object bounds in r->id",
      "function": "req_assign_id",
      "inputs": Array [
        Object {
          "name": "r == NULL",
          "value": "TRUE",
        },
      ],
      "key": "pointer dereference|req_assign_id",
      "kind": "pointer dereference",
      "location": "old.c:15",
      "version": "old",
    },
    Object {
      "description": "dereference failure: invalid integer address in r->id",
      "function": "req_assign_id",
      "inputs": Array [
        Object {
          "name": "r == NULL",
          "value": "TRUE",
        },
      ],
      "key": "pointer dereference|req_assign_id",
      "kind": "pointer dereference",
      "location": "old.c:15",
      "version": "old",
    },
  ],
  "status": "error",
  "thenFailure": undefined,
  "unwind": 10,
}
`

exports[`test/classify/job.ts > TAP > every capture, judged (snapshots) > safety-new 1`] = `
Object {
  "command": "cd safety-new && <root>/.klp-tools/bin/cbmc --unwinding-assertions --no-malloc-may-fail --function klp_harness --unwind 3 --unwindset klp_harness.0:3,klp_harness.1:3 --external-sat-solver <root>/.klp-tools/bin/cadical --slice-formula --json-ui klp_old.i klp_new.i",
  "durationMs": 1234,
  "eqFailures": Array [],
  "errors": Array [],
  "findingIds": Array [
    "klp_new_avg_samples.overflow.1",
  ],
  "mode": Object {
    "kind": "safety",
    "restrict": "all",
    "version": "new",
  },
  "noBody": Array [],
  "openLoops": Array [],
  "reach": undefined,
  "reachProven": false,
  "run": "safety-new",
  "safety": Array [
    Object {
      "description": "arithmetic overflow on signed + in sum + s[(signed long int)i]",
      "function": "avg_samples",
      "inputs": Array [
        Object {
          "name": "n",
          "value": "2",
        },
      ],
      "key": "arithmetic overflow|avg_samples",
      "kind": "arithmetic overflow",
      "location": "new.c:12",
      "version": "new",
    },
  ],
  "status": "complete",
  "thenFailure": undefined,
  "unwind": 10,
}
`

exports[`test/classify/job.ts > TAP > every capture, judged (snapshots) > safety-old 1`] = `
Object {
  "command": "cd safety-old && <root>/.klp-tools/bin/cbmc --unwinding-assertions --no-malloc-may-fail --function klp_harness --unwind 10 --unwindset klp_harness.0:10,klp_harness.1:10 --external-sat-solver <root>/.klp-tools/bin/cadical --slice-formula --json-ui klp_old.i klp_new.i",
  "durationMs": 1234,
  "eqFailures": Array [],
  "errors": Array [],
  "findingIds": Array [
    "klp_old_msg_fill.array_bounds.1",
  ],
  "mode": Object {
    "kind": "safety",
    "restrict": "all",
    "version": "old",
  },
  "noBody": Array [],
  "openLoops": Array [],
  "reach": undefined,
  "reachProven": false,
  "run": "safety-old",
  "safety": Array [
    Object {
      "description": "array.payload dynamic object upper bound in m->payload[(signed long int)i]",
      "function": "msg_fill",
      "inputs": Array [
        Object {
          "name": "len",
          "value": "9",
        },
      ],
      "key": "array bounds|msg_fill",
      "kind": "array bounds",
      "location": "old.c:19",
      "version": "old",
    },
  ],
  "status": "complete",
  "thenFailure": undefined,
  "unwind": 10,
}
`

exports[`test/classify/job.ts > TAP > every capture, judged (snapshots) > safety-old-traces 1`] = `
Object {
  "command": "cd safety-old && <root>/.klp-tools/bin/cbmc --unwinding-assertions --no-malloc-may-fail --function klp_harness --unwind 10 --unwindset klp_harness.0:10,klp_harness.1:10 --external-sat-solver <root>/.klp-tools/bin/cadical --property klp_old_msg_fill.array_bounds.1 --json-ui klp_old.i klp_new.i",
  "durationMs": 1234,
  "eqFailures": Array [],
  "errors": Array [],
  "findingIds": Array [
    "klp_old_msg_fill.array_bounds.1",
  ],
  "mode": Object {
    "kind": "safety",
    "restrict": "all",
    "version": "old",
  },
  "noBody": Array [],
  "openLoops": Array [],
  "reach": undefined,
  "reachProven": false,
  "run": "safety-old-traces",
  "safety": Array [
    Object {
      "description": "array.payload dynamic object upper bound in m->payload[(signed long int)i]",
      "function": "msg_fill",
      "inputs": Array [
        Object {
          "name": "len",
          "value": "9",
        },
        Object {
          "name": "*m",
          "value": "{ .type = 65535, .len = 65535, .payload = {255, 255, 255, 255, 255, 255, 255, 255} }",
        },
        Object {
          "name": "buf[0..len)",
          "value": "{255, 255, 255, 255, 255, 255, 255, 255, 255}",
        },
      ],
      "key": "array bounds|msg_fill",
      "kind": "array bounds",
      "location": "old.c:19",
      "version": "old",
    },
  ],
  "status": "complete",
  "thenFailure": undefined,
  "unwind": 10,
}
`

exports[`test/classify/job.ts > TAP > every capture, judged (snapshots) > unwind-fail 1`] = `
Object {
  "command": "cd equiv && <root>/.klp-tools/bin/cbmc --no-standard-checks --unwinding-assertions --no-malloc-may-fail --function klp_harness --unwind 4 --unwindset klp_harness.0:3,klp_harness.1:3,klp_harness.2:3 --external-sat-solver <root>/.klp-tools/bin/cadical --slice-formula --json-ui klp_old.i klp_new.i",
  "durationMs": 1234,
  "eqFailures": Array [],
  "errors": Array [],
  "findingIds": Array [],
  "mode": Object {
    "kind": "equiv",
  },
  "noBody": Array [],
  "openLoops": Array [
    Object {
      "location": "old.c:10",
      "loop": "klp_old_bitmap_weight.0",
      "recursion": false,
    },
  ],
  "reach": undefined,
  "reachProven": false,
  "run": "unwind-fail",
  "safety": Array [],
  "status": "bound-too-small",
  "thenFailure": undefined,
  "unwind": 10,
}
`
