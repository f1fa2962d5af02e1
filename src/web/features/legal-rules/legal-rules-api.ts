import { type CalendarYearBody, CalendarYearDto, WorkingDaysDto } from '@shared/contracts/calendar';
import { RuleDto, type RuleOverrideBody, RuleSetsResponse } from '@shared/contracts/rules';
import { queryOptions } from '@tanstack/react-query';
import { apiGet, apiPut } from '../../api/client';

/** Queries and writes of the legal rules page (/legal-rules) and the working-day calendar (/calendar). */
export const legalRulesQueries = {
  ruleSets: () =>
    queryOptions({
      queryKey: ['rule-sets'],
      queryFn: ({ signal }) => apiGet('/api/rule-sets', { schema: RuleSetsResponse, signal }),
    }),
  calendarYear: (year: number) =>
    queryOptions({
      queryKey: ['calendar', year],
      queryFn: ({ signal }) => apiGet(`/api/calendar/${year}`, { schema: CalendarYearDto, signal }),
    }),
  workingDays: (from: string, days: number) =>
    queryOptions({
      queryKey: ['calendar', 'working-days', from, days],
      queryFn: ({ signal }) => apiGet('/api/calendar/working-days', { query: { from, days }, schema: WorkingDaysDto, signal }),
    }),
};

export const legalRulesApi = {
  overrideRule: (ruleSetId: string, key: string, body: RuleOverrideBody) =>
    apiPut(`/api/rule-sets/${encodeURIComponent(ruleSetId)}/rules/${encodeURIComponent(key)}`, { body, schema: RuleDto }),
  declareYear: (year: number, body: CalendarYearBody) => apiPut(`/api/calendar/${year}`, { body, schema: CalendarYearDto }),
};
