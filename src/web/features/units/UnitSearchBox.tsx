import { SearchOutlined } from '@ant-design/icons';
import { Input } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../components/use-debounced-value';

const DEBOUNCE_MS = 250;

interface UnitSearchBoxProps {
  /** The search text in the URL (`?q=`). */
  value: string | undefined;
  /** Called once typing pauses; `undefined` clears the search and brings the tree back. */
  onSearch: (q: string | undefined) => void;
}

/**
 * Free-text search box. What is typed is kept locally and written to the URL after a short
 * pause, so each pause (not each key) makes one request and the URL can be bookmarked.
 */
export function UnitSearchBox({ value, onSearch }: UnitSearchBoxProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(value ?? '');
  const debounced = useDebouncedValue(text, DEBOUNCE_MS);
  // The last value the URL and the box agreed on; tells our own URL writes from Back/links.
  const synced = useRef(value ?? '');

  useEffect(() => {
    const fromUrl = value ?? '';
    if (fromUrl !== synced.current) {
      synced.current = fromUrl;
      setText(fromUrl);
    }
  }, [value]);

  const commit = useCallback(
    (typed: string) => {
      const next = typed.trim();
      if (next !== synced.current) {
        synced.current = next;
        onSearch(next || undefined);
      }
    },
    [onSearch],
  );

  useEffect(() => commit(debounced), [debounced, commit]);

  return (
    <Input
      data-testid="unit-search"
      enterKeyHint="search"
      aria-label={t('units.search.label')}
      placeholder={t('units.search.placeholder')}
      prefix={<SearchOutlined />}
      allowClear
      maxLength={100}
      value={text}
      onChange={(event) => {
        setText(event.target.value);
        // Clearing is instant: the officer wants the tree back, there is nothing to wait for.
        if (event.target.value === '') commit('');
      }}
      // Enter searches at once instead of waiting for the pause.
      onPressEnter={() => commit(text)}
    />
  );
}
