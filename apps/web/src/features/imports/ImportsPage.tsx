import { ComingSoon } from '../../components/ComingSoon';
import { PageHeader } from '../../components/PageHeader';

export function ImportsPage() {
  return (
    <>
      <PageHeader title="Imports" description="Bringing CRM data into Rightly." />
      <ComingSoon
        title="No imports yet"
        description="Importing from the web is not part of this release. The data you see now comes from the demo organization or from what an admin loaded on the server."
        willHold={[
          'Uploads of Salesforce, HubSpot and Pipedrive exports, or any CSV with a column mapping',
          'Progress of each import, and errors that name the row and field to fix',
          'A history of past imports; re-running one changes nothing that is already there',
        ]}
      />
    </>
  );
}
