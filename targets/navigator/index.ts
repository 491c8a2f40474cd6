// The Navigator target: `attack-navigator.json` at the top of the output, a layer to open in
// MITRE's ATT&CK Navigator (https://mitre-attack.github.io/attack-navigator/) to see coverage.

import type { Target } from '../target.ts';
import { buildLayer } from './layer.ts';

export const navigatorTarget: Target = {
  name: 'navigator',
  description: 'ATT&CK Navigator layer (format 4.5) of the techniques the rules cover',
  emit(library) {
    const { layer, diagnostics } = buildLayer(library);
    return {
      files: [{ path: 'attack-navigator.json', contents: `${JSON.stringify(layer, null, 2)}\n`, prettier: 'json' }],
      diagnostics,
    };
  },
};
