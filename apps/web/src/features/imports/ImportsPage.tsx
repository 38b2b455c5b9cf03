import { Alert, Stack } from '@mantine/core';
import { useState } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { useSignedInUser } from '../auth/signed-in-user';
import { ImportHistory } from './ImportHistory';
import { useImport } from './imports-api';
import { ImportResult } from './ImportResult';
import { NewImport } from './NewImport';

/** Admins bring CRM exports in here; everyone else is told who can. */
export function ImportsPage() {
  const me = useSignedInUser();
  const [shownId, setShownId] = useState<string | null>(null);
  // A check of the whole file finds owners beyond the previewed rows: offer a choice for them too.
  const shown = useImport(shownId);

  if (me.user.role !== 'admin') {
    return (
      <>
        <PageHeader title="Imports" description="Bringing CRM data into Rightly." />
        <Alert variant="light" color="blue" title="Imports are for admins">
          Only an admin of {me.organization.name} can import CRM data or see past imports. Ask your admin to load the
          export you need.
        </Alert>
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="Imports"
        description="Exports from Salesforce, HubSpot or Pipedrive, or any CSV with a column mapping. Each import writes all its rows or none; importing a file again changes nothing that is already here."
      />
      <Stack gap="lg">
        <NewImport
          onStarted={setShownId}
          lastRun={
            shown.data ? { fileName: shown.data.fileName, unknownOwners: shown.data.report?.unknownOwners ?? [] } : null
          }
        />
        {shownId ? <ImportResult id={shownId} onClose={() => setShownId(null)} /> : null}
        <ImportHistory shownId={shownId} onShow={setShownId} />
      </Stack>
    </>
  );
}
