import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LessonId } from '../../../vm-backend/api/rules/learn-names';
import { useStore } from '../../store/store';
import { chooseImage } from './learn-actions';

/** Which image the lesson uses: the one it is written for, or any the engine (or a registry) has. */
export function ImageChoice({
  lesson,
  wanted,
  image,
}: {
  lesson: LessonId;
  wanted: string;
  image: string;
}): React.JSX.Element {
  const { t } = useTranslation();
  const listId = useId();
  const [text, setText] = useState(image);
  const tags = useStore((s) =>
    Object.values(s.images.byId)
      .flatMap((i) => i.repoTags)
      .sort()
      .join('\n'),
  );
  return (
    <form
      className="learn-image"
      onSubmit={(e) => {
        e.preventDefault();
        if (/^[^\s\0]+$/.test(text.trim())) chooseImage(lesson, text.trim());
      }}
    >
      <label>
        {t('learn.image.label')}
        <input value={text} list={listId} onChange={(e) => setText(e.target.value)} spellCheck={false} />
      </label>
      <datalist id={listId}>
        {tags
          .split('\n')
          .filter(Boolean)
          .map((tag) => (
            <option key={tag} value={tag} />
          ))}
      </datalist>
      <button type="submit" className="btn btn--small" disabled={text.trim() === image}>
        {t('learn.image.use')}
      </button>
      <p className="small muted">{t('learn.image.note', { image: wanted })}</p>
    </form>
  );
}
