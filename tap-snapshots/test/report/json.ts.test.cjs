/* IMPORTANT
 * This snapshot file is auto-generated, but designed for humans.
 * It should be checked into source control and tracked carefully.
 * Re-generate by setting TAP_SNAPSHOT=1 and running tests.
 * Make sure to inspect the output below.  Do not ignore changes!
 */
'use strict'
exports[`test/report/json.ts > TAP > snapshot per fixture > as-claimed 1`] = `
{
  "schemaVersion": 1,
  "tool": {
    "name": "klp-verify",
    "version": "0.1.0"
  },
  "cbmc": {
    "version": "6.6.0 (cbmc-6.6.0)",
    "solver": "CaDiCaL (external, --external-sat-solver)"
  },
  "function": "msg_fill",
  "old": "old.c",
  "new": "new.c",
  "options": {
    "buffers": {
      "buf": "len"
    },
    "jobs": 4,
    "maxSize": 12,
    "maxUnwind": 64,
    "nullable": [],
    "unwind": "auto"
  },
  "verdict": "as-claimed",
  "exitCode": 0,
  "summary": "only intended differences, every claim observed",
  "differences": [
    {
      "classification": "intended",
      "observable": "return",
      "kind": "return",
      "claim": "reject-long-payload",
      "inputs": [
        {
          "name": "len",
          "value": "9"
        },
        {
          "name": "m->type",
          "value": "1"
        },
        {
          "name": "buf[0..8]",
          "value": "{ 0, 0, 0, 0, 0, 0, 0, 0, 0 }"
        }
      ],
      "values": [
        {
          "what": "return",
          "old": "0",
          "new": "-22"
        }
      ],
      "run": "equiv"
    },
    {
      "classification": "intended",
      "observable": "memory *m",
      "kind": "memory",
      "claim": "reject-long-payload",
      "inputs": [
        {
          "name": "len",
          "value": "9"
        },
        {
          "name": "m->type",
          "value": "1"
        },
        {
          "name": "buf[0..8]",
          "value": "{ 0, 0, 0, 0, 0, 0, 0, 0, 0 }"
        }
      ],
      "values": [
        {
          "what": "m->len",
          "old": "9",
          "new": "0"
        },
        {
          "what": "m->payload[0]",
          "old": "0",
          "new": "17"
        }
      ],
      "run": "equiv"
    },
    {
      "classification": "intended",
      "observable": "safety: array bounds in old",
      "kind": "safety",
      "claim": "reject-long-payload",
      "inputs": [
        {
          "name": "len",
          "value": "9"
        },
        {
          "name": "m->type",
          "value": "1"
        },
        {
          "name": "buf[0..8]",
          "value": "{ 0, 0, 0, 0, 0, 0, 0, 0, 0 }"
        }
      ],
      "values": [],
      "location": "old.c:19",
      "detail": "fixed by the patch: array 'm->payload' upper bound in m->payload[i] in msg_fill()",
      "run": "safety-old-claim-0"
    }
  ],
  "claims": [
    {
      "id": "reject-long-payload",
      "when": "len > MSG_PAYLOAD",
      "then": "ret == -EINVAL",
      "differs": [
        "return",
        "memory",
        "safety"
      ],
      "observed": true,
      "witness": {
        "inputs": [
          {
            "name": "len",
            "value": "9"
          },
          {
            "name": "m->type",
            "value": "1"
          },
          {
            "name": "buf[0..8]",
            "value": "{ 0, 0, 0, 0, 0, 0, 0, 0, 0 }"
          }
        ],
        "values": [
          {
            "what": "return",
            "old": "0",
            "new": "-22"
          },
          {
            "what": "m->len",
            "old": "9",
            "new": "0"
          }
        ]
      }
    }
  ],
  "preExisting": [],
  "unwinding": {
    "mode": "auto",
    "bound": 16,
    "complete": true,
    "openLoops": []
  },
  "bounds": [
    {
      "what": "unwinding bound",
      "value": "auto (reached 16, max 64)",
      "isDefault": true
    },
    {
      "what": "max buffer size (--max-size)",
      "value": "12 elements",
      "isDefault": false
    },
    {
      "what": "buffer buf",
      "value": "len elements, 0 <= len <= 12",
      "isDefault": false
    },
    {
      "what": "pointer parameters",
      "value": "non-NULL, one object each unless --buffer/--nullable",
      "isDefault": true
    },
    {
      "what": "pointer fields of input objects",
      "value": "NULL or one fresh object (depth 1)",
      "isDefault": true
    },
    {
      "what": "globals at entry",
      "value": "any value, the same for both versions",
      "isDefault": true
    },
    {
      "what": "signed overflow",
      "value": "undefined (a safety violation)",
      "isDefault": true
    }
  ],
  "typeChanges": [],
  "constChanges": [],
  "hints": [],
  "errors": [],
  "runs": [
    {
      "run": "equiv",
      "unwind": 16,
      "status": "found",
      "durationMs": 1900,
      "command": "cd equiv && cbmc --unwinding-assertions --function klp_harness --unwind 16 --json-ui harness.c"
    },
    {
      "run": "claim-0",
      "unwind": 16,
      "status": "found",
      "durationMs": 610,
      "command": "cd claim-0 && cbmc --unwinding-assertions --function klp_harness --unwind 16 --json-ui harness.c"
    },
    {
      "run": "safety-old",
      "unwind": 16,
      "status": "found",
      "durationMs": 420,
      "command": "cd safety-old && cbmc --unwinding-assertions --function klp_harness --unwind 16 --json-ui harness.c"
    },
    {
      "run": "safety-new",
      "unwind": 16,
      "status": "complete",
      "durationMs": 380,
      "command": "cd safety-new && cbmc --unwinding-assertions --function klp_harness --unwind 16 --json-ui harness.c"
    }
  ],
  "timings": {
    "totalMs": 3650,
    "toolMs": 3310,
    "ownMs": 340
  }
}

`

