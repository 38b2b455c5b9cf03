import type { ExpectationInput } from '@rightly/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { lintExpectation } from './expectations-api';

export const LINT_DEBOUNCE_MS = 400;

/**
 * Advice on the expectation as it is being written, e.g. "counting calls instead of first
 * meetings". Asked of the server (which knows the other expectations) a moment after typing stops,
 * only while the form is complete; the last advice stays up while the next is on its way.
 */
export function useExpectationLint(body: ExpectationInput | null, id: string | undefined, enabled: boolean) {
  const json = body ? JSON.stringify(body) : null;
  const [debounced] = useDebouncedValue(json, LINT_DEBOUNCE_MS);
  return useQuery({
    queryKey: ['expectation-lint', id ?? 'new', debounced],
    queryFn: ({ signal }) => lintExpectation(JSON.parse(debounced as string) as ExpectationInput, id, signal),
    enabled: enabled && debounced !== null,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    retry: false,
  });
}
