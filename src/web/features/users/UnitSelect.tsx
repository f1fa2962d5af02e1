import { todayInVietnam } from '@shared/dates';
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../components/use-debounced-value';
import { ancestorsText, unitLabel } from '../units/unit-text';
import { unitQueries } from '../units/units-api';

export interface UnitChoice {
  code: string;
  label: string;
}

/**
 * A unit of the current hierarchy, found by typing part of its name or code (the units search
 * of /units). `initial` labels the value the form starts with, e.g. the user's present unit.
 */
export function UnitSelect({
  value,
  onChange,
  initial,
  id,
}: {
  value?: string;
  onChange?: (code: string) => void;
  initial?: UnitChoice;
  id?: string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [picked, setPicked] = useState<UnitChoice | undefined>(initial);
  const q = useDebouncedValue(text.trim(), 250);
  const search = useQuery({ ...unitQueries.search(q, todayInVietnam()), enabled: q.length > 0 });

  const hits = (search.data?.items ?? []).map((hit) => ({
    value: hit.unit.code,
    label: unitLabel(hit.unit),
    place: ancestorsText(hit.ancestors),
  }));
  const options =
    picked && !hits.some((hit) => hit.value === picked.code)
      ? [{ value: picked.code, label: picked.label, place: '' }, ...hits]
      : hits;

  return (
    <Select<string>
      id={id}
      value={value}
      virtual={false}
      data-testid="user-unit"
      placeholder={t('users.form.unitPlaceholder')}
      loading={search.isFetching}
      showSearch={{ onSearch: setText, filterOption: false }}
      notFoundContent={
        search.isError ? search.error.message : q ? t('users.form.unitNotFound') : t('users.form.unitTypeToSearch')
      }
      options={options.map((option) => ({ value: option.value, label: option.label, title: option.place }))}
      optionRender={(option) => (
        <div>
          <div>{option.label}</div>
          {option.data.title ? <small className="pcmt-option-place">{option.data.title}</small> : null}
        </div>
      )}
      onChange={(code) => {
        const option = options.find((candidate) => candidate.value === code);
        if (option) setPicked({ code, label: option.label });
        onChange?.(code);
      }}
    />
  );
}