exports[`test/report/json.ts > TAP > snapshot per fixture > claim-unobserved 1`] = `
{
  "schemaVersion": 1,
  "tool": {
    "name": "klp-verify",
    "version": "0.1.0"
  },
  "cbmc": {
    "version": "6.6.0 (cbmc-6.6.0)",
    "solver": "CaDiCaL (external, --external-sat-solver)"
  },
  "function": "msg_fill",
  "old": "old.c",
  "new": "new.c",
  "options": {
    "buffers": {
      "buf": "len"
    },
    "jobs": 4,
    "maxSize": 12,
    "maxUnwind": 64,
    "nullable": [],
    "unwind": "auto"
  },
  "verdict": "claim-unobserved",
  "exitCode": 1,
  "summary": "no unintended difference, but count-errors never showed a difference",
  "differences": [
    {
      "classification": "intended",
      "observable": "return",
      "kind": "return",
      "claim": "reject-long-payload",
      "inputs": [
        {
          "name": "len",
          "value": "9"
        },
        {
          "name": "m->type",
          "value": "1"
        },
        {
          "name": "buf[0..8]",
          "value": "{ 0, 0, 0, 0, 0, 0, 0, 0, 0 }"
        }
      ],
      "values": [
        {
          "what": "return",
          "old": "0",
          "new": "-22"
        }
      ],
      "run": "equiv"
    },
    {
      "classification": "intended",
      "observable": "memory *m",
      "kind": "memory",
      "claim": "reject-long-payload",
      "inputs": [
        {
          "name": "len",
          "value": "9"
        },
        {
          "name": "m->type",
          "value": "1"
        },
        {
          "name": "buf[0..8]",
          "value": "{ 0, 0, 0, 0, 0, 0, 0, 0, 0 }"
        }
      ],
      "values": [
        {
          "what": "m->len",
          "old": "9",
          "new": "0"
        },
        {
          "what": "m->payload[0]",
          "old": "0",
          "new": "17"
        }
      ],
      "run": "equiv"
    },
    {
      "classification": "intended",
      "observable": "safety: array bounds in old",
      "kind": "safety",
      "claim": "reject-long-payload",
      "inputs": [
        {
          "name": "len",
          "value": "9"
        },
        {
          "name": "m->type",
          "value": "1"
        },
        {
          "name": "buf[0..8]",
          "value": "{ 0, 0, 0, 0, 0, 0, 0, 0, 0 }"
        }
      ],
      "values": [],
      "location": "old.c:19",
      "detail": "fixed by the patch: array 'm->payload' upper bound in m->payload[i] in msg_fill()",
      "run": "safety-old-claim-0"
    }
  ],
  "claims": [
    {
      "id": "reject-long-payload",
      "when": "len > MSG_PAYLOAD",
      "then": "ret == -EINVAL",
      "differs": [
        "return",
        "memory",
        "safety"
      ],
      "observed": true,
      "witness": {
        "inputs": [
          {
            "name": "len",
            "value": "9"
          },
          {
            "name": "m->type",
            "value": "1"
          },
          {
            "name": "buf[0..8]",
            "value": "{ 0, 0, 0, 0, 0, 0, 0, 0, 0 }"
          }
        ],
        "values": [
          {
            "what": "return",
            "old": "0",
            "new": "-22"
          },
          {
            "what": "m->len",
            "old": "9",
            "new": "0"
          }
        ]
      }
    },
    {
      "id": "count-errors",
      "when": "m->type == 0",
      "then": "nr_errors == old_nr_errors + 1",
      "differs": [
        "globals"
      ],
      "observed": false
    }
  ],
  "preExisting": [],
  "unwinding": {
    "mode": "auto",
    "bound": 16,
    "complete": true,
    "openLoops": []
  },
  "bounds": [
    {
      "what": "unwinding bound",
      "value": "auto (reached 16, max 64)",
      "isDefault": true
    },
    {
      "what": "max buffer size (--max-size)",
      "value": "12 elements",
      "isDefault": false
    },
    {
      "what": "buffer buf",
      "value": "len elements, 0 <= len <= 12",
      "isDefault": false
    },
    {
      "what": "pointer parameters",
      "value": "non-NULL, one object each unless --buffer/--nullable",
      "isDefault": true
    },
    {
      "what": "pointer fields of input objects",
      "value": "NULL or one fresh object (depth 1)",
      "isDefault": true
    },
    {
      "what": "globals at entry",
      "value": "any value, the same for both versions",
      "isDefault": true
    },
    {
      "what": "signed overflow",
      "value": "undefined (a safety violation)",
      "isDefault": true
    }
  ],
  "typeChanges": [],
  "constChanges": [],
  "hints": [
    "claim count-errors was never observed: the versions agree wherever its WHEN holds (or WHEN is unsatisfiable under the assumptions)"
  ],
  "errors": [],
  "runs": [
    {
      "run": "equiv",
      "unwind": 16,
      "status": "found",
      "durationMs": 1900,
      "command": "cd equiv && cbmc --unwinding-assertions --function klp_harness --unwind 16 --json-ui harness.c"
    },
    {
      "run": "claim-0",
      "unwind": 16,
      "status": "found",
      "durationMs": 610,
      "command": "cd claim-0 && cbmc --unwinding-assertions --function klp_harness --unwind 16 --json-ui harness.c"
    },
    {
      "run": "safety-old",
      "unwind": 16,
      "status": "found",
      "durationMs": 420,
      "command": "cd safety-old && cbmc --unwinding-assertions --function klp_harness --unwind 16 --json-ui harness.c"
    },
    {
      "run": "safety-new",
      "unwind": 16,
      "status": "complete",
      "durationMs": 380,
      "command": "cd safety-new && cbmc --unwinding-assertions --function klp_harness --unwind 16 --json-ui harness.c"
    },
    {
      "run": "claim-1",
      "unwind": 16,
      "status": "complete",
      "durationMs": 540,
      "command": "cd claim-1 && cbmc --unwinding-assertions --function klp_harness --unwind 16 --json-ui harness.c"
    }
  ],
  "timings": {
    "totalMs": 3650,
    "toolMs": 3310,
    "ownMs": 340
  }
}

`

