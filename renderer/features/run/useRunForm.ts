// The run dialog's state: the form, what it is pre-filled from, the engine host's taken ports,
// and every problem by field (the form's own, conflicts, and the engine's answer after Run).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { HostPortsInfo, ImageRunInfo, RunResult } from '../../../vm-backend/api/contract.run';
import { errorShape } from '../../lib/error-shape';
import { buildRunCommand } from '../../../vm-backend/api/rules/run-cli';
import { emptyForm, portRow, type RunForm } from '../../../vm-backend/api/rules/run-form';
import { assignFreePorts } from '../../../vm-backend/api/rules/run-ports';
import type { WharfErrorShape } from '../../../vm-backend/api/types';
import { getBridge } from '../../bridge';
import { useStore } from '../../store/store';
import { usePulls } from '../pull/pull-store';
import { type FieldProblems, formProblems } from './field-errors';
import { pullAndWait, samePortRows } from './pull-then-fill';
import type { RunSource } from './run-store';

const toShape = (e: unknown): WharfErrorShape => errorShape(e);

/** Problems shown before the first Run press: not the "still empty" ones. */
const QUIET = new Set(['imageEmpty', 'port_empty']);

export function useRunForm(source: RunSource) {
  const [form, setForm] = useState<RunForm>(() =>
    source.kind === 'image' ? emptyForm(source.image) : source.kind === 'form' ? source.form : emptyForm(),
  );
  const [loading, setLoading] = useState(source.kind === 'container');
  const [imageInfo, setImageInfo] = useState<ImageRunInfo | null>(null);
  const [hostPorts, setHostPorts] = useState<HostPortsInfo | null>(null);
  /** Pulls that existed before the last Run: any other one was started by it (a missing image). */
  const [pullsBefore, setPullsBefore] = useState<ReadonlySet<string> | null>(null);
  const [engineError, setEngineError] = useState<WharfErrorShape | null>(null);
  const [tried, setTried] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const byId = useStore((s) => s.containers.byId);
  const containers = useMemo(() => Object.values(byId), [byId]);
  const live = useRef(true);
  useEffect(
    () => () => {
      live.current = false;
    },
    [],
  );

  const probe = useCallback(async (maxAgeMs: number): Promise<HostPortsInfo | null> => {
    try {
      const hp = await getBridge().call('run:host-ports', { maxAgeMs });
      if (live.current) setHostPorts(hp);
      return hp;
    } catch {
      return null;
    }
  }, []);

  /** The short path (pull-then-fill.ts): pull a missing image now, then publish its ports. */
  const [movedPorts, setMovedPorts] = useState<{ from: number; to: number }[]>([]);
  const pullThenFill = useCallback(async (image: string, hpP: Promise<HostPortsInfo | null>): Promise<void> => {
    const bridge = getBridge();
    try {
      let info = await bridge.call('run:image-info', { image });
      if (!live.current) return;
      setImageInfo(info);
      if (!info.present) {
        setPullsBefore(new Set(usePulls.getState().order));
        if (!(await pullAndWait(bridge, image)) || !live.current) return;
        info = await bridge.call('run:image-info', { image });
        if (!live.current) return;
        setImageInfo(info);
      }
      const hp = await hpP;
      const rows = Object.values(useStore.getState().containers.byId);
      const { rows: ports, moved } = samePortRows(info, rows, hp?.listeners ?? []);
      if (!live.current) return;
      setForm((f) => (f.ports.length ? f : { ...f, ports }));
      setMovedPorts(moved);
    } catch {
      // The dialog still works by hand; Run pulls a missing image itself.
    }
  }, []);

  useEffect(() => {
    // Fresh on open: a program may have started listening since the last check.
    const hpP = probe(0);
    if (source.kind === 'image' && source.pullFirst) {
      void pullThenFill(source.image, hpP);
    } else if (source.kind === 'image') {
      void getBridge()
        .call('run:image-info', { image: source.image })
        .then(
          (info) => {
            if (!live.current) return;
            setImageInfo(info);
            setForm((f) =>
              f.ports.length
                ? f
                : { ...f, ports: info.exposedPorts.map((p) => portRow(String(p.port), '', p.protocol)) },
            );
          },
          () => undefined,
        );
    } else if (source.kind === 'container') {
      void getBridge()
        .call('run:from-container', { id: source.id })
        .then(
          async (f) => {
            const hp = await hpP;
            if (!live.current) return;
            const rows = Object.values(useStore.getState().containers.byId);
            setForm({ ...f, ports: assignFreePorts(f.ports, rows, hp?.listeners ?? []) });
            setLoading(false);
          },
          (e: unknown) => {
            if (live.current) {
              setEngineError(toShape(e));
              setLoading(false);
            }
          },
        );
    }
  }, [source, probe, pullThenFill]);

  // The image field changed (typed or pasted): ask again whether it is on the engine, so the
  // dialog says before Run that it will be pulled first.
  const infoFor = useRef(source.kind === 'image' ? source.image : '');
  useEffect(() => {
    const image = form.image.trim();
    if (!image || image === infoFor.current) return;
    const timer = setTimeout(() => {
      void getBridge()
        .call('run:image-info', { image })
        .then(
          (info) => {
            if (!live.current) return;
            infoFor.current = image;
            setImageInfo(info);
          },
          () => undefined,
        );
    }, 300);
    return () => clearTimeout(timer);
  }, [form.image]);

  const problems = useMemo(
    () => formProblems(form, containers, hostPorts?.listeners ?? []),
    [form, containers, hostPorts],
  );
  const engineField = engineError?.params?.field ? String(engineError.params.field) : '';
  const shown: FieldProblems = useMemo(() => {
    const out: FieldProblems = {};
    for (const [k, v] of Object.entries(problems)) if (tried || !QUIET.has(v.code)) out[k] = v;
    if (engineError && engineField && !out[engineField])
      out[engineField] = {
        code: `engine.${engineError.code}`,
        params: engineError.params ?? {},
        message: engineError.message,
        detail: engineError.detail,
      };
    return out;
  }, [problems, tried, engineError, engineField]);

  const update = useCallback((change: (f: RunForm) => RunForm) => {
    setForm((f) => change(f));
    setEngineError(null);
  }, []);

  /** Checks, re-reads the engine host's ports when the last read is old, then create + start. */
  const submit = useCallback(
    async (keepOnFailure: boolean): Promise<RunResult | null> => {
      setTried(true);
      setEngineError(null);
      if (Object.keys(problems).length) return null;
      setSubmitting(true);
      const rows = Object.values(useStore.getState().containers.byId);
      const hp = form.ports.length ? await probe(10_000) : hostPorts;
      if (hp && Object.keys(formProblems(form, rows, hp.listeners)).length) {
        setSubmitting(false);
        return null;
      }
      useStore.getState().ranCli(buildRunCommand(form));
      // A missing image is pulled first by the backend: its progress arrives as pull events.
      setPullsBefore(new Set(usePulls.getState().order));
      try {
        return await getBridge().call('run:create', { form, keepOnFailure });
      } catch (e) {
        if (live.current) setEngineError(toShape(e));
        return null;
      } finally {
        if (live.current) setSubmitting(false);
      }
    },
    [form, problems, probe, hostPorts],
  );

  return {
    movedPorts,
    pullsBefore,
    form,
    update,
    setForm: update,
    loading,
    imageInfo,
    hostPorts,
    problems: shown,
    hasProblems: Object.keys(problems).length > 0,
    engineError,
    engineField,
    submitting,
    submit,
    containers,
  };
}
