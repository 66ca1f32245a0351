import 'reflect-metadata';
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import './enums.js';
import { MunicipalityResolver, RegionResolver } from './resolvers/place.resolver.js';
import { SchoolAnalyticsResolver } from './resolvers/school-analytics.resolver.js';
import { SchoolResolver } from './resolvers/school.resolver.js';
import { AuditResolver } from './resolvers/audit.resolver.js';
import { ImportResolver } from './resolvers/import.resolver.js';
import { DynamicsResolver } from './resolvers/dynamics.resolver.js';
import { MarkersResolver } from './resolvers/markers.resolver.js';
import { RiskResolver } from './resolvers/risk.resolver.js';
import { MethodologyResolver } from './resolvers/methodology.resolver.js';
import {
  PartnerSuggestionResolver,
  PartnerSuggestionsResolver,
} from './resolvers/partner-suggestions.resolver.js';
import { ShnorSummaryResolver } from './resolvers/shnor-summary.resolver.js';
import { ShnorResolver } from './resolvers/shnor.resolver.js';
import { ShnorListEntryResolver, ShnorListResolver } from './resolvers/shnor-list.resolver.js';
import { ShnorListMutationResolver } from './resolvers/shnor-list-mutations.resolver.js';
import { StatisticsResolver } from './resolvers/statistics.resolver.js';

export const RESOLVERS = [
  RegionResolver,
  MunicipalityResolver,
  SchoolResolver,
  StatisticsResolver,
  ShnorResolver,
  ShnorSummaryResolver,
  MethodologyResolver,
  SchoolAnalyticsResolver,
  RiskResolver,
  MarkersResolver,
  DynamicsResolver,
  AuditResolver,
  ImportResolver,
  ShnorListResolver,
  ShnorListEntryResolver,
  ShnorListMutationResolver,
  PartnerSuggestionsResolver,
  PartnerSuggestionResolver,
] as const;

export function buildApiSchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers: RESOLVERS, validate: false });
}

/** The SDL committed as schema/schema.graphql (sorted, so the diff of a change is readable). */
export function printApiSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
