// The glossary's tooltip is shared by every view (renderer/components/Term.tsx); the lessons import it from here.
export { Term } from '../../components/Term';
