import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError, isApiError } from '../../lib/api/api-error';
import { adoptTemplate, useStoreExpectation, type Expectation } from './expectations-api';
import { ScopeField, scopeOfValue, type ScopeValue } from './ScopeField';

export interface TemplateInfo {
  key: string;
  name: string;
  why: string;
}

interface AdoptTemplateModalProps {
  template: TemplateInfo | null;
  today: string;
  onClose: () => void;
  onAdopted: (expectation: Expectation) => void;
}

/** One click from the playbook: pick who it is for (all reps unless changed), then adjust in the editor. */
export function AdoptTemplateModal({ template, today, onClose, onAdopted }: AdoptTemplateModalProps) {
  return (
    <Modal opened={template !== null} onClose={onClose} title={template ? `Adopt “${template.name}”` : ''} size="lg">
      {template ? (
        <AdoptForm key={template.key} template={template} today={today} onClose={onClose} onAdopted={onAdopted} />
      ) : null}
    </Modal>
  );
}

function AdoptForm({
  template,
  today,
  onClose,
  onAdopted,
}: Omit<AdoptTemplateModalProps, 'template'> & { template: TemplateInfo }) {
  const [scope, setScope] = useState<ScopeValue>({ scopeKind: 'role', role: 'rep', repId: null, teamId: null });
  const [startsOn, setStartsOn] = useState(today);
  const [tried, setTried] = useState(false);
  const store = useStoreExpectation();
  const adopt = useMutation({
    mutationFn: () => {
      const chosen = scopeOfValue(scope);
      if (!chosen) throw new Error('Choose who it is for.');
      return adoptTemplate(template.key, { scope: chosen, ...(startsOn ? { startsOn } : {}) });
    },
    onSuccess: (expectation) => {
      store(expectation);
      onAdopted(expectation);
    },
  });
  const missing = tried && scopeOfValue(scope) === null;
  const fieldError = (field: string) => (isApiError(adopt.error) ? adopt.error.messageFor(field) : undefined);

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        setTried(true);
        if (scopeOfValue(scope)) adopt.mutate();
      }}
    >
      <Stack gap="md">
        <Text size="sm">{template.why}</Text>
        <ScopeField
          value={scope}
          onChange={setScope}
          errors={{
            scope: fieldError('scope'),
            teamId: missing && scope.scopeKind === 'team' ? 'choose a team' : fieldError('scope.teamId'),
            repId: missing && scope.scopeKind === 'rep' ? 'choose a rep' : fieldError('scope.repId'),
          }}
        />
        <TextInput
          type="date"
          label="Starts on"
          value={startsOn}
          onChange={(event) => setStartsOn(event.currentTarget.value)}
          error={fieldError('startsOn')}
          w={{ base: '100%', xs: 220 }}
        />
        <Text size="xs" c="dimmed">
          The target is suggested from the reps’ own history. The editor opens next, to adjust it.
        </Text>
        {adopt.isError ? (
          <Alert color="red" variant="light" title="The template was not adopted" role="alert">
            {describeError(adopt.error)}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={adopt.isPending}>
            Cancel
          </Button>
          <Button type="submit" loading={adopt.isPending}>
            Adopt and edit
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
