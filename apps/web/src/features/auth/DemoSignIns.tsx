import { Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import type { DemoSignInsResponse } from '@rightly/core';
import classes from './DemoSignIns.module.css';

type DemoSignIn = DemoSignInsResponse['signIns'][number];

interface DemoSignInsProps {
  signIns: DemoSignIn[];
  onPick: (signIn: DemoSignIn) => void;
}

/** Only shown when the server holds the demo organization, so a real install never lists these. */
export function DemoSignIns({ signIns, onPick }: DemoSignInsProps) {
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      component="section"
      aria-labelledby="demo-sign-ins-title"
      style={{ alignSelf: 'start' }}
    >
      <Text id="demo-sign-ins-title" fw={600} size="sm">
        Demo sign-ins
      </Text>
      <Text size="xs" c="dimmed" mb="xs">
        Click one to fill the form.
      </Text>
      <Stack gap={2}>
        {signIns.map((signIn) => (
          <UnstyledButton
            key={signIn.email}
            className={classes.option}
            onClick={() => onPick(signIn)}
            aria-label={`Fill in ${signIn.email}, ${signIn.role}`}
          >
            <Text size="sm" fw={500} className={classes.email}>
              {signIn.email}
            </Text>
            <Text size="xs" c="dimmed">
              {signIn.role}
            </Text>
          </UnstyledButton>
        ))}
      </Stack>
    </Paper>
  );
}
