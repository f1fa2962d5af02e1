import type { UnitLevel } from '@shared/contracts/units';
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

interface UnitPickerProps {
  value?: string;
  onChange?: (code: string | undefined) => void;
  /** Only communes (a residence), or any unit of today's hierarchy (a province or a commune: a filter). */
  level?: UnitLevel;
  /** Labels of units the value may already be (a stored residence), so no lookup is needed. */
  known?: Record<string, string>;
  /** Told the label of each unit picked, e.g. to show it again in a comparison. */
  onPicked?: (choice: UnitChoice) => void;
  placeholder?: string;
  testId?: string;
  id?: string;
  className?: string;
}

/**
 * A unit of the current hierarchy, found by typing part of its name or code (the units search of
 * /units, valid today in Việt Nam). A value without a known label (a code from the page URL) is
 * looked up once, so the box shows a name rather than a bare code.
 */
export function UnitPicker({ value, onChange, level, known, onPicked, placeholder, testId, id, className }: UnitPickerProps) {
  const { t } = useTranslation();
  const today = todayInVietnam();
  const [text, setText] = useState('');
  const [picked, setPicked] = useState<UnitChoice | undefined>(undefined);
  const q = useDebouncedValue(text.trim(), 250);
  const search = useQuery({ ...unitQueries.search(q, today, level), enabled: q.length > 0 });

  const knownLabel = value ? (picked?.code === value ? picked.label : known?.[value]) : undefined;
  const detail = useQuery({ ...unitQueries.detail(value ?? '', today), enabled: Boolean(value) && !knownLabel });
  const valueLabel = knownLabel ?? (detail.data && value ? unitLabel(detail.data.unit) : value);

  const hits = (search.data?.items ?? []).map((hit) => ({
    value: hit.unit.code,
    label: unitLabel(hit.unit),
    place: ancestorsText(hit.ancestors),
  }));
  const options =
    value && valueLabel && !hits.some((hit) => hit.value === value) ? [{ value, label: valueLabel, place: '' }, ...hits] : hits;

  return (
    <Select<string>
      id={id}
      className={className}
      value={value}
      virtual={false}
      allowClear
      data-testid={testId}
      placeholder={placeholder ?? (level === 'commune' ? t('persons.unit.communePlaceholder') : t('persons.unit.placeholder'))}
      loading={search.isFetching}
      showSearch={{ onSearch: setText, filterOption: false }}
      notFoundContent={search.isError ? search.error.message : q ? t('persons.unit.notFound') : t('persons.unit.typeToSearch')}
      options={options.map((option) => ({ value: option.value, label: option.label, title: option.place }))}
      optionRender={(option) => (
        <div>
          <div>{option.label}</div>
          {option.data.title ? <small className="pcmt-option-place">{option.data.title}</small> : null}
        </div>
      )}
      onChange={(code) => {
        const option = options.find((candidate) => candidate.value === code);
        if (code && option) {
          const choice = { code, label: option.label };
          setPicked(choice);
          onPicked?.(choice);
        }
        onChange?.(code || undefined);
      }}
    />
  );
}
