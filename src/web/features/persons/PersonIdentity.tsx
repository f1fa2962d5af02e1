import type { PersonDto } from '@shared/contracts/persons';
import { Descriptions, type DescriptionsProps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { displayDateTime } from '../../components/format';
import { birthText, countryText } from './person-text';

type Residence = PersonDto['currentResidence'];

/** The "Nhân thân" tab: every field of the record, the ID number included (the officer needs it). */
export function PersonIdentity({ person }: { person: PersonDto }) {
  const { t, i18n } = useTranslation();
  const none = t('common.empty');
  const place = (residence: Residence | null) =>
    residence ? (
      <>
        {residence.address ? <div>{residence.address}</div> : null}
        <div>
          {residence.unit.fullName} <Typography.Text type="secondary">({residence.unit.code})</Typography.Text>
        </div>
      </>
    ) : (
      none
    );

  const items: DescriptionsProps['items'] = [
    { key: 'fullName', label: t('persons.field.fullName'), children: person.fullName },
    { key: 'aliases', label: t('persons.field.aliases'), children: person.aliases.length ? person.aliases.join('; ') : none },
    {
      key: 'personalId',
      label: t('persons.field.personalId'),
      children: person.personalId ? (
        <Typography.Text copyable className="pcmt-id-number" data-testid="person-personal-id-value">
          {person.personalId}
        </Typography.Text>
      ) : (
        none
      ),
    },
    { key: 'oldIdNumber', label: t('persons.field.oldIdNumber'), children: person.oldIdNumber ?? none },
    { key: 'birth', label: t('persons.field.birth'), children: birthText(person.birthDate, person.birthYear) },
    { key: 'sex', label: t('persons.field.sex'), children: t(`persons.sex.${person.sex}`) },
    { key: 'nationality', label: t('persons.field.nationality'), children: countryText(person.nationality, i18n.language) },
    { key: 'ethnicity', label: t('persons.field.ethnicity'), children: person.ethnicity ?? none },
    { key: 'currentResidence', label: t('persons.field.currentResidence'), children: place(person.currentResidence) },
    {
      key: 'hasStableResidence',
      label: t('persons.field.hasStableResidence'),
      children: person.hasStableResidence ? t('persons.yes') : t('persons.no'),
    },
    { key: 'permanentResidence', label: t('persons.field.permanentResidence'), children: place(person.permanentResidence) },
    { key: 'temporaryResidence', label: t('persons.field.temporaryResidence'), children: place(person.temporaryResidence) },
    { key: 'occupation', label: t('persons.field.occupation'), children: person.occupation ?? none },
    { key: 'phone', label: t('persons.field.phone'), children: person.phone ?? none },
    {
      key: 'familyContacts',
      label: t('persons.field.familyContacts'),
      span: 2,
      children: person.familyContacts.length
        ? person.familyContacts.map((contact, index) => (
            // Contacts have no id; their order is the stored order.
            // biome-ignore lint/suspicious/noArrayIndexKey: no other key exists
            <div key={index}>
              {contact.relation}: {contact.name}
              {contact.phone ? ` · ${contact.phone}` : ''}
            </div>
          ))
        : none,
    },
    { key: 'createdAt', label: t('persons.field.createdAt'), children: displayDateTime(person.createdAt) },
    { key: 'updatedAt', label: t('persons.field.updatedAt'), children: displayDateTime(person.updatedAt) },
  ];

  return (
    <Descriptions
      bordered
      size="small"
      column={2}
      items={items}
      styles={{ label: { width: 190 } }}
      data-testid="person-identity"
    />
  );
}
