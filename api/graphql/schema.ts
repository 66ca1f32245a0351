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
import { AssignmentResolver } from './resolvers/support/assignments.resolver.js';
import { SupportEventResolver } from './resolvers/support/events.resolver.js';
import { MmcResolver } from './resolvers/support/mmc.resolver.js';
import { SupportOrderResolver } from './resolvers/support/orders.resolver.js';
import { PartnershipResolver, SchoolReferenceResolver } from './resolvers/support/partnerships.resolver.js';
import { WorkingGroupResolver } from './resolvers/support/working-groups.resolver.js';
import { ActivityReportResolver } from './resolvers/support/activity-reports.resolver.js';
import { BestPracticeResolver } from './resolvers/support/best-practices.resolver.js';
import { DiagnosticResolver } from './resolvers/support/diagnostics.resolver.js';
import { ExecutionSummaryResolver } from './resolvers/support/execution-summary.resolver.js';
import { SchoolDocumentResolver } from './resolvers/support/documents.resolver.js';
import { MeasureResolver } from './resolvers/support/measures.resolver.js';
import { MonitoringResolver } from './resolvers/support/monitoring.resolver.js';
import { RoadmapActivityResolver, RoadmapResolver } from './resolvers/support/roadmap.resolver.js';
import { SupportEffectResolver } from './resolvers/support/support-effect.resolver.js';

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
  RoadmapResolver,
  MonitoringResolver,
  // dashboards over many places (issue 13 item 6)
  ExecutionSummaryResolver,
  RoadmapActivityResolver,
  // the school's work (issue 12 items 2 and 7)
  SchoolDocumentResolver,
  MeasureResolver,
  DiagnosticResolver,
  ActivityReportResolver,
  BestPracticeResolver,
  // the organisation of support (SUPPORT-V1 §1): orders, working groups, assignments, ММЦ, partnerships, events
  SupportOrderResolver,
  WorkingGroupResolver,
  AssignmentResolver,
  MmcResolver,
  PartnershipResolver,
  SchoolReferenceResolver,
  SupportEventResolver,
  // the effect of support (SUPPORT-V1 §6, issue 13 item 3)
  SupportEffectResolver,
] as const;

export function buildApiSchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers: RESOLVERS, validate: false });
}

/** The SDL committed as schema/schema.graphql (sorted, so the diff of a change is readable). */
export function printApiSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
