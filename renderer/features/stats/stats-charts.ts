// The Stats tab's four uPlot charts (CPU, memory with its limit line, network, disk), drawn on
// canvas and fed outside React: a reading calls update() and the redraw waits for the next frame.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatBytes } from '../../../vm-backend/api/rules/stats-limits';
import type { Series } from './stats-series';

const WINDOW_MIN_S = 60;

export interface ChartLabels {
  cpu: string;
  memory: string;
  network: string;
  disk: string;
  used: string;
  limit: string;
  in: string;
  out: string;
  read: string;
  write: string;
}

/** A theme colour as the canvas takes it (the variables are light-dark() pairs). */
function colour(host: HTMLElement, variable: string): string {
  const probe = document.createElement('span');
  probe.style.color = `var(${variable})`;
  host.appendChild(probe);
  const c = getComputedStyle(probe).color;
  probe.remove();
  return c;
}

const bytesAxis = (_u: uPlot, vals: number[]): string[] => vals.map((v) => formatBytes(v));
const rateAxis = (_u: uPlot, vals: number[]): string[] => vals.map((v) => `${formatBytes(v)}/s`);

export class StatsCharts {
  private readonly plots: { u: uPlot; data: () => uPlot.AlignedData }[] = [];
  private frame = 0;
  /** Time spent in each redraw (ms), for the frame-time figure. */
  readonly frameMs: number[] = [];

  constructor(host: HTMLElement, s: Series, labels: ChartLabels) {
    const width = Math.max(240, host.clientWidth - 8);
    const accent = colour(host, '--accent');
    const danger = colour(host, '--danger');
    const ok = colour(host, '--ok');
    const warn = colour(host, '--warn');
    const muted = colour(host, '--muted');
    const line = colour(host, '--line');
    const axis = (values?: uPlot.Axis['values']): uPlot.Axis => ({
      stroke: muted,
      grid: { stroke: line, width: 1 },
      ticks: { stroke: line, width: 1 },
      ...(values ? { values, size: 70 } : {}),
    });
    const make = (
      title: string,
      testId: string,
      series: uPlot.Series[],
      data: () => uPlot.AlignedData,
      values?: uPlot.Axis['values'],
      range?: uPlot.Scale['range'],
    ): void => {
      const el = document.createElement('div');
      el.className = 'stats-chart';
      el.dataset.testid = testId;
      host.appendChild(el);
      const u = new uPlot(
        {
          title,
          width,
          height: 130,
          legend: { show: true, live: false },
          cursor: { show: false },
          // At least the last minute, growing to the kept five: a few readings are not a blur at the edge.
          scales: {
            x: { time: true, range: (_u, min, max) => [Math.min(min, max - WINDOW_MIN_S), max] },
            y: range ? { range } : {},
          },
          axes: [{ ...axis(), space: 60 }, axis(values)],
          series: [{}, ...series],
        },
        data(),
        el,
      );
      this.plots.push({ u, data });
    };
    make(
      labels.cpu,
      'chart-cpu',
      [{ label: 'CPU %', stroke: accent, width: 2, points: { show: false } }],
      () => [s.t, s.cpu],
      undefined,
      (_u, _min, max) => [0, Math.max(5, max * 1.1)],
    );
    make(
      labels.memory,
      'chart-memory',
      [
        { label: labels.used, stroke: accent, width: 2, points: { show: false } },
        { label: labels.limit, stroke: danger, width: 2, dash: [6, 4], points: { show: false } },
      ],
      () => [s.t, s.mem, s.limit],
      bytesAxis,
      (_u, _min, max) => [0, max * 1.05 || 1],
    );
    make(
      labels.network,
      'chart-network',
      [
        { label: labels.in, stroke: ok, width: 2, points: { show: false } },
        { label: labels.out, stroke: warn, width: 2, points: { show: false } },
      ],
      () => [s.t, s.rx, s.tx],
      rateAxis,
      (_u, _min, max) => [0, max * 1.1 || 1],
    );
    make(
      labels.disk,
      'chart-disk',
      [
        { label: labels.read, stroke: ok, width: 2, points: { show: false } },
        { label: labels.write, stroke: warn, width: 2, points: { show: false } },
      ],
      () => [s.t, s.rd, s.wr],
      rateAxis,
      (_u, _min, max) => [0, max * 1.1 || 1],
    );
  }

  /** Redraws on the next frame (several readings in one frame draw once). */
  update(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const t0 = performance.now();
      for (const p of this.plots) p.u.setData(p.data());
      // uPlot draws in a microtask queued by setData: this one runs after all four have drawn.
      queueMicrotask(() => {
        this.frameMs.push(performance.now() - t0);
        if (this.frameMs.length > 1000) this.frameMs.shift();
      });
    });
  }

  resize(width: number): void {
    for (const p of this.plots) p.u.setSize({ width: Math.max(240, width - 8), height: 130 });
  }

  destroy(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    for (const p of this.plots) p.u.destroy();
    this.plots.length = 0;
  }
}
