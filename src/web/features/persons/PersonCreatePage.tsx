import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { App, Form } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../auth/session';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { applyServerErrors } from '../../components/form-errors';
import { PageHeader } from '../../components/PageHeader';
import { DuplicatesPanel } from './DuplicatesPanel';
import { FormPanel } from './FormPanel';
import { PersonForm } from './PersonForm';
import { blankFormValues, type PersonFields, type PersonFormValues, personFieldOf, toPersonFields } from './person-form';
import { type DuplicateCandidate, duplicateCandidatesOf, personsApi, rememberSavedPerson } from './persons-api';

/** A 409 PERSON_POSSIBLE_DUPLICATE: the candidates, and the fields that produced them. */
interface Duplicates {
  candidates: DuplicateCandidate[];
  fields: PersonFields;
}

/**
 * /persons/new: registers a person and opens the management file. When the server finds
 * possible duplicates nothing is saved: the officer looks at them first, and only then may save
 * anyway ("Đây là người khác, vẫn lưu", `confirmNotDuplicate`).
 */
export function PersonCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const [form] = Form.useForm<PersonFormValues>();
  // A commune officer registers the people of the own commune, nearly always.
  const ownCommune = user?.roles.includes('commune_officer') ? user.unit : null;
  const [initialValues] = useState(() => blankFormValues(ownCommune?.code));
  const [duplicates, setDuplicates] = useState<Duplicates | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const create = useMutation({ mutationFn: personsApi.create });

  const save = async (fields: PersonFields, confirmNotDuplicate: boolean) => {
    setFailure(null);
    try {
      const saved = await create.mutateAsync({ ...fields, confirmNotDuplicate });
      rememberSavedPerson(queryClient, saved);
      void message.success(t('persons.form.created'));
      void navigate({ to: '/persons/$id', params: { id: saved.id } });
    } catch (error) {
      const candidates = duplicateCandidatesOf(error);
      if (candidates) {
        setDuplicates({ candidates, fields });
        return;
      }
      setDuplicates(null);
      if (!applyServerErrors(form, error, {}, personFieldOf(form.getFieldValue('yearOnly')))) setFailure(error);
    }
  };

  return (
    <>
      <PageHeader title={t('persons.form.createTitle')} lead={t('persons.form.createLead')} />
      <PersonForm
        form={form}
        initialValues={initialValues}
        knownUnits={ownCommune ? { [ownCommune.code]: `${ownCommune.fullName} (${ownCommune.code})` } : undefined}
        onFinish={(values) => void save(toPersonFields(values), false)}
        // The candidates were found for what was typed then; a change may find others.
        onEdited={() => setDuplicates(null)}
        submitLabel={t('persons.form.create')}
        submitting={create.isPending && !duplicates}
        submitDisabled={duplicates !== null}
        onCancel={() => void navigate({ to: '/persons' })}
      >
        {duplicates ? (
          <DuplicatesPanel
            candidates={duplicates.candidates}
            saving={create.isPending}
            onConfirm={() => void save(duplicates.fields, true)}
            onDismiss={() => setDuplicates(null)}
          />
        ) : null}
        {failure ? (
          <FormPanel>
            <ApiErrorAlert error={failure} />
          </FormPanel>
        ) : null}
      </PersonForm>
    </>
  );
}
