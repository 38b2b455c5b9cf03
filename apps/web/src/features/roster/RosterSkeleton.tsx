import { Skeleton, Stack } from '@mantine/core';

/** Roughly the shape of the roster, so the page does not jump when it arrives. */
export function RosterSkeleton() {
  return (
    <Stack gap="sm" role="status" aria-busy="true" aria-label="Loading the roster">
      <Skeleton height={16} width="40%" />
      {Array.from({ length: 6 }, (_, index) => (
        <Skeleton key={index} height={44} />
      ))}
    </Stack>
  );
}
