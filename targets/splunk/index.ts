// The Splunk target: rules → an Enterprise Security app (see emit.ts for the layout).

import type { Target } from '../target.ts';
import { emitSplunk } from './emit.ts';

export const splunkTarget: Target = {
  name: 'splunk',
  description: 'Splunk Enterprise Security app: correlation searches (savedsearches.conf), macros and an installable .tar.gz',
  emit: (library) => emitSplunk(library),
};

export { emitSplunk } from './emit.ts';
export { compileMatch } from './spl/compile-match.ts';
export { compileSearch, searchText } from './search.ts';
