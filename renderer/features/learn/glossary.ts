// The terms the lessons teach, each with a one-line definition in the catalogs
// (glossary.<term>.word / .def), shown as a tooltip wherever <Term> marks the word.
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
] as const;
export type GlossaryTerm = (typeof GLOSSARY_TERMS)[number];

export const isGlossaryTerm = (t: string): t is GlossaryTerm => (GLOSSARY_TERMS as readonly string[]).includes(t);
