import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { on, stubApi } from '../../test/fake-api';
import { communeOfficer, PERSON } from '../../test/person-fixtures';
import { renderApp } from '../../test/render-app';

describe('PersonDocumentsTab', () => {
  it('lists the file’s documents with Vietnamese dates and sizes, and shows the latest photo', async () => {
    stubApi([
      communeOfficer(),
      on(`/api/persons/${PERSON.id}`, PERSON),
      on(`/api/persons/${PERSON.id}/attachments`, {
        items: [
          {
            id: 'a2',
            kind: 'document',
            fileName: 'Quyết định quản lý (thử).pdf',
            mediaType: 'application/pdf',
            sizeBytes: 2_500_000,
            uploadedAt: '2026-03-12T02:15:00.000Z',
            uploadedByUsername: 'xa.badinh',
          },
          {
            id: 'a1',
            kind: 'photo',
            fileName: 'anh.png',
            mediaType: 'image/png',
            sizeBytes: 2048,
            uploadedAt: '2026-03-01T02:00:00.000Z',
            uploadedByUsername: 'xa.badinh',
          },
        ],
      }),
    ]);
    renderApp(`/persons/${PERSON.id}?tab=documents`);

    const row = (await screen.findByText('Quyết định quản lý (thử).pdf')).closest('tr');
    if (!row) throw new Error('no row');
    expect(within(row).getByText('2.4 MB')).toBeTruthy();
    expect(within(row).getByText('12/03/2026 09:15')).toBeTruthy();
    expect(screen.getByAltText('Ảnh chân dung').getAttribute('src')).toBe(`/api/persons/${PERSON.id}/attachments/a1`);
    expect(screen.getByTestId('attachment-upload')).toBeTruthy();
  });
});
