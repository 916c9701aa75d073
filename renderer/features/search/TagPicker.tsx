// Tags of the picked repository, a page at a time, newest first (tag-order.ts); "latest" chosen when
// present, else the newest, and the line under the field says which and why. Pull starts the pull
// (progress shows in the pulls panel) with an explicit tag.
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TagInfo } from '../../../vm-backend/api/contract.search';
import type { WharfErrorShape } from '../../../vm-backend/api/types';
import { errorShape } from '../../lib/error-shape';
import { ErrorNotice } from '../../components/ErrorNotice';
import { cliHintProps } from '../../components/useCli';
import { getBridge } from '../../bridge';
import { formatBytes } from '../../lib/format';
import { startPull } from '../pull/pull-store';
import { type Picked, useSearch } from './search-store';
import { defaultTag, orderTags, type PickReason } from './tag-order';

export function TagPicker({ picked }: { picked: Picked }): React.JSX.Element {
  const { t } = useTranslation();
  const [tags, setTags] = useState<TagInfo[]>([]);
  const [next, setNext] = useState<string | undefined>();
  const [chosen, setChosen] = useState('');
  const [picked0, setPicked] = useState<{ name: string; reason: PickReason } | null>(null);
  const [error, setError] = useState<WharfErrorShape | null>(null);
  const [loading, setLoading] = useState(false);
  const listId = useId();
  const load = useCallback(
    async (cursor?: string) => {
      setLoading(true);
      try {
        const page = await getBridge().call('search:tags', {
          source: picked.source,
          repository: picked.repository,
          ...(cursor ? { cursor } : {}),
        });
        setTags((before) => {
          const all = orderTags(cursor ? [...before, ...page.tags] : page.tags);
          const pick = defaultTag(all);
          setChosen((c) => {
            if (c) return c;
            setPicked(pick ?? { name: 'latest', reason: 'latest' });
            return pick?.name ?? 'latest';
          });
          return all;
        });
        setNext(page.next);
      } catch (err) {
        setError(errorShape(err, 'SEARCH_FAILED'));
        setChosen((c) => c || 'latest');
      } finally {
        setLoading(false);
      }
    },
    [picked],
  );
  useEffect(() => void load(), [load]);
  const ref = `${picked.name}:${chosen || 'latest'}`;
  const cli = `docker image pull ${ref}`;
  return (
    <div className="tag-picker">
      <button type="button" className="btn btn--small" onClick={() => useSearch.getState().pick(null)}>
        ← {t('search.back')}
      </button>
      <h3 className="search-group__title">{picked.name}</h3>
      {error && <ErrorNotice error={error} />}
      <label className="tag-picker__label">
        {t('search.tag')}
        <input
          list={listId}
          value={chosen}
          onChange={(e) => setChosen(e.target.value.trim())}
          aria-label={t('search.tag')}
          spellCheck={false}
          maxLength={128}
        />
        <datalist id={listId}>
          {tags.map((x) => (
            <option
              key={x.name}
              value={x.name}
              label={`${x.name}${x.size ? ` · ${formatBytes(x.size)}` : ''}${x.updated ? ` · ${x.updated.slice(0, 10)}` : ''}`}
            />
          ))}
        </datalist>
      </label>
      {picked0 && picked0.name === chosen && (
        <p className="muted small" data-testid="tag-picked">
          {t(`search.picked.${picked0.reason}`, { tag: picked0.name })}
        </p>
      )}
      <p className="muted small">{t('search.tagsShown', { count: tags.length })}</p>
      {next && (
        <button type="button" className="btn btn--small" disabled={loading} onClick={() => void load(next)}>
          {t('search.moreTags')}
        </button>
      )}
      <div className="dialog__footer">
        <button
          type="button"
          className="btn btn--primary"
          disabled={!chosen}
          onClick={() => void startPull(getBridge(), ref)}
          {...cliHintProps(cli)}
        >
          {t('pull.pull', { ref })}
        </button>
      </div>
      <p className="muted small">
        <code>{cli}</code>
      </p>
    </div>
  );
}
