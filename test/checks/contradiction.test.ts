import { contradiction } from '../../compiler/checks/contradiction.ts';
import { checkTable } from './support.ts';

const match = (expression: string) => `detection:\n  type: query\n  match: ${expression}\n`;
const HOSTS = `name: hosts
title: Hosts
description: One address per event.
provenance: test
splunk: { macro: hosts, definition: sourcetype=hosts }
elastic: { index: [logs-hosts-*] }
fields:
  host_ip: { type: ip, splunk: ip, elastic: host.ip }
`;
const onHosts = (expression: string) => ({ rules: `data_source: hosts\n${match(expression)}`, dataSources: [HOSTS] });

checkTable(contradiction, {
  valid: [
    { name: 'alternatives joined with or', rules: match('verb == "create" or verb == "update"') },
    { name: 'overlapping lists', rules: match('verb in ["get", "list"] and verb in ["list", "watch"]') },
    { name: 'a multi-valued field may hold both', rules: match('image == "a" and image == "b"') },
    { name: 'a number and its decimal text are one value', rules: match('response_code == 200 and response_code in ["200", "404"]') },
    { name: 'lower() and case-sensitive forms can both hold', rules: match('lower(verb) == "create" and verb == "CREATE"') },
    { name: 'different levels of nesting are not compared', rules: match('verb == "a" and (verb == "b" or namespace == "c")') },
    { name: 'two spellings of one address on a single-valued ip field', ...onHosts('host_ip == "10.1.2.3" and host_ip in ["::ffff:a01:203", "2001:db8::1"]') },
    { name: 'IPv6 in two cases', ...onHosts('host_ip == "2001:db8::1" and host_ip == "2001:DB8:0::1"') },
  ],
  invalid: [
    {
      name: 'two values of one field joined with and',
      rules: match('verb == "create" and resource == "pods" and verb == "update"'),
      errors: [{ code: 'match/never-matches', line: 3, column: 54, related: ['rule.yml:3:10'], message: 'can never both be true. Join them with `or`' }],
    },
    {
      name: 'disjoint lists, inside a not and an or',
      rules: match('namespace == "x" or not (verb in ["get", "list"] and verb in ["create"])'),
      errors: [{ code: 'match/never-matches', line: 3, column: 63, related: ['rule.yml:3:35'] }],
    },
    {
      name: 'two different addresses on a single-valued ip field',
      ...onHosts('host_ip == "10.1.2.3" and host_ip == "::ffff:10.1.2.4"'),
      errors: [{ code: 'match/never-matches', line: 4, column: 36 }],
    },
    {
      name: 'numbers that differ',
      rules: match('response_code == 200 and response_code == "404"'),
      errors: [{ code: 'match/never-matches', line: 3, column: 35 }],
    },
  ],
});