exports[`test/report/json.ts > TAP > snapshot per fixture > equivalent 1`] = `
{
  "schemaVersion": 1,
  "tool": {
    "name": "klp-verify",
    "version": "0.1.0"
  },
  "cbmc": {
    "version": "6.6.0 (cbmc-6.6.0)",
    "solver": "CaDiCaL (external, --external-sat-solver)"
  },
  "function": "msg_fill",
  "old": "old.c",
  "new": "new.c",
  "options": {
    "buffers": {
      "buf": "len"
    },
    "jobs": 4,
    "maxSize": 12,
    "maxUnwind": 64,
    "nullable": [],
    "unwind": "auto"
  },
  "verdict": "equivalent",
  "exitCode": 0,
  "summary": "no behavioral difference",
  "differences": [],
  "claims": [],
  "preExisting": [
    {
      "kind": "array bounds",
      "function": "msg_fill",
      "description": "array 'm->payload' upper bound in m->payload[i]",
      "location": "old.c:19",
      "inputs": [
        {
          "name": "len",
          "value": "9"
        },
        {
          "name": "m->type",
          "value": "1"
        },
        {
          "name": "buf[0..8]",
          "value": "{ 0, 0, 0, 0, 0, 0, 0, 0, 0 }"
        }
      ]
    }
  ],
  "unwinding": {
    "mode": "auto",
    "bound": 16,
    "complete": true,
    "openLoops": []
  },
  "bounds": [
    {
      "what": "unwinding bound",
      "value": "auto (reached 16, max 64)",
      "isDefault": true
    },
    {
      "what": "max buffer size (--max-size)",
      "value": "12 elements",
      "isDefault": false
    },
    {
      "what": "buffer buf",
      "value": "len elements, 0 <= len <= 12",
      "isDefault": false
    },
    {
      "what": "pointer parameters",
      "value": "non-NULL, one object each unless --buffer/--nullable",
      "isDefault": true
    },
    {
      "what": "pointer fields of input objects",
      "value": "NULL or one fresh object (depth 1)",
      "isDefault": true
    },
    {
      "what": "globals at entry",
      "value": "any value, the same for both versions",
      "isDefault": true
    },
    {
      "what": "signed overflow",
      "value": "undefined (a safety violation)",
      "isDefault": true
    }
  ],
  "typeChanges": [],
  "constChanges": [],
  "hints": [],
  "errors": [],
  "runs": [
    {
      "run": "equiv",
      "unwind": 16,
      "status": "complete",
      "durationMs": 1300,
      "command": "cd equiv && cbmc --unwinding-assertions --function klp_harness --unwind 16 --json-ui harness.c"
    },
    {
      "run": "safety-old",
      "unwind": 16,
      "status": "found",
      "durationMs": 420,
      "command": "cd safety-old && cbmc --unwinding-assertions --function klp_harness --unwind 16 --json-ui harness.c"
    },
    {
      "run": "safety-new",
      "unwind": 16,
      "status": "found",
      "durationMs": 430,
      "command": "cd safety-new && cbmc --unwinding-assertions --function klp_harness --unwind 16 --json-ui harness.c"
    }
  ],
  "timings": {
    "totalMs": 2400,
    "toolMs": 2150,
    "ownMs": 250
  }
}

`

