// Catches what a part of the window throws while it renders (above all a lazily loaded view or
// dialog whose code did not arrive: a backend restarted with a newer build, a dropped link), so
// the sidebar, the other views and the docker command bar stay usable. It says what failed in the
// user's words, gives the browser's own words under Details, and offers to reload the window.
// React only catches render errors in a class component.
import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

function Failed({ error }: { error: unknown }): React.JSX.Element {
  const { t } = useTranslation();
  const words = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return (
    <div className="error-notice" role="alert" data-testid="view-failed">
      <p>
        <strong>{t('viewFailed.message')}</strong>
      </p>
      <p>{t('viewFailed.hint')}</p>
      <details>
        <summary>{t('common.details')}</summary>
        <pre>{words.slice(0, 2000)}</pre>
      </details>
      <button type="button" className="btn btn--primary" onClick={() => globalThis.location?.reload()}>
        {t('viewFailed.reload')}
      </button>
    </div>
  );
}

export class ViewBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: unknown } {
    return { error: error ?? new Error('unknown') };
  }

  override componentDidCatch(error: unknown): void {
    console.error('wharf: a part of the window failed to render', error);
  }

  override render(): ReactNode {
    return this.state.error ? <Failed error={this.state.error} /> : this.props.children;
  }
}
