import { describe, expect, it } from 'vitest';
import { wouldCreateCycle } from '../src/index';

const teams = [
  { id: 'sales', parentId: null, leaderId: null },
  { id: 'na', parentId: 'sales', leaderId: null },
  { id: 'na-mid', parentId: 'na', leaderId: null },
  { id: 'emea', parentId: 'sales', leaderId: null },
];

describe('wouldCreateCycle', () => {
  it('refuses a team under itself or under any team below it', () => {
    expect(wouldCreateCycle({ teamId: 'na', newParentId: 'na', teams })).toBe(true);
    expect(wouldCreateCycle({ teamId: 'na', newParentId: 'na-mid', teams })).toBe(true);
    expect(wouldCreateCycle({ teamId: 'sales', newParentId: 'na-mid', teams })).toBe(true);
  });

  it('allows a move sideways, up, or to the top level', () => {
    expect(wouldCreateCycle({ teamId: 'na-mid', newParentId: 'emea', teams })).toBe(false);
    expect(wouldCreateCycle({ teamId: 'na-mid', newParentId: 'sales', teams })).toBe(false);
    expect(wouldCreateCycle({ teamId: 'na', newParentId: null, teams })).toBe(false);
  });
});
