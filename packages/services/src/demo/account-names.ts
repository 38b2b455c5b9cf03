import type { SeededRandom } from '@rightly/core';

const FIRST = [
  'Northwind',
  'Bluebird',
  'Cedar',
  'Harbor',
  'Summit',
  'Ironwood',
  'Silver',
  'Granite',
  'Maple',
  'Redwood',
  'Beacon',
  'Falcon',
  'Atlas',
  'Orchid',
  'Polar',
  'Copper',
  'Evergreen',
  'Lakeside',
  'Pioneer',
  'Sterling',
  'Aurora',
  'Crescent',
  'Juniper',
  'Meridian',
  'Oakridge',
  'Riverbend',
  'Sapphire',
  'Tidewater',
  'Vantage',
  'Willow',
];
const SECOND = [
  'Logistics',
  'Health',
  'Foods',
  'Analytics',
  'Energy',
  'Robotics',
  'Capital',
  'Retail',
  'Pharma',
  'Media',
  'Labs',
  'Freight',
  'Insurance',
  'Telecom',
  'Aerospace',
  'Textiles',
  'Biotech',
  'Motors',
  'Hospitality',
  'Software',
];
const THIRD = ['Group', 'Inc.', 'GmbH', 'Ltd', 'AG', 'Partners', 'Holdings', 'S.A.', 'Co.', 'BV'];

/** A plausible company name; a counter keeps names unique across the whole demo org. */
export function createAccountNamer(rng: SeededRandom): () => string {
  const used = new Set<string>();
  return () => {
    const name = `${rng.pick(FIRST)} ${rng.pick(SECOND)} ${rng.pick(THIRD)}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
    let n = 2;
    while (used.has(`${name} ${n}`)) n++;
    used.add(`${name} ${n}`);
    return `${name} ${n}`;
  };
}
