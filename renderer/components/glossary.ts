// The terms the lessons teach, each with a one-line definition in the learn catalogs
// (glossary.<term>.word / .def), shown as a tooltip wherever <Term> marks the word: in the lessons,
// beside the views' headings, in column headers and beside the dialogs' fields (glossary-marks.test.ts
// checks that each term is marked somewhere outside the Learn view).
export const GLOSSARY_TERMS = [
  'image',
  'container',
  'tag',
  'repository',
  'registry',
  'port',
  'detached',
  'volume',
  'bridge',
  'namespace',
  'cgroup',
  'interactive',
  'vm',
  'network',
  'dockerfile',
  'compose',
  'layer',
] as const;
export type GlossaryTerm = (typeof GLOSSARY_TERMS)[number];

export const isGlossaryTerm = (t: string): t is GlossaryTerm => (GLOSSARY_TERMS as readonly string[]).includes(t);
