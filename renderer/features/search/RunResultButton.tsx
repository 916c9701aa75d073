import { useTranslation } from 'react-i18next';
import { cliHintProps } from '../../components/useCli';
import { useRunDialog } from '../run/run-store';
import { useSearch } from './search-store';

/** Run straight from a search result: the search box closes, the run dialog pulls the image (with
 *  its progress) and fills in its ports. The tag picker and Pull stay the explicit path. Its name
 *  does not repeat the image: the result beside it names it. */
export function RunResultButton({ image }: { image: string }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="btn btn--small btn--primary search-row__run"
      aria-label={t('search.runResult')}
      data-image={image}
      onClick={() => {
        useSearch.getState().show(false);
        useRunDialog.getState().open({ kind: 'image', image, pullFirst: true });
      }}
      {...cliHintProps(`docker container run -d ${image}`)}
    >
      {t('pull.run')}
    </button>
  );
}
