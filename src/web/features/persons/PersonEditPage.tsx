import type { PersonDto } from '@shared/contracts/persons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { App, Form, Skeleton } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { applyServerErrors } from '../../components/form-errors';
import { PageHeader } from '../../components/PageHeader';
import { ConflictPanel } from './ConflictPanel';
import { FormPanel } from './FormPanel';
import { PersonForm } from './PersonForm';
import { PersonLoadFailure } from './PersonLoadFailure';
import {
  formValuesOf,
  type PersonFields,
  type PersonFormValues,
  personFieldOf,
  toPersonFields,
  unitLabelsOf,
} from './person-form';
import { conflictCurrentOf, personQueries, personsApi, rememberSavedPerson } from './persons-api';

const route = getRouteApi('/_app/persons/$id/edit');

/** /persons/$id/edit: every field replaced at once, with the version read (optimistic concurrency). */
export function PersonEditPage() {
  const { t } = useTranslation();
  const { id } = route.useParams();
  const person = useQuery(personQueries.detail(id));
  return (
    <>
      <PageHeader title={t('persons.form.editTitle')} lead={t('persons.form.editLead')} />
      {person.isPending ? (
        <Skeleton active paragraph={{ rows: 12 }} />
      ) : person.isError ? (
        <PersonLoadFailure error={person.error} onRetry={() => void person.refetch()} />
      ) : (
        <PersonEditor key={person.data.id} person={person.data} />
      )}
    </>
  );
}

/** A save refused because someone else saved first. */
interface Conflict {
  base: PersonDto;
  mine: PersonFields;
  current: PersonDto;
  reloaded: boolean;
}

function PersonEditor({ person }: { person: PersonDto }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<PersonFormValues>();
  // The version the form was filled from; a background refetch of the page must not move it.
  const [base, setBase] = useState(person);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const picked = useRef<Record<string, string>>({});
  const update = useMutation({
    mutationFn: (body: PersonFields) => personsApi.update(base.id, { ...body, version: base.version }),
  });

  // After "reload with the current values" the form starts again from the new base.
  const filledFrom = useRef(base);
  useEffect(() => {
    if (filledFrom.current !== base) {
      filledFrom.current = base;
      form.resetFields();
    }
  }, [base, form]);

  const unitLabels = {
    ...unitLabelsOf(base),
    ...(conflict ? unitLabelsOf(conflict.current) : {}),
    ...picked.current,
  };

  const save = async (fields: PersonFields) => {
    setFailure(null);
    try {
      const saved = await update.mutateAsync(fields);
      rememberSavedPerson(queryClient, saved);
      void message.success(t('persons.form.saved'));
      void navigate({ to: '/persons/$id', params: { id: saved.id } });
    } catch (error) {
      const current = conflictCurrentOf(error);
      if (current) {
        setConflict({ base, mine: fields, current, reloaded: false });
        queryClient.setQueryData(personQueries.detail(current.id).queryKey, current);
        return;
      }
      if (!applyServerErrors(form, error, {}, personFieldOf(form.getFieldValue('yearOnly')))) setFailure(error);
    }
  };

  return (
    <PersonForm
      form={form}
      initialValues={formValuesOf(base)}
      knownUnits={unitLabels}
      onFinish={(values) => void save(toPersonFields(values))}
      onUnitPicked={(choice) => {
        picked.current[choice.code] = choice.label;
      }}
      submitLabel={t('common.save')}
      submitting={update.isPending}
      // Saving again with the old version would only be refused again: reload first.
      submitDisabled={conflict !== null && !conflict.reloaded}
      onCancel={() => void navigate({ to: '/persons/$id', params: { id: base.id } })}
    >
      {conflict ? (
        <ConflictPanel
          {...conflict}
          unitLabels={unitLabels}
          onReload={() => {
            setBase(conflict.current);
            setConflict({ ...conflict, reloaded: true });
          }}
          onDismiss={() => setConflict(null)}
        />
      ) : null}
      {failure ? (
        <FormPanel>
          <ApiErrorAlert error={failure} />
        </FormPanel>
      ) : null}
    </PersonForm>
  );
}
