// Every problem of the form, keyed by field, as the dialog shows them next to each field. Pure.
import type { RunForm } from '../../../vm-backend/api/rules/run-form';
import { findPortConflicts, type HostListener } from '../../../vm-backend/api/rules/run-ports';
import { validateRunForm } from '../../../vm-backend/api/rules/run-validate';
import type { ContainerRow } from '../../../vm-backend/api/types';

export interface FieldProblem {
  /** i18n key under run.err. */
  code: string;
  params: Record<string, string | number>;
  /** English fallback. */
  message: string;
  /** The engine's own words, when the problem came from the engine. */
  detail?: string;
}

export type FieldProblems = Record<string, FieldProblem>;

export function formProblems(
  form: RunForm,
  containers: readonly ContainerRow[],
  listeners: readonly HostListener[],
): FieldProblems {
  const out: FieldProblems = {};
  for (const e of validateRunForm(form)) out[e.field] ??= { code: e.code, params: e.params ?? {}, message: e.message };
  if (form.name && !out.name) {
    const other = containers.find((c) => c.name === form.name);
    if (other)
      out.name = {
        code: 'nameTaken',
        params: { name: form.name },
        message: `The name "${form.name}" is already used by another container.`,
      };
  }
  for (const c of findPortConflicts(form.ports, containers, listeners)) {
    const field = `ports.${c.row}.hostPort`;
    if (out[field]) continue;
    const o = c.owner;
    out[field] =
      o.kind === 'container'
        ? {
            code: 'portByContainer',
            params: { port: c.port, container: o.name },
            message: `Port ${c.port} is used by container ${o.name}.`,
          }
        : o.kind === 'process' && o.here
          ? {
              code: 'portByProgramHere',
              params: { port: c.port },
              message: `Port ${c.port} is used by a program on this computer, where Wharf makes the container's port reachable.`,
            }
          : o.kind === 'process'
            ? {
                code: 'portByProcess',
                params: { port: c.port },
                message: `Port ${c.port} is used by a program on the engine's host.`,
              }
            : {
                code: 'portDuplicate',
                params: { port: c.port, row: o.row + 1 },
                message: `Port ${c.port} is already in row ${o.row + 1}.`,
              };
  }
  return out;
}
