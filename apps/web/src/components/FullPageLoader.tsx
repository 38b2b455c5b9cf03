import { Center, Loader } from '@mantine/core';

export function FullPageLoader({ label }: { label: string }) {
  return (
    <Center h="100dvh">
      <Loader aria-label={label} />
    </Center>
  );
}
