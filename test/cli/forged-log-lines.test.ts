// Issue 10, item 3, through the real CLI: rule keys, values, names, test names and file names
// that hold a line break followed by `::error file=…::` or `::add-mask::`, a carriage return,
// ANSI escapes, a right-to-left override, U+2028, C1 controls or DEL cannot forge a CI log line
// or reach the terminal raw, in the text, github and json formats, and in `detc test` and
// `detc build` output. The bytes written are scanned.

import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/compile.ts';
import { commandLines, DETC_ANNOTATION, RAW_CONTROL, runCli, type CliRun } from '../support/run-cli.ts';

/** What an attacker appends, in every encoding a rule file allows. */
const PAYLOADS: readonly (readonly [string, string])[] = [
  ['line feed + error command', '\n::error file=README.md,line=1::forged'],
  ['CR LF + add-mask', '\r\n::add-mask::hunter2'],
  ['a fake summary line', '\n0 errors, 0 warnings'],
  ['ANSI colour and clear screen', '\u001b[31m\u001b[2J'],
  ['right-to-left override', '\u202e'],
  ['line separator', '\u2028::error::forged'],
  ['C1 NEL and CSI', '\u0085::warning::x\u009b2J'],
  ['DEL', '\u007f'],
  ['legacy runner command', ' ##[add-mask]hunter2'],
];

/** A YAML double-quoted scalar holding `text` with YAML escapes (so the file itself stays printable). */
function yamlQuoted(text: string): string {
  return JSON.stringify(text).replace(/\\u00([0-9a-f]{2})/g, '\\x$1');
}

const RULE_HEAD = (name: string) => `id: 5d1c7e8a-0b2f-4c3d-9e4f-a1b2c3d4e5f6
name: ${name}
version: 1
status: test
severity: medium
risk: { score: 47 }
description: A user reached an administration page.
data_source: web_proxy
detection:
  type: query
  match: url contains "/admin" and status < 400
periods: { test: single-event }
schedule: { interval: 5m, lookback: 5m }
attack:
  - tactic: initial-access
    techniques: [T1190]
message: admin page reached
`;

let project: string;
const runs = new Map<string, CliRun>();

beforeAll(async () => {
  project = await mkdtemp(join(tmpdir(), 'detc-forge-'));
  await cp(join(repoRoot, 'test/fixtures/cli/library/data-sources'), join(project, 'rules/data-sources'), { recursive: true });
  const files: Record<string, string> = {};
  PAYLOADS.forEach(([, payload], i) => {
    // A key holding the payload (schema/unknown-key quotes it), a name and a description too.
    files[`rules/key_${i}.yml`] = `${RULE_HEAD(yamlQuoted(`Rule ${i}${payload}`))}${yamlQuoted(`extra${payload}`)}: 1\n`;
    // The same characters written raw in the file (line breaks aside): text/control-character
    // quotes the line in its excerpt.
    files[`rules/raw_${i}.yml`] = `${RULE_HEAD(`Raw rule ${i}`)}investigation: ["look${payload.replace(/[\r\n]/g, ' ')}"]\n`;
  });
  // A valid rule whose failing tests carry the payloads that one-line names may hold.
  files['rules/failing.yml'] =
    `${RULE_HEAD(yamlQuoted('Failing rule ##[add-mask]secret ::error file=x::y'))}tests:\n` +
    ['::error file=README.md::forged', '##[set-output name=x]y', 'name ::add-mask::z'].map(
      (name) => `  - name: ${yamlQuoted(name)}\n    expect: alert\n    events: [{ url: "https://intranet/home", status: 200 }]\n`,
    ).join('');
  // File names are rule content too: a line break and a command in one.
  files['rules/name\n::error file=x::forged.yml'] = RULE_HEAD('Named file rule') + 'unknown_key: 1\n';
  files['rules/\u001b[31mred.yml'] = RULE_HEAD('Coloured file rule') + 'unknown_key: 1\n';
  for (const [file, text] of Object.entries(files)) await writeFile(join(project, file), text);

  const commands: Record<string, string[]> = {
    text: ['validate'],
    json: ['validate', '--format', 'json'],
    github: ['validate', '--format', 'github'],
    test: ['test'],
    build: ['build', '--out', join(project, 'dist')],
    'test one rule': ['test', 'rules/failing.yml', 'rules/data-sources'],
    'unknown target': ['build', '--target', 'splunk,\u001b[31m::error::x\nqradar'],
  };
  const results = await Promise.all(Object.entries(commands).map(async ([name, args]) => [name, await runCli(args, { cwd: project })] as const));
  for (const [name, result] of results) runs.set(name, result);
}, 180_000);