exports[`test/report/json.ts > TAP > snapshot per fixture > error 1`] = `
{
  "schemaVersion": 1,
  "tool": {
    "name": "klp-verify",
    "version": "0.1.0"
  },
  "cbmc": {
    "version": "6.6.0 (cbmc-6.6.0)",
    "solver": "MiniSat (built into cbmc)"
  },
  "function": "msg_fill",
  "old": "old.c",
  "new": "new.c",
  "options": {
    "buffers": {
      "buf": "len"
    },
    "jobs": 4,
    "maxSize": 12,
    "maxUnwind": 64,
    "nullable": [],
    "unwind": "auto"
  },
  "verdict": "error",
  "exitCode": 3,
  "summary": "cbmc could not check this proof",
  "differences": [],
  "claims": [],
  "preExisting": [],
  "unwinding": {
    "mode": "auto",
    "bound": 16,
    "complete": false,
    "openLoops": []
  },
  "bounds": [
    {
      "what": "unwinding bound",
      "value": "auto (reached 16, max 64)",
      "isDefault": true
    },
    {
      "what": "max buffer size (--max-size)",
      "value": "12 elements",
      "isDefault": false
    },
    {
      "what": "buffer buf",
      "value": "len elements, 0 <= len <= 12",
      "isDefault": false
    },
    {
      "what": "pointer parameters",
      "value": "non-NULL, one object each unless --buffer/--nullable",
      "isDefault": true
    },
    {
      "what": "pointer fields of input objects",
      "value": "NULL or one fresh object (depth 1)",
      "isDefault": true
    },
    {
      "what": "globals at entry",
      "value": "any value, the same for both versions",
      "isDefault": true
    },
    {
      "what": "signed overflow",
      "value": "undefined (a safety violation)",
      "isDefault": true
    }
  ],
  "typeChanges": [],
  "constChanges": [],
  "hints": [
    "re-run with --keep-harness DIR to inspect the generated harness and the cbmc command"
  ],
  "errors": [
    "cbmc failed on the harness (exit 6): new.c:14: conflicting types for 'msg_fill'"
  ],
  "runs": [
    {
      "run": "equiv",
      "unwind": 16,
      "status": "error",
      "durationMs": 120,
      "command": "cd equiv && cbmc --unwinding-assertions --function klp_harness --unwind 16 --json-ui harness.c"
    }
  ],
  "timings": {
    "totalMs": 310,
    "toolMs": 120,
    "ownMs": 190
  }
}

`

