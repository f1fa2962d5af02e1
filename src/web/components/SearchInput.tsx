import { SearchOutlined } from '@ant-design/icons';
import { Input } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useDebouncedValue } from './use-debounced-value';

const DEBOUNCE_MS = 250;

interface SearchInputProps {
  /** The search text in the URL (`?q=`). */
  value: string | undefined;
  /** Called once typing pauses; `undefined` clears the search. */
  onSearch: (q: string | undefined) => void;
  label: string;
  placeholder: string;
  testId?: string;
  maxLength?: number;
  /** Pause (ms) after which typing searches; longer where each search is audited per record found. */
  delayMs?: number;
}

/**
 * Free-text search box. What is typed is kept locally and written to the URL after a short
 * pause, so each pause (not each key) makes one request and the URL can be bookmarked.
 */
export function SearchInput({
  value,
  onSearch,
  label,
  placeholder,
  testId,
  maxLength = 100,
  delayMs = DEBOUNCE_MS,
}: SearchInputProps) {
  const [text, setText] = useState(value ?? '');
  const debounced = useDebouncedValue(text, delayMs);
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
      data-testid={testId}
      enterKeyHint="search"
      aria-label={label}
      placeholder={placeholder}
      prefix={<SearchOutlined />}
      allowClear
      maxLength={maxLength}
      value={text}
      onChange={(event) => {
        setText(event.target.value);
        // Clearing is instant: there is nothing to wait for.
        if (event.target.value === '') commit('');
      }}
      // Enter searches at once instead of waiting for the pause.
      onPressEnter={() => commit(text)}
    />
  );
}
