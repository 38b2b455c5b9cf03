import type { OwnerRef } from '../records';
import { normalizeValue } from './text';

const EMAIL = /[^\s<>()"',;]+@[^\s<>()"',;]+\.[^\s<>()"',;]+/;

/**
 * Reads an owner cell: "Jane Doe", "jane@acme.com", "Jane Doe <jane@acme.com>" or
 * "Jane Doe (jane@acme.com)", as Salesforce, HubSpot and Pipedrive write them.
 */
export function parseOwnerRef(raw: string): OwnerRef {
  const match = EMAIL.exec(raw);
  const email = match ? match[0].toLowerCase() : null;
  const name = (match ? raw.replace(match[0], '') : raw)
    .replace(/[<>()"]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return { raw, name: name === '' ? null : name, email };
}

/** The form owner names are matched in: case, accents and spacing ignored. */
export function ownerNameKey(name: string): string {
  return normalizeValue(name);
}
