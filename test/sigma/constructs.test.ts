// Sigma constructs → the detc match expression the importer writes (valid table), and the
// constructs it refuses with their stable codes (invalid table).

import { describe, expect, it } from 'vitest';
import { importDetection, WINDOWS_PROCESS, WINDOWS_SECURITY } from './import-helpers.ts';

const NETWORK = { product: 'windows', category: 'network_connection' };

const valid: { construct: string; detection: Record<string, unknown>; condition?: string; logsource?: Record<string, string>; match: string }[] = [
  { construct: 'plain value: case-insensitive equality', detection: { s: { Image: 'C:\\Windows\\System32\\cmd.exe' } }, match: 'lower(Image) == "c:\\\\windows\\\\system32\\\\cmd.exe"' },
  { construct: 'endswith', detection: { s: { 'Image|endswith': '\\cmd.exe' } }, match: 'lower(Image) endswith "\\\\cmd.exe"' },
  { construct: 'value list is OR, grouped in one list', detection: { s: { 'Image|endswith': ['\\a.exe', '\\B.exe'] } }, match: 'lower(Image) endswith ["\\\\a.exe", "\\\\b.exe"]' },
  { construct: 'contains|all is AND', detection: { s: { 'CommandLine|contains|all': ['-enc', 'IEX'] } }, match: 'lower(CommandLine) contains "-enc"\nand lower(CommandLine) contains "iex"' },
  { construct: 'wildcards * and ? become like, backslashes escaped for the glob', detection: { s: { CommandLine: '*\\cmd?.exe*pipe' } }, match: 'lower(CommandLine) like "*\\\\\\\\cmd?.exe*pipe"' },
  { construct: 'escaped \\* is a literal star', detection: { s: { 'CommandLine|contains': 'a\\*b?' } }, match: 'lower(CommandLine) like "*a\\\\*b?*"' },
  { construct: '|cased keeps the exact case', detection: { s: { 'Image|endswith|cased': '\\Cmd.exe' } }, match: 'Image endswith "\\\\Cmd.exe"' },
  { construct: 'null: the field is absent', detection: { s: { ParentImage: null } }, match: 'not ParentImage exists' },
  { construct: 'empty string', detection: { s: { ParentImage: '' } }, match: 'ParentImage == ""' },
  { construct: 'numbers on a number field, quoted or not', logsource: WINDOWS_SECURITY, detection: { s: { EventID: [4624, '4625'] } }, match: 'EventID in [4624, 4625]' },
  { construct: 'values without letters need no lower()', detection: { s: { 'Hashes|contains': '0123-45' } }, match: 'Hashes contains "0123-45"' },
  { construct: 're and re|i', detection: { s: { 'CommandLine|re': 'a.*b', 'Image|re|i': '\\\\x\\.exe$' } }, match: 'CommandLine matches /a.*b/\nand Image matches /\\\\x\\.exe$/i' },
  { construct: 'cidr list on an ip field', logsource: NETWORK, detection: { s: { 'DestinationIp|cidr': ['10.0.0.0/8', 'fc00::/7'] } }, match: 'DestinationIp cidr ["10.0.0.0/8", "fc00::/7"]' },
  { construct: 'an address on an ip field', logsource: NETWORK, detection: { s: { DestinationIp: '127.0.0.1' } }, match: 'DestinationIp == "127.0.0.1"' },
  { construct: 'kubernetes audit fields use the library names', logsource: { product: 'kubernetes', service: 'audit' }, detection: { s: { verb: 'create', 'objectRef.subresource': 'exec' } }, match: 'lower(verb) == "create"\nand lower(subresource) == "exec"' },
  { construct: 'a lone * matches any value: exists', detection: { s: { CommandLine: '*', 'User|contains': '*' } }, match: 'CommandLine exists\nand User exists' },
  { construct: 'exists true / false', detection: { s: { 'User|exists': true, 'ParentUser|exists': false } }, match: 'User exists\nand not ParentUser exists' },
  { construct: 'gt on a number field', detection: { s: { 'ProcessId|gt': 4 } }, match: 'ProcessId > 4' },
  { construct: 'neq', detection: { s: { 'Image|neq': 'x.exe' } }, match: 'not lower(Image) == "x.exe"' },
  { construct: 'windash: - / en dash, em dash, horizontal bar', detection: { s: { 'CommandLine|windash|contains': ' -enc' } }, match: 'lower(CommandLine) contains [" -enc", " /enc", " –enc", " —enc", " ―enc"]' },
  { construct: 'base64|contains (case-insensitive like every Sigma value)', detection: { s: { 'CommandLine|base64|contains': 'cmd' } }, match: 'lower(CommandLine) contains "y21k"' },
  { construct: 'base64offset: the three offsets', detection: { s: { 'CommandLine|base64offset|contains': 'http' } }, match: 'lower(CommandLine) contains ["ahr0c", "h0dh", "odhrw"]' },
  { construct: 'wide|base64offset (UTF-16LE)', detection: { s: { 'CommandLine|wide|base64offset|contains': 'ab' } }, match: 'lower(CommandLine) contains ["yqbia", "eayg", "hagia"]' },
  { construct: 'list of maps is OR', detection: { s: [{ Image: 'a' }, { User: 'b' }] }, match: 'lower(Image) == "a"\nor lower(User) == "b"' },
  { construct: '1 of x* and not', detection: { selection_a: { Image: 'a' }, selection_b: { Image: 'b' }, filter: { User: 'x' } }, condition: '1 of selection_* and not filter', match: '(lower(Image) == "a" or lower(Image) == "b")\nand not lower(User) == "x"' },
  { construct: 'all of them skips _-prefixed identifiers', detection: { a: { Image: 'a' }, b: [{ User: 'b' }, { User: 'c' }], _aux: { User: 'y' } }, condition: 'all of them', match: 'lower(Image) == "a"\nand (lower(User) == "b" or lower(User) == "c")' },
  { construct: '1 of them', detection: { a: { Image: 'a' }, b: { User: 'b' } }, condition: '1 of them', match: 'lower(Image) == "a"\nor lower(User) == "b"' },
  { construct: 'parentheses and not', detection: { a: { Image: 'a' }, b: { User: 'b' }, c: { User: 'c' } }, condition: 'a and not (b or c)', match: 'lower(Image) == "a"\nand not (lower(User) == "b" or lower(User) == "c")' },
];

