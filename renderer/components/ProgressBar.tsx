// The progress bar of pulls and pushes (overall, and one per layer): a percentage, labelled.
export function ProgressBar({
  pct,
  label,
  thin = false,
}: {
  /** 0-100, rounded by the caller. */
  pct: number;
  label: string;
  thin?: boolean;
}): React.JSX.Element {
  return (
    <div
      className={thin ? 'bar bar--thin' : 'bar'}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={pct}
    >
      <div className="bar__fill" style={{ width: `${pct}%` }} />
    </div>
  );
}
