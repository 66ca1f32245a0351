/**
 * What a list field without `first` can return at most, for the cost estimate: the domain's real
 * bounds (ВПР: grades 4–8, 10, 11 × their subjects a year; a region's municipalities), generous so
 * that a legitimate query is never refused, tight enough that aliases cannot multiply them unseen.
 * `perYear` applies when the field's `year` argument is given. Lists of a connection (`nodes`,
 * `edges`) are bounded by the connection's `first` instead.
 */
export interface ListBound {
  total: number;
  perYear?: number;
}

export const LIST_BOUNDS: Readonly<Record<string, ListBound>> = {
  'School.vprResults': { total: 400, perYear: 80 },
  'School.ogeResults': { total: 100, perYear: 20 },
  'School.egeResults': { total: 125, perYear: 25 },
  'School.indicators': { total: 600, perYear: 120 },
  'Region.municipalities': { total: 100 },
  'ShnorListDiff.entered': { total: 2_000 },
  'ShnorListDiff.exited': { total: 2_000 },
  'ShnorListDiff.stayed': { total: 2_000 },
  'ShnorListDiff.exitedAfterSupport': { total: 2_000 },
  'ShnorListDiff.stayedDespiteSupport': { total: 2_000 },
  // issue 13 item 5: a school's municipality's roadmaps of a year, its curators and partners over it
  'EntrySupport.roadmapIds': { total: 20 },
  'EntrySupport.curators': { total: 10 },
  'EntrySupport.partners': { total: 10 },
  'EntrySupportDocuments.required': { total: 15 },
  'EntrySupportDocuments.missingRequired': { total: 15 },
  'RiskFactorSummary.rows': { total: 1_000 },
  'ShnorSummary.rows': { total: 1_000 },
  'Query.shnorLists': { total: 200 },
  // METHODOLOGY-V1: 10 risk factors, a few indicators each; markers: 4 kinds × a year's grade-subjects
  'RiskProfile.factors': { total: 10 },
  'RiskFactor.indicators': { total: 10 },
  'ObjectivityMarkerRow.markers': { total: 40 },
  'ObjectivityMarkerRow.cells': { total: 40 },
  'Query.methodologies': { total: 200 },
  // SUPPORT-V1 §4: at most partnerMax, which a request may raise to PARTNER_MAX_LIMIT (analytics/support/partners.ts)
  'PartnerSuggestions.suggestions': { total: 50 },
  // SUPPORT-V1 §1, the organisation of support: a region's ММЦ and their attachments over the
  // years, a working group's members, the schools an event reached (a region's event: many)
  'Query.mmcs': { total: 100 },
  'Mmc.attachments': { total: 200 },
  'WorkingGroup.members': { total: 100 },
  'SupportEvent.schools': { total: 1_000 },
  // The school's work: a document's status records (a few moves a year) and its measures; a practice's tags
  'SchoolDocument.records': { total: 100 },
  'SchoolDocument.measures': { total: 200 },
  'BestPractice.tags': { total: 50 },
  // SUPPORT-V1 §1, §3: a roadmap's activities (seed 001 has 23), an activity's status records and executors
  'Roadmap.activities': { total: 200 },
  'RoadmapActivity.records': { total: 100 },
  'RoadmapActivity.executors': { total: 20 },
  'RoadmapImport.warnings': { total: 200 },
  // A school's ВПР beside its local diagnostics: RU and MA, a year per ВПР or school year, two
  // diagStages, grades 1–11
  'SchoolDiagnosticsDynamics.subjects': { total: 2 },
  'SubjectDiagnosticsDynamics.years': { total: 50 },
  'LocalDiagnosticYear.stages': { total: 2 },
  'LocalDiagnosticYear.grades': { total: 11 },
  'LocalDiagnosticYear.unpairedGrades': { total: 11 },
  'LocalDiagnosticStage.grades': { total: 11 },
  // SUPPORT-V1 §5 of a region: its roadmaps (one per municipality and a few more) and their
  // activities, the schools of its approved list, what they have not reported; per school a
  // roadmap's reportable activities, the required documents (≤ 3 priority risks), RU and MA
  'ExecutionMonitoring.roadmapIds': { total: 500 },
  'ExecutionMonitoring.activityStatuses': { total: 5_000 },
  'ExecutionMonitoring.schools': { total: 500 },
  'ExecutionMonitoring.submissionTracking': { total: 20_000 },
  'MonitoredReports.missing': { total: 100 },
  'MonitoredDocuments.required': { total: 15 },
  'MonitoredDocuments.missingRequired': { total: 15 },
  'MonitoredSchool.curators': { total: 10 },
  'MonitoredSchool.partners': { total: 10 },
  'MonitoredSchool.diagnostics': { total: 2 },
  'MonitoredDiagnostics.stages': { total: 2 },
  'MonitoredDiagnostics.grades': { total: 11 },
  'MonitoredDiagnostics.unpairedGrades': { total: 11 },
  'MonitoredEvents.byKind': { total: 5 },
  // Dashboards over many places: a row per municipality of the country; a submission tracking of a few regions
  'ExecutionSummary.rows': { total: 3_000 },
  'Query.submissionTracking': { total: 20_000 },
  // SUPPORT-V1 §6: a region's treated and near-miss schools (≈ a third of its schools), the regions
  'SupportEffect.regions': { total: 100 },
  'SupportEffect.regionsWithoutList': { total: 100 },
  'SupportEffect.methodologies': { total: 10 },
  'SupportEffectFigures.deltas': { total: 2_000 },
  'SupportEffectFigures.excludedNoOutcome': { total: 500 },
};

/** Any other list (a profile's 10 factors, a marker's cells): small by construction. */
export const DEFAULT_LIST_BOUND = 50;
