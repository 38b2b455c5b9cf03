import PDFDocument from 'pdfkit';
import { AppError, ladderStepLabel, type CoachingPlan, type Viewer } from '@rightly/core';
import { listCoachingPlans } from '@rightly/db';
import type { ServiceDeps } from '../deps';
import { loadCoachingContext, recordAudit, requireCoach, requireVisibleRep } from './coaching-context';
import { getCoachingPlan } from './get-coaching-plan';
import { getLadder } from './ladder';

export interface PlanPdf {
  fileName: string;
  pdf: Buffer;
  plan: CoachingPlan;
}

/**
 * A coaching plan with its whole history — focus, evidence, goals, sessions with notes (private
 * ones included: this is for HR), commitments, the measured effect and the ladder steps — as a
 * PDF. Leaders above the rep and admins only; every export is audited. Give the plan's id, or a
 * rep's id or e-mail for their latest plan.
 */
export async function exportCoachingPlanPdf(
  deps: ServiceDeps,
  input: { viewer: Viewer; planId?: string; repId?: string },
): Promise<PlanPdf> {
  const { viewer } = input;
  const ctx = await loadCoachingContext(deps, viewer);
  let planId = input.planId;
  if (!planId && input.repId) {
    const needle = input.repId.trim().toLowerCase();
    const byEmail = ctx.visibleReps.find((r) => r.email === needle);
    const rep = requireVisibleRep(ctx, byEmail?.id ?? input.repId);
    const [latest] = await listCoachingPlans(deps.db, { orgId: ctx.org.id, repIds: [rep.id] });
    if (!latest) throw new AppError({ code: 'not_found', message: `${rep.name} has no coaching plan.` });
    planId = latest.id;
  }
  if (!planId) throw new AppError({ code: 'bad_request', message: 'Name a coaching plan or a rep.' });
  const plan = await getCoachingPlan(deps, { viewer, id: planId });
  requireCoach(ctx, 'exports a coaching plan');
  const ladder = await getLadder(deps, { viewer, repId: plan.repId });
  const pdf = await renderPlanPdf(plan, ladder.steps, { org: ctx.org.name, generatedAt: deps.now() });
  await recordAudit(deps.db, ctx, {
    action: 'export_pdf',
    subjectId: plan.repId,
    at: deps.now(),
    summary: `Coaching plan of ${plan.repName} exported as PDF`,
    details: { planId: plan.id },
  });
  const slug =
    plan.repName
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'rep';
  return { fileName: `coaching-plan-${slug}-${plan.startedOn}.pdf`, pdf, plan };
}

const RIGHT_NAMES = { thing: 'the right thing', way: 'the right way', time: 'the right time' } as const;

function renderPlanPdf(
  plan: CoachingPlan,
  steps: {
    step: 'coach' | 'role_outside_sales' | 'replace';
    reason: string;
    takenAt: string;
    takenByName: string | null;
  }[],
  meta: { org: string; generatedAt: Date },
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: 50,
      info: { Title: `Coaching plan: ${plan.repName}`, Author: meta.org, Creator: 'Rightly' },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    const heading = (text: string) => doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).text(text).moveDown(0.2);
    const body = (text: string) => doc.font('Helvetica').fontSize(10).text(text);
    const bullet = (text: string) => doc.font('Helvetica').fontSize(10).text(`•  ${text}`, { indent: 10 });

    doc.font('Helvetica-Bold').fontSize(18).text(`Coaching plan: ${plan.repName}`);
    body(`${meta.org}${plan.teamName ? ` · ${plan.teamName}` : ''}`);
    body(`Generated ${meta.generatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC by Rightly`);
    heading('Plan');
    body(`Started ${plan.startedOn} by ${plan.leaderName ?? 'unknown'}; review on ${plan.reviewOn}.`);
    body(`Status: ${plan.status}${plan.outcome ? `, outcome ${plan.outcome}` : ''}.`);
    if (plan.outcomeNote) body(`Outcome note: ${plan.outcomeNote}`);
    body(`Focus: ${plan.focus.map((r) => RIGHT_NAMES[r]).join(', ') || 'none'}.`);
    if (plan.evidence.length > 0) {
      heading('Evidence when the plan started');
      plan.evidence.forEach(bullet);
    }
    if (plan.goals.length > 0) {
      heading('Goals');
      plan.goals.forEach((g) => bullet(g.expectationName ? `${g.text} (${g.expectationName})` : g.text));
    }
    heading(`Sessions (${plan.sessions.length})`);
    if (plan.sessions.length === 0) body('No sessions yet.');
    for (const s of plan.sessions) {
      doc
        .moveDown(0.3)
        .font('Helvetica-Bold')
        .fontSize(11)
        .text(`${s.heldOn}${s.createdByName ? ` with ${s.createdByName}` : ''}`);
      if (s.agenda.length > 0) {
        body('Agenda:');
        s.agenda.forEach(bullet);
      }
      body(`Notes${s.privateToLeaders ? ' (private to leaders)' : ''}: ${s.notes ?? ''}`);
    }
    heading(`Commitments (${plan.commitments.length})`);
    if (plan.commitments.length === 0) body('No commitments.');
    for (const c of plan.commitments) {
      bullet(`${c.text} — ${c.ownerName}, due ${c.dueOn}, ${c.doneAt ? `done ${c.doneAt.slice(0, 10)}` : 'open'}`);
    }
    if (plan.effect) {
      heading('Measured effect (against the team over the same weeks)');
      body(plan.effect.sentence);
      for (const m of plan.effect.metrics) {
        bullet(
          `${m.name}: rep ${m.before ?? '–'} → ${m.during ?? '–'}, team ${m.teamBefore ?? '–'} → ${m.teamDuring ?? '–'}, effect ${m.effect ?? '–'}`,
        );
      }
    }
    heading('Consequence ladder');
    if (steps.length === 0) body('No steps on record: coaching and development.');
    for (const s of steps)
      bullet(`${s.takenAt.slice(0, 10)} ${ladderStepLabel(s.step)} (${s.takenByName ?? 'unknown'}): ${s.reason}`);
    doc.end();
  });
}
