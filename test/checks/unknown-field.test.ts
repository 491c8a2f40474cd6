import { unknownField } from '../../compiler/checks/unknown-field.ts';
import { checkTable } from './support.ts';

checkTable(unknownField, {
  valid: [
    {
      name: 'every kind of reference to known fields',
      rules: `detection:
  type: threshold
  match: verb == "create" and user.name exists and \`source_ip\` cidr "10.0.0.0/8"
  threshold: { group_by: [user.name], value: 5, cardinality: { field: namespace, value: 2 } }
  allowlist:
    - { name: ok, match: image like "*splunk*" }
entities: [{ field: user.name, type: user, role: victim }]
fields: [user.name, source_ip]
tests:
  - name: nested and dotted keys
    expect: alert
    events:
      - { _time: "2024-01-01T00:00:00Z", verb: create, user: { name: alice }, user.group: admins }
      - { user: [{ name: alice }, { name: bob, group: admins }] }
`,
    },
    {
      name: 'new_terms fields and history events',
      rules: `detection:
  type: new_terms
  match: verb == "create"
  new_terms: { fields: [user.name, source_ip] }
tests:
  - name: t
    expect: alert
    history: [{ user.name: bob }]
    events: [{ user: { name: alice } }]
`,
    },
    {
      name: 'an unknown data source is another check’s business',
      rules: 'data_source: nope\ndetection: { type: query, match: whatever == 1 }\n',
    },
  ],
  invalid: [
    {
      name: 'a misspelt field in the detection, with a suggestion',
      rules: 'detection:\n  type: query\n  match: verb == "create" and imgae like "busybox*"\n',
      errors: [{ code: 'field/unknown', line: 3, column: 31, message: /Unknown field "imgae" in the match expression.*Did you mean "image"\?/ }],
    },
    {
      name: 'fields in an allowlist and in a variation’s detection',
      rules: `detection:
  type: query
  match: verb == "create"
  allowlist:
    - name: a
      match: namespce == "kube-system"
variations:
  - id: 00000000-0000-4000-8000-00000000ffff
    name: Variant
    detection: { type: query, match: resource == "pods" and verbb == "get" }
`,
      errors: [
        { code: 'field/unknown', line: 6, column: 14, message: 'Did you mean "namespace"?' },
        { code: 'field/unknown', line: 10, column: 61, message: 'Did you mean "verb"?' },
      ],
    },
    {
      name: 'new_terms, group_by and cardinality fields',
      rules: `detection:
  type: new_terms
  match: verb == "create"
  new_terms: { fields: [usr.name] }
variations:
  - id: 00000000-0000-4000-8000-00000000ffff
    name: Variant
    detection:
      type: threshold
      match: verb == "create"
      threshold: { group_by: [sourceip], value: 3, cardinality: { field: images, value: 2 } }
`,
      errors: [
        { code: 'field/unknown', line: 4, column: 25, message: 'in new_terms fields' },
        { code: 'field/unknown', line: 11, column: 31, message: /in threshold group_by.*"source_ip"/ },
        { code: 'field/unknown', line: 11, column: 74, message: /in threshold cardinality.*"image"/ },
      ],
    },
    {
      name: 'entities and fields',
      rules: `entities:
  - { field: user, type: user, role: victim }
fields: [source_ip, useragent]
`,
      errors: [
        { code: 'field/unknown', line: 2, column: 14, message: /in entities.*Did you mean "user.group"\?/ },
        { code: 'field/unknown', line: 3, column: 21, message: 'Did you mean "user_agent"?' },
      ],
    },
    {
      name: 'test event keys: flat, nested, dotted and history',
      rules: `detection:
  type: new_terms
  match: verb == "create"
  new_terms: { fields: [verb] }
tests:
  - name: t
    expect: alert
    history:
      - { verbb: create }
    events:
      - verb: create
        user:
          nme: alice
        user.grup: admins
        time: "2024-01-01T00:00:00Z"
      - user: [{ name: alice }, { nam: bob }]
`,
      errors: [
        { code: 'field/unknown', line: 9, column: 11, message: 'in a test history event' },
        { code: 'field/unknown', line: 13, column: 11, message: /"user.nme" in a test event.*"user.name"/ },
        { code: 'field/unknown', line: 14, column: 9, message: /"user.grup".*"user.group"/ },
        { code: 'field/unknown', line: 15, column: 9, message: /"time"/ },
        { code: 'field/unknown', line: 16, column: 35, message: /"user.nam"/ },
      ],
    },
    {
      name: 'a variation’s own entities, fields and tests',
      rules: `variations:
  - id: 00000000-0000-4000-8000-00000000ffff
    name: Variant
    severity: high
    fields: [img]
    tests:
      - { name: t, expect: alert, events: [{ verb: create, namespac: x }] }
`,
      errors: [
        { code: 'field/unknown', line: 5, column: 14 },
        { code: 'field/unknown', line: 7, column: 60 },
      ],
    },
  ],
});
