// When two rule names are "the same" to a reader: equal after Unicode compatibility
// normalisation (NFKC: full-width letters, ligatures, superscripts …), case folding, removing
// invisible characters and collapsing spaces. Such names give look-alike search names in Splunk
// and titles in Kibana, so they count as duplicates (rule/duplicate-name, variation/*-name).

/** Characters with no visible form (default-ignorable code points): soft hyphen, zero-width and bidi marks, BOM, variation selectors. */
const INVISIBLE = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/gu;

export function comparableName(name: string): string {
  const folded = name.normalize('NFKC').replace(INVISIBLE, '').toUpperCase().toLowerCase().normalize('NFKC');
  return folded.trim().replace(/\s+/gu, ' ');
}
