import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImageSources as Sources } from '../../../vm-backend/api/contract.search';
import type { LessonId } from '../../../vm-backend/api/rules/learn-names';
import type { WharfErrorShape } from '../../../vm-backend/api/types';
import { getBridge } from '../../bridge';
import { ErrorNotice } from '../../components/ErrorNotice';
import { errorShape } from '../../lib/error-shape';
import { chooseImage } from './learn-actions';

/**
 * The lesson's image is not on the engine: where it can come from (Docker Hub when reachable, else
 * a registry Wharf knows), each source with its answer, and how to get it when none has it.
 * Asked once per image (and on "Look again"), never on a timer.
 */
export function ImageSources({ lesson, image }: { lesson: LessonId; image: string }): React.JSX.Element {
  const { t } = useTranslation();
  const [answer, setAnswer] = useState<Sources | null>(null);
  const [error, setError] = useState<WharfErrorShape | null>(null);
  const [asked, setAsked] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `asked` is "Look again": it re-asks the same image
  useEffect(() => {
    let live = true;
    setAnswer(null);
    setError(null);
    getBridge()
      .call('search:image-sources', { image })
      .then(
        (a) => live && setAnswer(a),
        (e) => live && setError(errorShape(e)),
      );
    return () => {
      live = false;
    };
  }, [image, asked]);

  const found = answer?.sources.some((s) => s.state === 'found') ?? false;
  return (
    <section className="learn-sources" aria-label={t('learn.sources.label')} data-testid="learn-sources">
      <p>{t('learn.sources.intro', { image: answer?.image ?? image })}</p>
      {!answer && !error && (
        <p className="small muted" role="status">
          {t('learn.sources.looking')}
        </p>
      )}
      {error && <ErrorNotice error={error} />}
      {answer && (
        <ul className="learn-sources__list">
          {answer.sources.map((s) => (
            <li key={s.source} data-testid={`learn-source-${s.source}`} data-state={s.state}>
              {t(`learn.sources.${s.state === 'found' && s.source === 'hub' ? 'hubFound' : s.state}`, {
                source: s.source === 'hub' ? t('learn.sources.hub') : s.source,
                ref: s.refs[0] ?? '',
              })}
              {s.state === 'found' &&
                s.source !== 'hub' &&
                s.refs.map((ref) => (
                  <span key={ref} className="learn-sources__ref">
                    <code>{ref}</code>
                    {ref === image ? (
                      <span className="small muted">{t('learn.sources.inUse')}</span>
                    ) : (
                      <button type="button" className="btn btn--small" onClick={() => chooseImage(lesson, ref)}>
                        {t('learn.sources.use')}
                      </button>
                    )}
                  </span>
                ))}
              {s.error && <ErrorNotice error={s.error} />}
            </li>
          ))}
          {answer.sources.every((s) => s.source === 'hub') && (
            <li className="small muted">{t('learn.sources.noRegistries')}</li>
          )}
        </ul>
      )}
      {answer && !found && (
        <p className="small" data-testid="learn-sources-none">
          {t('learn.sources.none', { image: answer.image })}
        </p>
      )}
      <button
        type="button"
        className="btn btn--small"
        onClick={() => setAsked((n) => n + 1)}
        disabled={!answer && !error}
      >
        {t('learn.sources.again')}
      </button>
    </section>
  );
}
