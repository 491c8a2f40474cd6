import { entityFields } from '../../compiler/checks/entity-fields.ts';
import { checkTable } from './support.ts';

checkTable(entityFields, {
  valid: [
    {
      name: 'entities that are in fields',
      rules: 'entities:\n  - { field: user.name, type: user, role: victim }\n  - { field: source_ip, type: ip_address, role: attacker }\nfields: [source_ip, user.name]\n',
    },
    {
      name: 'one field as victim and attacker',
      rules: 'entities:\n  - { field: user.name, type: user, role: victim }\n  - { field: user.name, type: user, role: attacker }\nfields: [user.name]\n',
    },
  ],
  invalid: [
    {
      name: 'an entity missing from fields, and a repeated entity',
      rules: `entities:
  - { field: user.name, type: user, role: victim }
  - { field: source_ip, type: ip_address, role: attacker }
  - { field: user.name, type: user, role: victim }
fields: [user.name]
`,
      errors: [
        { code: 'entity/not-in-fields', severity: 'warning', line: 3, column: 14, message: 'is not in `fields`, so the alert does not carry its value. Add "source_ip" there.' },
        { code: 'entity/duplicate', severity: 'warning', line: 4, column: 14 },
      ],
    },
    {
      name: 'a variation whose own fields drop the base rule’s entity',
      rules: `entities:
  - { field: user.name, type: user, role: victim }
fields: [user.name]
variations:
  - id: 22222222-2222-4222-8222-222222222222
    name: V
    fields: [verb]
`,
      errors: [{ code: 'entity/not-in-fields', severity: 'warning', line: 2, column: 14, message: 'is not in the `fields` of variation "V"' }],
    },
  ],
});
