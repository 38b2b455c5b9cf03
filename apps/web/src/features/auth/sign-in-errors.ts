import { isApiError } from '../../lib/api/api-error';

export const SIGN_IN_FIELDS = { email: 'E-mail', password: 'Password' } as const;
type SignInField = keyof typeof SIGN_IN_FIELDS;

export interface SignInErrors {
  email?: string;
  password?: string;
  /** Shown above the form: wrong credentials, a server fault, or a field the form has no input for. */
  form?: string;
}

/**
 * Splits a failed sign-in into what goes under each input and what goes above the form. The
 * server's messages are predicates ("is required"), so they read as a sentence after the label.
 */
export function signInErrorsFrom(error: unknown): SignInErrors {
  if (!error) return {};
  if (!isApiError(error)) return { form: error instanceof Error ? error.message : 'Sign-in failed.' };
  const result: SignInErrors = {};
  const unplaced: string[] = [];
  for (const { field, message } of error.fieldErrors) {
    const name = field.replace(/^body\./, '');
    if (isSignInField(name)) {
      result[name] ??= `${SIGN_IN_FIELDS[name]} ${message}`;
    } else {
      unplaced.push(`${field}: ${message}`);
    }
  }
  if (error.fieldErrors.length === 0) result.form = error.detail;
  else if (unplaced.length > 0) result.form = unplaced.join('; ');
  return result;
}

function isSignInField(name: string): name is SignInField {
  return Object.hasOwn(SIGN_IN_FIELDS, name);
}
