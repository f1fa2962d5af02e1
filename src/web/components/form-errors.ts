import type { FormInstance } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import { ApiError } from '../api/client';

/**
 * Where a body path of a VALIDATION_FAILED issue (`["currentResidence", "unitCode"]`, without the
 * leading `"body"`) is in the form; null when no field of the form shows it.
 */
export type FieldOfPath = (path: readonly (string | number)[]) => NamePath | null;

/**
 * Puts a server refusal next to the field it concerns: the field named in each VALIDATION_FAILED
 * issue (`["body", "username"]`), or the field `codeFields` names for an error code
 * (`USERNAME_TAKEN` → `username`). Forms with nested fields pass `fieldOf`; by default an issue
 * names a top-level field. Returns false when no field fits, so the caller shows the error as a
 * whole instead.
 */
export function applyServerErrors(
  form: FormInstance,
  error: unknown,
  codeFields: Record<string, string> = {},
  fieldOf?: FieldOfPath,
): boolean {
  if (!(error instanceof ApiError)) return false;
  const known = new Set(Object.keys(form.getFieldsValue() as Record<string, unknown>));
  const topLevel: FieldOfPath = ([field]) => (typeof field === 'string' && known.has(field) ? field : null);
  const byField = new Map<string, { name: NamePath; errors: string[] }>();
  const add = (name: NamePath, message: string) => {
    const key = JSON.stringify(name);
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(message);
    byField.set(key, entry);
  };

  if (error.code === 'VALIDATION_FAILED') {
    for (const issue of error.issues) {
      const [where, ...path] = issue.path;
      const name = where === 'body' ? (fieldOf ?? topLevel)(path) : null;
      if (name === null) return false;
      add(name, issue.message);
    }
  } else {
    const field = codeFields[error.code];
    if (field) add(field, error.message);
  }
  if (byField.size === 0) return false;
  form.setFields([...byField.values()]);
  return true;
}
