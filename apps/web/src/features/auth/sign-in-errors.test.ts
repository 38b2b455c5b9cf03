import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api/api-error';
import { signInErrorsFrom } from './sign-in-errors';

const validation = (fieldErrors: { field: string; message: string }[]) =>
  new ApiError({ status: 400, code: 'validation_failed', title: 'invalid', detail: 'summary', fieldErrors });

describe('signInErrorsFrom', () => {
  it('puts each field error under its input, as a sentence after the label', () => {
    expect(
      signInErrorsFrom(
        validation([
          { field: 'email', message: 'must be an e-mail address like name@company.com' },
          { field: 'password', message: 'is required' },
        ]),
      ),
    ).toEqual({ email: 'E-mail must be an e-mail address like name@company.com', password: 'Password is required' });
  });

  it('shows the detail above the form for wrong credentials', () => {
    const wrong = new ApiError({
      status: 401,
      code: 'invalid_credentials',
      title: 'E-mail or password is wrong',
      detail: 'The e-mail or the password is wrong, or the account is deactivated.',
    });
    expect(signInErrorsFrom(wrong)).toEqual({
      form: 'The e-mail or the password is wrong, or the account is deactivated.',
    });
  });

  it('does not drop an error for a field the form has no input for', () => {
    expect(signInErrorsFrom(validation([{ field: 'body', message: 'is not an object' }]))).toEqual({
      form: 'body: is not an object',
    });
  });

  it('has nothing to show before a failed attempt', () => {
    expect(signInErrorsFrom(null)).toEqual({});
  });
});