describe('Sigma constructs → detc match expressions', () => {
  it.each(valid)('$construct', ({ detection, condition, logsource, match }) => {
    const result = importDetection(detection, { ...(condition ? { condition } : {}), ...(logsource ? { logsource } : {}) });
    expect(result.kind === 'imported' ? result.rule.detection.match : result).toBe(match);
  });

  it('turns `| count() by x > N` with a timeframe into a threshold rule', () => {
    const result = importDetection({ s: { EventID: 4625 }, timeframe: '10m' }, { logsource: WINDOWS_SECURITY, condition: 's | count() by TargetUserName > 5' });
    expect(result.kind).toBe('imported');
    if (result.kind !== 'imported') return;
    expect(result.rule.detection).toEqual({ type: 'threshold', match: 'EventID == 4625', threshold: { group_by: ['TargetUserName'], value: 6 } });
    expect(result.rule.periods.test).toBe('10m');
    expect(result.rule.schedule).toEqual({ interval: '5m', lookback: '10m' });
  });

  it('turns `| count(field) by x >= N` into a cardinality threshold', () => {
    const result = importDetection({ s: { EventID: 4625 }, timeframe: '1h' }, { logsource: WINDOWS_SECURITY, condition: 's | count(TargetUserName) by IpAddress >= 10' });
    expect(result.kind === 'imported' && result.rule.detection.threshold).toEqual({ group_by: ['IpAddress'], value: 1, cardinality: { field: 'TargetUserName', value: 10 } });
  });
});

const invalid: { construct: string; detection: Record<string, unknown>; condition?: string; code: string; logsource?: Record<string, string> }[] = [
  { construct: 'keyword list', detection: { keywords: ['evil', 'bad'] }, code: 'sigma/keyword-search' },
  { construct: 'keyword |all', detection: { keywords: { '|all': ['a', 'b'] } }, code: 'sigma/keyword-search' },
  { construct: 'expand with a placeholder', detection: { s: { 'User|expand': '%Admins%' } }, code: 'sigma/placeholder' },
  { construct: 'fieldref', detection: { s: { 'User|fieldref': 'ParentUser' } }, code: 'sigma/fieldref' },
  { construct: 'unknown modifier', detection: { s: { 'User|sounds_like': 'x' } }, code: 'sigma/unknown-modifier' },
  { construct: 'utf16 without base64', detection: { s: { 'User|wide|contains': 'x' } }, code: 'sigma/encoding-without-base64' },
  { construct: 'condition names a missing identifier', detection: { s: { User: 'x' } }, condition: 's and t', code: 'sigma/unknown-identifier' },
  { construct: 'condition syntax error', detection: { s: { User: 'x' } }, condition: 's and', code: 'sigma/condition-syntax' },
  { construct: 'of pattern that matches nothing', detection: { s: { User: 'x' } }, condition: '1 of filter*', code: 'sigma/empty-of' },
  { construct: 'gt on a text field', detection: { s: { 'User|gt': 3 } }, code: 'sigma/range-on-text' },
  { construct: 'aggregation count() < N', detection: { s: { User: 'x' }, timeframe: '5m' }, condition: 's | count() by User < 3', code: 'sigma/aggregation-operator' },
  { construct: 'aggregation without timeframe', detection: { s: { User: 'x' } }, condition: 's | count() by User > 3', code: 'sigma/aggregation-timeframe' },
  { construct: 'cidr on a text field', detection: { s: { 'User|cidr': '10.0.0.0/8' } }, code: 'sigma/cidr-on-text' },
  { construct: 'startswith on an ip field', detection: { s: { 'DestinationIp|startswith': '10.' } }, code: 'sigma/text-on-ip', logsource: NETWORK },
  { construct: 'text on a number field', detection: { s: { 'ProcessId|contains': '12' } }, code: 'sigma/text-on-number' },
  { construct: 're that backtracks exponentially', detection: { s: { 'CommandLine|re': '-f(?:.*\\)){1,}.*"' } }, code: 'sigma/regex-catastrophic' },
  { construct: 're|i with alternatives that overlap under i', detection: { s: { 'CommandLine|re|i': '^(a|A)+$' } }, code: 'sigma/regex-catastrophic' },
];

describe('Sigma constructs the importer refuses', () => {
  it.each(invalid)('$construct → $code', ({ detection, condition, code, logsource }) => {
    const result = importDetection(detection, { logsource: logsource ?? WINDOWS_PROCESS, ...(condition ? { condition } : {}) });
    expect(result.kind === 'refused' ? result.code : result).toBe(code);
  });

  it('explains a keyword refusal in plain words', () => {
    const result = importDetection({ keywords: ['evil'] });
    expect(result.kind === 'refused' && result.reason).toContain('has no raw-event search');
  });

  it('refuses a correlation rule with a reason', () => {
    const result = importDetection({ s: { User: 'x' } }, { extra: { correlation: { type: 'temporal', rules: ['a'] } } });
    expect(result.kind === 'refused' && result.code).toBe('sigma/correlation');
  });
});
