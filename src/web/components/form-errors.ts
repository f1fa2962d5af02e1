import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';

/**
 * Puts a server refusal next to the field it concerns: the field named in each VALIDATION_FAILED
 * issue (`["body", "username"]`), or the field `codeFields` names for an error code
 * (`USERNAME_TAKEN` → `username`). Returns false when no field fits, so the caller shows the
 * error as a whole instead.
 */
export function applyServerErrors(form: FormInstance, error: unknown, codeFields: Record<string, string> = {}): boolean {
  if (!(error instanceof ApiError)) return false;
  const known = new Set(Object.keys(form.getFieldsValue() as Record<string, unknown>));
  const byField = new Map<string, string[]>();
  const add = (field: string, message: string) => byField.set(field, [...(byField.get(field) ?? []), message]);

  if (error.code === 'VALIDATION_FAILED') {
    for (const issue of error.issues) {
      const [where, field] = issue.path;
      if (where === 'body' && typeof field === 'string' && known.has(field)) add(field, issue.message);
      else return false;
    }
  } else {
    const field = codeFields[error.code];
    if (field) add(field, error.message);
  }
  if (byField.size === 0) return false;
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return true;
}
