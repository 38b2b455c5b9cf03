import type { AuditAction, Expectation, Viewer } from '@rightly/core';
import type { Database } from '@rightly/db';
import { recordOrgAudit } from '../audit/record-audit';

type ExpectationAction = Extract<
  AuditAction,
  'expectation_created' | 'expectation_updated' | 'expectation_ended' | 'expectation_template_adopted'
>;

const VERBS: Record<ExpectationAction, string> = {
  expectation_created: 'created',
  expectation_updated: 'changed',
  expectation_ended: 'ended',
  expectation_template_adopted: 'adopted from a playbook template',
};

/** What the expectation asks, without its bookkeeping (id, timestamps): the before/after of the entry. */
function terms(e: Expectation): Record<string, unknown> {
  const { id: _id, createdAt: _created, updatedAt: _updated, ...rest } = e;
  return rest;
}

/**
 * Records an expectation change with the terms before and after. The entry is about the rep
 * when the expectation is for one rep (so the rep's leaders see it too); org-wide otherwise.
 */
export async function auditExpectation(
  db: Database,
  params: { viewer: Viewer; action: ExpectationAction; before: Expectation | null; after: Expectation; at: Date },
): Promise<void> {
  const { after } = params;
  await recordOrgAudit(db, {
    orgId: params.viewer.orgId,
    actorId: params.viewer.userId,
    action: params.action,
    subjectId: after.scope.kind === 'rep' ? after.scope.repId : null,
    at: params.at,
    summary: `Expectation "${after.name}" ${VERBS[params.action]}`,
    details: {
      expectationId: after.id,
      scope: after.scope,
      before: params.before ? terms(params.before) : null,
      after: terms(after),
    },
  });
}
