import { OFFICIAL_REGIONS } from '../schema/regions.js';

/**
 * The 85 субъекты РФ with their two-digit codes and a rough number of general-education schools
 * (order of magnitude of the real counts: the national scale is scaled to 40 000 from these).
 */
export interface RegionSource {
  readonly code: string;
  readonly name: string;
  readonly schools: number;
  /** Share of students whose home language is not Russian, for the context indicators. */
  readonly nonNative: number;
}

/** [code, schools, share of non-native speakers]; names are the official ones (schema/regions.ts). */
type Row = readonly [code: string, schools: number, nonNative?: number];

const ROWS: readonly Row[] = [
  ['01', 150, 0.15],
  ['02', 1500, 0.25],
  ['03', 500, 0.12],
  ['04', 180, 0.2],
  ['05', 1500, 0.6],
  ['06', 130, 0.6],
  ['07', 300, 0.45],
  ['08', 190, 0.2],
  ['09', 190, 0.35],
  ['10', 200],
  ['11', 320, 0.05],
  ['12', 280, 0.1],
  ['13', 300, 0.08],
  ['14', 650, 0.3],
  ['15', 200, 0.3],
  ['16', 1300, 0.2],
  ['17', 190, 0.65],
  ['18', 600, 0.08],
  ['19', 220, 0.05],
  ['20', 500, 0.7],
  ['21', 400, 0.2],
  ['22', 1000],
  ['23', 1150],
  ['24', 950],
  ['25', 550],
  ['26', 600, 0.06],
  ['27', 400],
  ['28', 330],
  ['29', 400],
  ['30', 250, 0.1],
  ['31', 550],
  ['32', 480],
  ['33', 350],
  ['34', 900],
  ['35', 400],
  ['36', 800],
  ['37', 250],
  ['38', 900],
  ['39', 240],
  ['40', 300],
  ['41', 100],
  ['42', 600],
  ['43', 500],
  ['44', 300],
  ['45', 450],
  ['46', 550],
  ['47', 350],
  ['48', 300],
  ['49', 40],
  ['50', 1300],
  ['51', 170],
  ['52', 800],
  ['53', 200],
  ['54', 900],
  ['55', 800],
  ['56', 900, 0.06],
  ['57', 300],
  ['58', 500],
  ['59', 800],
  ['60', 200],
  ['61', 1100],
  ['62', 350],
  ['63', 650],
  ['64', 750],
  ['65', 150],
  ['66', 1000],
  ['67', 300],
  ['68', 300],
  ['69', 450],
  ['70', 320],
  ['71', 400],
  ['72', 500],
  ['73', 400, 0.08],
  ['74', 900],
  ['75', 500],
  ['76', 300],
  ['77', 700],
  ['78', 700],
  ['79', 60],
  ['83', 30, 0.08],
  ['86', 300],
  ['87', 50, 0.15],
  ['89', 150, 0.1],
  ['91', 550, 0.1],
  ['92', 70],
];

const NAMES: ReadonlyMap<string, string> = new Map(OFFICIAL_REGIONS.map((r) => [r.code, r.name]));

export const REGIONS: readonly RegionSource[] = ROWS.map(([code, schools, nonNative]) => ({
  code,
  name: NAMES.get(code) ?? code,
  schools,
  nonNative: nonNative ?? 0.03,
}));

/** Cities of federal significance: every municipality there is an urban district. */
export const CITY_REGIONS: ReadonlySet<string> = new Set(['77', '78', '92']);
