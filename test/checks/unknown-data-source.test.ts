import { unknownDataSource } from '../../compiler/checks/unknown-data-source.ts';
import { checkTable } from './support.ts';

checkTable(unknownDataSource, {
  valid: [{ name: 'a defined data source', rules: 'data_source: test_source\n' }],
  invalid: [
    {
      name: 'a misspelt data source, with a suggestion',
      rules: 'name: Rule\ndata_source: test_sourse\n',
      errors: [{ code: 'rule/unknown-data-source', line: 2, column: 14, message: 'Did you mean "test_source"?' }],
    },
    {
      name: 'an unrelated name lists the known data sources',
      rules: 'data_source: windows_security\n',
      errors: [{ code: 'rule/unknown-data-source', line: 1, column: 14, message: 'Use one of: test_source' }],
    },
  ],
});