exports[`test/report/json.ts > TAP > snapshot per fixture > inconclusive type-changed 1`] = `
{
  "schemaVersion": 1,
  "tool": {
    "name": "klp-verify",
    "version": "0.1.0"
  },
  "cbmc": {
    "version": "6.6.0 (cbmc-6.6.0)",
    "solver": "CaDiCaL (external, --external-sat-solver)"
  },
  "function": "msg_fill",
  "old": "old.c",
  "new": "new.c",
  "options": {
    "buffers": {
      "buf": "len"
    },
    "jobs": 4,
    "maxSize": 12,
    "maxUnwind": 64,
    "nullable": [],
    "unwind": "auto"
  },
  "verdict": "inconclusive",
  "reason": "type-changed",
  "exitCode": 2,
  "summary": "the patch changes type definitions (struct msg); old and new cannot be compared on shared types",
  "differences": [],
  "claims": [
    {
      "id": "reject-long-payload",
      "when": "len > MSG_PAYLOAD",
      "then": "ret == -EINVAL",
      "differs": [
        "return"
      ],
      "observed": null
    }
  ],
  "preExisting": [],
  "unwinding": {
    "mode": "auto",
    "bound": 0,
    "complete": false,
    "openLoops": []
  },
  "bounds": [
    {
      "what": "unwinding bound",
      "value": "auto (reached 16, max 64)",
      "isDefault": true
    },
    {
      "what": "max buffer size (--max-size)",
      "value": "12 elements",
      "isDefault": false
    },
    {
      "what": "buffer buf",
      "value": "len elements, 0 <= len <= 12",
      "isDefault": false
    },
    {
      "what": "pointer parameters",
      "value": "non-NULL, one object each unless --buffer/--nullable",
      "isDefault": true
    },
    {
      "what": "pointer fields of input objects",
      "value": "NULL or one fresh object (depth 1)",
      "isDefault": true
    },
    {
      "what": "globals at entry",
      "value": "any value, the same for both versions",
      "isDefault": true
    },
    {
      "what": "signed overflow",
      "value": "undefined (a safety violation)",
      "isDefault": true
    }
  ],
  "typeChanges": [
    {
      "type": "struct msg",
      "detail": "field flags (u16) added after len; size 12 → 14"
    }
  ],
  "constChanges": [
    "MSG_PAYLOAD: 8 → 16"
  ],
  "hints": [
    "a live patch cannot change the layout of a type that running code already uses; keep the old layout (e.g. use shadow variables) or prove each caller"
  ],
  "errors": [],
  "runs": [],
  "timings": {
    "totalMs": 180,
    "toolMs": 0,
    "ownMs": 180
  }
}

`