afterAll(async () => {
  await rm(project, { recursive: true, force: true });
});

describe.each(['text', 'json', 'github', 'test', 'build', 'test one rule', 'unknown target'])('detc output: %s', (name) => {
  it('holds no raw control or invisible character (bytes of stdout and stderr)', () => {
    const run = runs.get(name)!;
    expect(run.out.length + run.err.length).toBeGreaterThan(0);
    expect(run.out).not.toMatch(RAW_CONTROL);
    expect(run.err).not.toMatch(RAW_CONTROL);
    // The bytes themselves: no C0 but the line feed, no DEL, no UTF-8 of C1/U+2028/U+2029/bidi.
    for (const bytes of [run.stdout, run.stderr]) {
      expect([...bytes].filter((b) => (b < 0x20 && b !== 0x0a) || b === 0x7f)).toEqual([]);
      expect(bytes.includes(Buffer.from([0xc2, 0x85]))).toBe(false);
      expect(bytes.includes(Buffer.from([0xc2, 0x9b]))).toBe(false);
      expect(bytes.includes(Buffer.from('\u2028'))).toBe(false);
      expect(bytes.includes(Buffer.from('\u202e'))).toBe(false);
    }
  });

  it('has no line GitHub Actions would run, except detc’s own annotations', () => {
    const run = runs.get(name)!;
    const printed = `${run.out}\n${run.err}`;
    const commands = commandLines(printed);
    if (name === 'github') {
      expect(commands.length).toBeGreaterThan(0);
      for (const line of commands) expect(line).toMatch(DETC_ANNOTATION);
    } else {
      expect(commands).toEqual([]);
    }
    // The legacy `##[command]` form is obeyed anywhere in a line.
    expect(printed).not.toContain('##[');
  });
});

describe('the escapes are visible', () => {
  it('text: a forged key reads as one escaped line', () => {
    expect(runs.get('text')!.out).toContain('unknown key "extra\\n::error file=README.md,line=1::forged" in the rule');
  });

  it('text: raw characters are shown escaped in the caret excerpt', () => {
    expect(runs.get('text')!.out).toMatch(/error text\/control-character: ESC \(U\+001B\) is written here;.*\n {2}18 \| investigation: \["look\\x1b\[31m\\x1b\[2J"\]\n/);
  });

  it('text: a file name with a line break and a command stays on its line', () => {
    expect(runs.get('text')!.out).toContain('rules/name\\n::error file=x::forged.yml:18:1: error schema/unknown-key:');
    expect(runs.get('text')!.out).toContain('rules/\\x1b[31mred.yml:18:1: error schema/unknown-key:');
  });

  it('github: each diagnostic is exactly one annotation line', () => {
    const json = JSON.parse(runs.get('json')!.out) as unknown[];
    expect(commandLines(runs.get('github')!.out)).toHaveLength(json.length);
    expect(runs.get('github')!.out).toContain('::error file=rules/name\\n%3A%3Aerror file=x%3A%3Aforged.yml,line=18,');
  });

  it('json: parses back to the exact characters', () => {
    const diagnostics = JSON.parse(runs.get('json')!.out) as { file: string; message: string }[];
    expect(diagnostics.map((d) => d.file)).toContain('rules/name\n::error file=x::forged.yml');
    expect(diagnostics.some((d) => d.message.includes('extra\u202e'))).toBe(true);
  });

  it('test: FAIL lines escape the rule and test names', () => {
    const out = runs.get('test one rule')!.out;
    expect(out).toContain('FAIL Failing rule ##\\[add-mask]secret ::error file=x::y › ::error file=README.md::forged: expected an alert');
    expect(out).toContain('› ##\\[set-output name=x]y: expected an alert');
    expect(out).toMatch(/\n0 passed, 3 failed\n$/);
  });

  it('an unknown --target is printed escaped', () => {
    expect(runs.get('unknown target')!.err).toBe('detc: unknown target \\x1b[31m::error::x\\nqradar; choose from splunk, elastic, docs, navigator\n');
  });
});
