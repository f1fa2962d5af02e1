import { fireEvent, screen } from '@testing-library/react';

/** Types into the input with this data-testid (antd inputs are controlled; a change event is what React sees). */
export async function type(testId: string, value: string) {
  fireEvent.change(await screen.findByTestId(testId), { target: { value } });
}

export async function click(testId: string) {
  fireEvent.click(await screen.findByTestId(testId));
}

export async function logIn(username: string, password: string) {
  await type('login-username', username);
  await type('login-password', password);
  await click('login-submit');
}