exports[`test/report/json.ts > TAP > snapshot per fixture > inconclusive unwinding-bound 1`] = `
{
  "schemaVersion": 1,
  "tool": {
    "name": "klp-verify",
    "version": "0.1.0"
  },
  "cbmc": {
    "version": "6.6.0 (cbmc-6.6.0)",
    "solver": "CaDiCaL (external, --external-sat-solver)"
  },
  "function": "msg_fill",
  "old": "old.c",
  "new": "new.c",
  "options": {
    "buffers": {
      "buf": "len"
    },
    "jobs": 4,
    "maxSize": 12,
    "maxUnwind": 64,
    "nullable": [],
    "unwind": "auto"
  },
  "verdict": "inconclusive",
  "reason": "unwinding-bound",
  "exitCode": 2,
  "summary": "no unintended difference found, but the proof is incomplete (unwinding-bound)",
  "differences": [],
  "claims": [
    {
      "id": "reject-long-payload",
      "when": "len > MSG_PAYLOAD",
      "differs": [
        "return"
      ],
      "observed": null
    }
  ],
  "preExisting": [],
  "unwinding": {
    "mode": "fixed",
    "bound": 8,
    "complete": false,
    "openLoops": [
      "klp_new_msg_fill.0 (new.c:12)"
    ]
  },
  "bounds": [
    {
      "what": "unwinding bound",
      "value": "8",
      "isDefault": false
    },
    {
      "what": "max buffer size (--max-size)",
      "value": "16 elements",
      "isDefault": true
    },
    {
      "what": "buffer buf",
      "value": "len elements, 0 <= len <= 12",
      "isDefault": false
    },
    {
      "what": "pointer parameters",
      "value": "non-NULL, one object each unless --buffer/--nullable",
      "isDefault": true
    },
    {
      "what": "pointer fields of input objects",
      "value": "NULL or one fresh object (depth 1)",
      "isDefault": true
    },
    {
      "what": "globals at entry",
      "value": "any value, the same for both versions",
      "isDefault": true
    },
    {
      "what": "signed overflow",
      "value": "undefined (a safety violation)",
      "isDefault": true
    }
  ],
  "typeChanges": [],
  "constChanges": [],
  "hints": [
    "bound 8 was too small for the loop at new.c:12; try --unwind 16"
  ],
  "errors": [],
  "runs": [
    {
      "run": "equiv",
      "unwind": 8,
      "status": "bound-too-small",
      "durationMs": 950,
      "command": "cd equiv && cbmc --unwinding-assertions --function klp_harness --unwind 8 --json-ui harness.c"
    },
    {
      "run": "claim-0",
      "unwind": 8,
      "status": "bound-too-small",
      "durationMs": 700,
      "command": "cd claim-0 && cbmc --unwinding-assertions --function klp_harness --unwind 8 --json-ui harness.c"
    }
  ],
  "timings": {
    "totalMs": 75300,
    "toolMs": 74900,
    "ownMs": 400
  }
}

`

