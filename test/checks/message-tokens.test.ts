import { messageTokenFields } from '../../compiler/checks/message-tokens.ts';
import { checkTable } from './support.ts';

checkTable(messageTokenFields, {
  valid: [
    { name: 'tokens of fields the alert carries', rules: 'message: Pod created with $image$ by $user.name$ ($5 is not a token)\nfields: [image, user.name]\n' },
    { name: 'no tokens', rules: 'message: Something happened\n' },
  ],
  invalid: [
    {
      name: 'an unknown token, with a suggestion',
      rules: 'fields: [image]\nmessage: Pod created with $imgae$\n',
      errors: [{ code: 'message/unknown-token', line: 2, column: 27, message: 'The message token $imgae$ names no field of data source "test_source". Did you mean $image$?' }],
    },
    {
      name: 'a known token not in fields (a warning), in a folded message',
      rules: `fields: [image]
message: >-
  Pod created with $image$
  by $user.name$
`,
      errors: [{ code: 'message/token-not-in-fields', severity: 'warning', line: 4, column: 6, message: 'is not in `fields`, so the alert has no value for it. Add "user.name" there.' }],
    },
    {
      name: 'a double-quoted message with escapes before the token',
      rules: 'fields: [image]\nmessage: "Pod \\"created\\" by $usr$"\n',
      errors: [{ code: 'message/unknown-token', line: 2, column: 30 }],
    },
    {
      name: 'a variation’s own message',
      rules: `fields: [image]
variations:
  - id: 22222222-2222-4222-8222-222222222222
    name: V
    message: Image $imag$ pulled
`,
      errors: [{ code: 'message/unknown-token', line: 5, column: 20 }],
    },
  ],
});
