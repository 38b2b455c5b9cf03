/** Rightly's advice on a rep's reporting cadence, as the card and the banner above the tabs show it. */
import { shortensCadence, suggestedReviewOn, type CadenceChoice, type CadenceDraft } from './report-model';
import { type RepCadence } from './reports-api';

/** The form prefilled from Rightly's advice: the leader still reads it and confirms. */
export function draftFromAdvice(cadence: RepCadence, today: string): CadenceDraft | null {
  if (!cadence.advice) return null;
  const backToUsual =
    cadence.advice.action === 'relax' && cadence.advice.to === cadence.usual && cadence.source === 'rep';
  const choice: CadenceChoice = backToUsual ? 'usual' : cadence.advice.to;
  return {
    choice,
    reason: cadence.advice.reason,
    reviewOn: shortensCadence(choice, cadence.usual) ? suggestedReviewOn(today) : '',
  };
}

/** The advice, unless the change it suggests is already set to start. */
export function visibleAdvice(cadence: RepCadence): RepCadence['advice'] {
  if (!cadence.advice) return null;
  if (cadence.upcoming && cadence.upcoming.cadence === cadence.advice.to) return null;
  return cadence.advice;
}

export function findRepCadence(data: { reps: RepCadence[] } | undefined, repId: string): RepCadence | undefined {
  return data?.reps.find((entry) => entry.repId === repId);
}
