// The glossary is shared by every view (renderer/components/glossary.ts); the lessons import it from here.
export { GLOSSARY_TERMS, type GlossaryTerm, isGlossaryTerm } from '../../components/glossary';
