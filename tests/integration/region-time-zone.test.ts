import { describe, expect, it } from 'vitest';
import { dataOf, graphql } from '../support/graphql-client.js';
import { serverAndDatabase } from '../support/server.js';

const { server, db } = serverAndDatabase();

/** Every way the API yields a Region carries its time zone, as stored (region.time_zone). */
describe('Region.timeZone', () => {
  it('is the stored zone on every path that yields a region', async () => {
    const stored = new Map(
      (await db.query<{ code: string; tz: string }>(`select code, time_zone as tz from region`)).rows.map(
        (r) => [r.code, r.tz],
      ),
    );
    expect(new Set(stored.values()).size).toBeGreaterThan(1); // the demo's regions are not all on Moscow time
    type Place = { code: string; timeZone: string };
    const data = dataOf(
      await graphql(
        server.url,
        `
          {
            regions(first: 10) {
              nodes {
                code
                timeZone
              }
            }
            region(code: "56") {
              code
              timeZone
            }
            schools(first: 5) {
              nodes {
                municipality {
                  region {
                    code
                    timeZone
                  }
                }
              }
            }
            vprStatistics(groupBy: [REGION], filter: { years: [2026] }) {
              nodes {
                region {
                  code
                  timeZone
                }
              }
            }
            giaStatistics(exam: OGE, groupBy: [REGION], filter: { years: [2026] }) {
              nodes {
                region {
                  code
                  timeZone
                }
              }
            }
            shnorSummary(year: 2026) {
              rows {
                region {
                  code
                  timeZone
                }
              }
            }
            riskFactorSummary(year: 2026) {
              rows {
                region {
                  code
                  timeZone
                }
              }
            }
          }
        `,
      ),
    ) as {
      regions: { nodes: Place[] };
      region: Place;
      schools: { nodes: { municipality: { region: Place } }[] };
      vprStatistics: { nodes: { region: Place }[] };
      giaStatistics: { nodes: { region: Place }[] };
      shnorSummary: { rows: { region: Place }[] };
      riskFactorSummary: { rows: { region: Place }[] };
    };
    const seen: Place[] = [
      ...data.regions.nodes,
      data.region,
      ...data.schools.nodes.map((n) => n.municipality.region),
      ...data.vprStatistics.nodes.map((n) => n.region),
      ...data.giaStatistics.nodes.map((n) => n.region),
      ...data.shnorSummary.rows.map((r) => r.region),
      ...data.riskFactorSummary.rows.map((r) => r.region),
    ];
    expect(seen.length).toBeGreaterThan(10);
    for (const place of seen) expect(place.timeZone, place.code).toBe(stored.get(place.code));
  });
});