exports[`test/report/json.ts > TAP > snapshot per fixture > unintended 1`] = `
{
  "schemaVersion": 1,
  "tool": {
    "name": "klp-verify",
    "version": "0.1.0"
  },
  "cbmc": {
    "version": "6.6.0 (cbmc-6.6.0)",
    "solver": "CaDiCaL (external, --external-sat-solver)"
  },
  "function": "msg_fill",
  "old": "old.c",
  "new": "new.c",
  "options": {
    "buffers": {
      "buf": "len"
    },
    "jobs": 4,
    "maxSize": 12,
    "maxUnwind": 64,
    "nullable": [],
    "unwind": "auto"
  },
  "verdict": "unintended",
  "exitCode": 1,
  "summary": "the patch changes behavior it does not claim (2 unintended differences)",
  "differences": [
    {
      "classification": "unintended",
      "observable": "return",
      "kind": "return",
      "inputs": [
        {
          "name": "len",
          "value": "8"
        },
        {
          "name": "m->type",
          "value": "1"
        },
        {
          "name": "buf[0..7]",
          "value": "{ 0, 0, 0, 0, 0, 0, 0, 0 }"
        }
      ],
      "values": [
        {
          "what": "return",
          "old": "0",
          "new": "-22 (-EINVAL)"
        },
        {
          "what": "m->len",
          "old": "8",
          "new": "0"
        }
      ],
      "run": "equiv"
    },
    {
      "classification": "intended",
      "observable": "return",
      "kind": "return",
      "claim": "reject-long-payload",
      "inputs": [
        {
          "name": "len",
          "value": "9"
        },
        {
          "name": "m->type",
          "value": "1"
        },
        {
          "name": "buf[0..8]",
          "value": "{ 0, 0, 0, 0, 0, 0, 0, 0, 0 }"
        }
      ],
      "values": [
        {
          "what": "return",
          "old": "0",
          "new": "-22"
        }
      ],
      "run": "equiv"
    },
    {
      "classification": "unintended",
      "observable": "safety: array bounds in new",
      "kind": "safety",
      "inputs": [
        {
          "name": "len",
          "value": "0"
        },
        {
          "name": "m->type",
          "value": "1"
        }
      ],
      "values": [],
      "location": "new.c:19",
      "detail": "introduced by the patch: dereference failure: pointer outside object bounds in buf[len - 1] in msg_fill()",
      "run": "safety-new"
    }
  ],
  "claims": [
    {
      "id": "reject-long-payload",
      "when": "len > MSG_PAYLOAD",
      "then": "ret == -EINVAL",
      "differs": [
        "return",
        "memory",
        "safety"
      ],
      "observed": true,
      "witness": {
        "inputs": [
          {
            "name": "len",
            "value": "9"
          },
          {
            "name": "m->type",
            "value": "1"
          },
          {
            "name": "buf[0..8]",
            "value": "{ 0, 0, 0, 0, 0, 0, 0, 0, 0 }"
          }
        ],
        "values": [
          {
            "what": "return",
            "old": "0",
            "new": "-22"
          },
          {
            "what": "m->len",
            "old": "9",
            "new": "0"
          }
        ]
      }
    }
  ],
  "preExisting": [],
  "unwinding": {
    "mode": "auto",
    "bound": 16,
    "complete": true,
    "openLoops": []
  },
  "bounds": [
    {
      "what": "unwinding bound",
      "value": "auto (reached 16, max 64)",
      "isDefault": true
    },
    {
      "what": "max buffer size (--max-size)",
      "value": "12 elements",
      "isDefault": false
    },
    {
      "what": "buffer buf",
      "value": "len elements, 0 <= len <= 12",
      "isDefault": false
    },
    {
      "what": "pointer parameters",
      "value": "non-NULL, one object each unless --buffer/--nullable",
      "isDefault": true
    },
    {
      "what": "pointer fields of input objects",
      "value": "NULL or one fresh object (depth 1)",
      "isDefault": true
    },
    {
      "what": "globals at entry",
      "value": "any value, the same for both versions",
      "isDefault": true
    },
    {
      "what": "signed overflow",
      "value": "undefined (a safety violation)",
      "isDefault": true
    }
  ],
  "typeChanges": [],
  "constChanges": [],
  "hints": [],
  "errors": [],
  "runs": [
    {
      "run": "equiv",
      "unwind": 16,
      "status": "found",
      "durationMs": 1700,
      "command": "cd equiv && cbmc --unwinding-assertions --function klp_harness --unwind 16 --json-ui harness.c"
    },
    {
      "run": "equiv (traces)",
      "unwind": 16,
      "status": "found",
      "durationMs": 820,
      "command": "cd equiv && cbmc --unwinding-assertions --function klp_harness --unwind 16 --json-ui harness.c"
    },
    {
      "run": "claim-0",
      "unwind": 16,
      "status": "found",
      "durationMs": 590,
      "command": "cd claim-0 && cbmc --unwinding-assertions --function klp_harness --unwind 16 --json-ui harness.c"
    },
    {
      "run": "safety-old",
      "unwind": 16,
      "status": "found",
      "durationMs": 410,
      "command": "cd safety-old && cbmc --unwinding-assertions --function klp_harness --unwind 16 --json-ui harness.c"
    },
    {
      "run": "safety-new",
      "unwind": 16,
      "status": "found",
      "durationMs": 450,
      "command": "cd safety-new && cbmc --unwinding-assertions --function klp_harness --unwind 16 --json-ui harness.c"
    }
  ],
  "timings": {
    "totalMs": 3650,
    "toolMs": 3310,
    "ownMs": 340
  }
}

`
