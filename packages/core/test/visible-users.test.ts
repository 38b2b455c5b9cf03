import { describe, expect, it } from 'vitest';
import { teamsInLeaderScope, visibleUserIds, withDescendants, type TeamNode, type Viewer } from '../src/index';

// Sales (lead L0) → Region A (L1) → Team A1 (L2), Team A2 (L3); Region B (L4) → Team B1 (L5)
const teams: TeamNode[] = [
  { id: 'sales', parentId: null, leaderId: 'L0' },
  { id: 'regionA', parentId: 'sales', leaderId: 'L1' },
  { id: 'a1', parentId: 'regionA', leaderId: 'L2' },
  { id: 'a2', parentId: 'regionA', leaderId: 'L3' },
  { id: 'regionB', parentId: 'sales', leaderId: 'L4' },
  { id: 'b1', parentId: 'regionB', leaderId: 'L5' },
];
const memberships = [
  { userId: 'r1', teamId: 'a1' },
  { userId: 'r2', teamId: 'a1' },
  { userId: 'r3', teamId: 'a2' },
  { userId: 'r4', teamId: 'b1' },
];
const viewer = (userId: string, role: Viewer['role']): Viewer => ({ orgId: 'org', userId, role });

describe('who a viewer may see', () => {
  it('gives an admin the whole org', () => {
    expect(visibleUserIds({ viewer: viewer('admin', 'admin'), teams, memberships })).toBe('all');
  });

  it('gives a leader the members of every team below the ones they lead', () => {
    const seen = visibleUserIds({ viewer: viewer('L1', 'leader'), teams, memberships });
    expect(seen).toEqual(new Set(['L1', 'r1', 'r2', 'r3']));
  });

  it('gives a team leader only their own team, not the sibling team', () => {
    const seen = visibleUserIds({ viewer: viewer('L2', 'leader'), teams, memberships });
    expect(seen).toEqual(new Set(['L2', 'r1', 'r2']));
  });

  it('gives the leader of the whole org every rep', () => {
    const seen = visibleUserIds({ viewer: viewer('L0', 'leader'), teams, memberships });
    expect(seen).toEqual(new Set(['L0', 'r1', 'r2', 'r3', 'r4']));
  });

  it('gives a rep only themselves, even when the rep record sits in a team', () => {
    expect(visibleUserIds({ viewer: viewer('r1', 'rep'), teams, memberships })).toEqual(new Set(['r1']));
  });

  it('gives a leader of nothing only themselves', () => {
    expect(visibleUserIds({ viewer: viewer('L9', 'leader'), teams, memberships })).toEqual(new Set(['L9']));
  });

  it('survives a cycle in bad team data', () => {
    const cyclic: TeamNode[] = [
      { id: 'x', parentId: 'y', leaderId: 'L' },
      { id: 'y', parentId: 'x', leaderId: null },
    ];
    expect(teamsInLeaderScope('L', cyclic)).toEqual(new Set(['x', 'y']));
    expect(withDescendants(['x'], cyclic)).toEqual(new Set(['x', 'y']));
  });
});
