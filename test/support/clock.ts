/**
 * The instant the test demo organization is seeded at and the tests' clock stands still at:
 * a Friday afternoon in New York, the demo org's time zone.
 */
export const TEST_NOW = new Date('2026-11-27T20:00:00Z');
