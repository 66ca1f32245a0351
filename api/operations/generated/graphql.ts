/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** ОГЭ (grade 9) or ЕГЭ (grade 11) */
export type GiaExam =
  | 'EGE'
  | 'OGE';

/** Местность */
export type Locality =
  | 'CITY'
  | 'URBAN_SETTLEMENT'
  | 'VILLAGE';

export type ObjectivityPolicy =
  | 'EXCLUDE'
  | 'IGNORE'
  | 'REVIEW';

/** Which results: the schools of SchoolFilter, narrowed by year, grade and subject */
export type ResultFilter = {
  /** ВПР grades (4–8, 10, 11); not allowed for ГИА */
  grades?: Array<number> | null | undefined;
  localities?: Array<Locality> | null | undefined;
  municipalityIds?: Array<string> | null | undefined;
  /** Case-insensitive part of the school name */
  nameContains?: string | null | undefined;
  /** Region codes, e.g. ["56", "23"] */
  regionCodes?: Array<string> | null | undefined;
  /** School codes (logins) */
  schoolCodes?: Array<string> | null | undefined;
  subjects?: Array<Subject> | null | undefined;
  types?: Array<SchoolType> | null | undefined;
  years?: Array<number> | null | undefined;
};

/** Level of a risk factor (METHODOLOGY-V1 §4): HIGH ≥ highLevel, MEDIUM ≥ mediumLevel */
export type RiskLevel =
  | 'HIGH'
  | 'LOW'
  | 'MEDIUM'
  | 'NO_DATA';

/** Which schools: every given condition must hold */
export type SchoolFilter = {
  localities?: Array<Locality> | null | undefined;
  municipalityIds?: Array<string> | null | undefined;
  /** Case-insensitive part of the school name */
  nameContains?: string | null | undefined;
  /** Region codes, e.g. ["56", "23"] */
  regionCodes?: Array<string> | null | undefined;
  /** School codes (logins) */
  schoolCodes?: Array<string> | null | undefined;
  types?: Array<SchoolType> | null | undefined;
};

/** Тип ОО */
export type SchoolType =
  | 'BOARDING'
  | 'EDUCATION_CENTER'
  | 'GYMNASIUM'
  | 'LYCEUM'
  | 'NOSH'
  | 'OOSH'
  | 'SOSH';

/** METHODOLOGY-V1 §2 */
export type ShnorStatus =
  | 'ELIGIBLE'
  | 'INSUFFICIENT_DATA'
  | 'NOT_ELIGIBLE'
  | 'REVIEW';

export type StatisticsDimension =
  | 'GRADE'
  | 'MUNICIPALITY'
  | 'REGION'
  | 'SCHOOL'
  | 'SUBJECT'
  | 'YEAR';

/** Subject codes of DATA-FORMATS.md */
export type Subject =
  /** Биология */
  | 'BI'
  /** Химия */
  | 'CH'
  /** Немецкий язык */
  | 'DE'
  /** Английский язык */
  | 'EN'
  /** Французский язык */
  | 'FR'
  /** География */
  | 'GE'
  /** История */
  | 'HI'
  /** Информатика */
  | 'IN'
  /** Литература */
  | 'LI'
  /** Литературное чтение */
  | 'LR'
  /** Математика */
  | 'MA'
  /** Математика (углублённый уровень) */
  | 'MAA'
  /** Математика базовая */
  | 'MAB'
  /** Математика профильная */
  | 'MAP'
  /** Окружающий мир */
  | 'OM'
  /** Физика */
  | 'PH'
  /** Русский язык */
  | 'RU'
  /** Обществознание */
  | 'SO';

export type SchoolsPageQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: SchoolFilter | null | undefined;
}>;


export type SchoolsPageQuery = { schools: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ code: string, name: string, typeName: string, localityName: string, students: number, municipality: { name: string, region: { code: string, name: string } } }> } };

export type SchoolWithResultsQueryVariables = Exact<{
  code: string;
  year?: number | null | undefined;
}>;


export type SchoolWithResultsQuery = { school: { code: string, name: string, municipality: { name: string }, vprResults: Array<{ year: number, grade: number, subject: Subject, participants: number, n2: number, n3: number, n4: number, n5: number, share2: number | null, quality: number | null, meanMark: number | null, raisedShare: number | null }>, ogeResults: Array<{ year: number, subject: Subject, participants: number, share2: number | null, meanPrimary: number | null }>, egeResults: Array<{ year: number, subject: Subject, participants: number, belowMin: number, belowMinShare: number | null, meanScore: number | null }>, indicators: Array<{ year: number, code: string, value: number }> } | null };

export type LatestVprOfSchoolsQueryVariables = Exact<{
  first?: number | null | undefined;
  filter?: SchoolFilter | null | undefined;
}>;


export type LatestVprOfSchoolsQuery = { schools: { nodes: Array<{ code: string, name: string, municipality: { name: string, region: { name: string } }, vprResults: Array<{ year: number, grade: number, subject: Subject, participants: number, share2: number | null, quality: number | null }> }> } };

export type VprStatisticsByRegionQueryVariables = Exact<{
  filter?: ResultFilter | null | undefined;
}>;


export type VprStatisticsByRegionQuery = { vprStatistics: { totalCount: number, nodes: Array<{ year: number | null, schoolCount: number, participants: number, share2: number | null, share5: number | null, quality: number | null, success: number | null, meanMark: number | null, region: { code: string, name: string } | null }> } };

export type VprStatisticsBySubjectQueryVariables = Exact<{
  filter?: ResultFilter | null | undefined;
  groupBy?: Array<StatisticsDimension> | StatisticsDimension;
}>;


export type VprStatisticsBySubjectQuery = { vprStatistics: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ year: number | null, grade: number | null, subject: Subject | null, schoolCount: number, participants: number, n2: number, n3: number, n4: number, n5: number, share2: number | null, quality: number | null, meanMark: number | null, region: { name: string } | null, municipality: { name: string } | null, school: { code: string, name: string } | null }> } };

export type GiaStatisticsQueryVariables = Exact<{
  exam?: GiaExam;
  filter?: ResultFilter | null | undefined;
  groupBy?: Array<StatisticsDimension> | StatisticsDimension;
}>;


export type GiaStatisticsQuery = { giaStatistics: { totalCount: number, nodes: Array<{ year: number | null, subject: Subject | null, schoolCount: number, participants: number, failed: number, failShare: number | null, quality: number | null, meanPrimary: number | null, meanScore: number | null, region: { name: string } | null, municipality: { name: string } | null }> } };

export type RegionsQueryVariables = Exact<{ [key: string]: never; }>;


export type RegionsQuery = { regions: { totalCount: number, nodes: Array<{ code: string, name: string, municipalities: Array<{ id: string, name: string }> }> } };

export type ShnorListQueryVariables = Exact<{
  year?: number | null | undefined;
  regionCodes?: Array<string> | string | null | undefined;
  first?: number | null | undefined;
}>;


export type ShnorListQuery = { shnorCandidates: { totalCount: number, dataVersion: number, methodology: { name: string, hash: string }, nodes: Array<{ status: ShnorStatus, lowIndex: number | null, lowRank: number | null, previousLowRank: number | null, explanation: string, school: { code: string, name: string, municipality: { name: string } } | null, evidence: { objectivityPolicy: ObjectivityPolicy, current: { year: number, vprLow: number | null, ogeLow: number | null, egeLow: number | null, schoolsRanked: number, region: { vprLow: number | null, ogeLow: number | null, egeLow: number | null } }, previous: { year: number, lowRank: number | null }, cutoffs: { lowRankCut: number, minPooledVpr: number } }, markers: Array<{ year: number, grade: number, subject: Subject, code: string, detail: string }> }> } };

export type ShnorSummaryByRegionQueryVariables = Exact<{
  year?: number | null | undefined;
}>;


export type ShnorSummaryByRegionQuery = { shnorSummary: { methodology: { name: string, hash: string }, rows: Array<{ schools: number, eligible: number, review: number, notEligible: number, insufficientData: number, exitCandidates: number, region: { name: string } }> } };

export type SchoolAnalyticsQueryVariables = Exact<{
  code?: string;
  year?: number | null | undefined;
}>;


export type SchoolAnalyticsQuery = { school: { name: string, analytics: { status: ShnorStatus | null, explanation: string | null, lowRank: number | null, markers: Array<{ year: number, code: string, detail: string }>, riskProfile: { priorityRisks: Array<number>, factors: Array<{ code: string, nameRu: string, score: number | null, level: RiskLevel }> } | null, context: { swi: number | null, difficultContext: boolean | null, resilient: boolean } | null } } | null };

export type RiskFactorSummaryQueryVariables = Exact<{
  year?: number | null | undefined;
}>;


export type RiskFactorSummaryQuery = { riskFactorSummary: { rows: Array<{ code: string, nameRu: string, schools: number, highShare: number | null, mediumShare: number | null, region: { name: string } }> } };

export type SchoolDynamicsQueryVariables = Exact<{
  code?: string;
}>;


export type SchoolDynamicsQuery = { dynamics: { name: string, points: Array<{ year: number, value: number | null, delta: number | null, trend: number | null, z: number | null, significant: boolean | null }> } };

export type ObjectivityMarkersListQueryVariables = Exact<{
  year?: number | null | undefined;
}>;


export type ObjectivityMarkersListQuery = { objectivityMarkers: { columns: Array<string>, totalCount: number, nodes: Array<{ markerCount: number, school: { code: string, name: string } | null, cells: Array<{ column: string, codes: Array<string> }> }> } };


export const SchoolsPageDocument = {"__meta__":{"hash":"sha256:9db90d59651440b76fbc1c1e2919cf954248ead341a2376247cf2b0475b811d0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SchoolsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"10"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SchoolFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"schools"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"EnumValue","value":"NAME"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"typeName"}},{"kind":"Field","name":{"kind":"Name","value":"localityName"}},{"kind":"Field","name":{"kind":"Name","value":"students"}},{"kind":"Field","name":{"kind":"Name","value":"municipality"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<SchoolsPageQuery, SchoolsPageQueryVariables>;
export const SchoolWithResultsDocument = {"__meta__":{"hash":"sha256:46efec0a8aadf446f4e2599171d01471ef2a3ae19b667625ce754fbd88aa3441"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SchoolWithResults"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"school"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"municipality"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"vprResults"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"grade"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"participants"}},{"kind":"Field","name":{"kind":"Name","value":"n2"}},{"kind":"Field","name":{"kind":"Name","value":"n3"}},{"kind":"Field","name":{"kind":"Name","value":"n4"}},{"kind":"Field","name":{"kind":"Name","value":"n5"}},{"kind":"Field","name":{"kind":"Name","value":"share2"}},{"kind":"Field","name":{"kind":"Name","value":"quality"}},{"kind":"Field","name":{"kind":"Name","value":"meanMark"}},{"kind":"Field","name":{"kind":"Name","value":"raisedShare"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ogeResults"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"participants"}},{"kind":"Field","name":{"kind":"Name","value":"share2"}},{"kind":"Field","name":{"kind":"Name","value":"meanPrimary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"egeResults"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"participants"}},{"kind":"Field","name":{"kind":"Name","value":"belowMin"}},{"kind":"Field","name":{"kind":"Name","value":"belowMinShare"}},{"kind":"Field","name":{"kind":"Name","value":"meanScore"}}]}},{"kind":"Field","name":{"kind":"Name","value":"indicators"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]} as unknown as DocumentNode<SchoolWithResultsQuery, SchoolWithResultsQueryVariables>;
export const LatestVprOfSchoolsDocument = {"__meta__":{"hash":"sha256:7613c277d13c557c8721d0de8ccb782c083ac24bf5a7cd82f0a4a898265410f1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LatestVprOfSchools"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"100"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SchoolFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"schools"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"municipality"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"vprResults"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"latest"},"value":{"kind":"BooleanValue","value":true}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"grade"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"participants"}},{"kind":"Field","name":{"kind":"Name","value":"share2"}},{"kind":"Field","name":{"kind":"Name","value":"quality"}}]}}]}}]}}]}}]} as unknown as DocumentNode<LatestVprOfSchoolsQuery, LatestVprOfSchoolsQueryVariables>;
export const VprStatisticsByRegionDocument = {"__meta__":{"hash":"sha256:eebc0abfd0001a91105ac91be6768136e39a2aa3c7926a025834d3f5d038df94"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VprStatisticsByRegion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ResultFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vprStatistics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"REGION"},{"kind":"EnumValue","value":"YEAR"}]}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"schoolCount"}},{"kind":"Field","name":{"kind":"Name","value":"participants"}},{"kind":"Field","name":{"kind":"Name","value":"share2"}},{"kind":"Field","name":{"kind":"Name","value":"share5"}},{"kind":"Field","name":{"kind":"Name","value":"quality"}},{"kind":"Field","name":{"kind":"Name","value":"success"}},{"kind":"Field","name":{"kind":"Name","value":"meanMark"}}]}}]}}]}}]} as unknown as DocumentNode<VprStatisticsByRegionQuery, VprStatisticsByRegionQueryVariables>;
export const VprStatisticsBySubjectDocument = {"__meta__":{"hash":"sha256:0a39622a220d9f9ce07244c75ab361080fbf75bf0a59f2fc5f23f621cc5d08f3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VprStatisticsBySubject"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ResultFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StatisticsDimension"}}}}},"defaultValue":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"GRADE"},{"kind":"EnumValue","value":"SUBJECT"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vprStatistics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"municipality"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"grade"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"schoolCount"}},{"kind":"Field","name":{"kind":"Name","value":"participants"}},{"kind":"Field","name":{"kind":"Name","value":"n2"}},{"kind":"Field","name":{"kind":"Name","value":"n3"}},{"kind":"Field","name":{"kind":"Name","value":"n4"}},{"kind":"Field","name":{"kind":"Name","value":"n5"}},{"kind":"Field","name":{"kind":"Name","value":"share2"}},{"kind":"Field","name":{"kind":"Name","value":"quality"}},{"kind":"Field","name":{"kind":"Name","value":"meanMark"}}]}}]}}]}}]} as unknown as DocumentNode<VprStatisticsBySubjectQuery, VprStatisticsBySubjectQueryVariables>;
export const GiaStatisticsDocument = {"__meta__":{"hash":"sha256:8b17dd5d84256bc129e0ae66761e97082546f7a4be597dca1141b73e1d23cd02"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GiaStatistics"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"exam"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GiaExam"}}},"defaultValue":{"kind":"EnumValue","value":"OGE"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ResultFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StatisticsDimension"}}}}},"defaultValue":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"REGION"},{"kind":"EnumValue","value":"SUBJECT"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"giaStatistics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"exam"},"value":{"kind":"Variable","name":{"kind":"Name","value":"exam"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"municipality"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"schoolCount"}},{"kind":"Field","name":{"kind":"Name","value":"participants"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"failShare"}},{"kind":"Field","name":{"kind":"Name","value":"quality"}},{"kind":"Field","name":{"kind":"Name","value":"meanPrimary"}},{"kind":"Field","name":{"kind":"Name","value":"meanScore"}}]}}]}}]}}]} as unknown as DocumentNode<GiaStatisticsQuery, GiaStatisticsQueryVariables>;
export const RegionsDocument = {"__meta__":{"hash":"sha256:39d4474c91dda63ca1a44483175fccce2de97002dea8f8d2d21d265bef9f6c42"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Regions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"municipalities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RegionsQuery, RegionsQueryVariables>;
export const ShnorListDocument = {"__meta__":{"hash":"sha256:16056e0b88e5b523df12942a23460542a2f608236cd96b2b37e3654cf911dc9c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ShnorList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"2026"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"regionCodes"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"shnorCandidates"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}},{"kind":"Argument","name":{"kind":"Name","value":"regionCodes"},"value":{"kind":"Variable","name":{"kind":"Name","value":"regionCodes"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"ELIGIBLE"},{"kind":"EnumValue","value":"REVIEW"}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"dataVersion"}},{"kind":"Field","name":{"kind":"Name","value":"methodology"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"hash"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"municipality"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"lowIndex"}},{"kind":"Field","name":{"kind":"Name","value":"lowRank"}},{"kind":"Field","name":{"kind":"Name","value":"previousLowRank"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"}},{"kind":"Field","name":{"kind":"Name","value":"evidence"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"current"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"vprLow"}},{"kind":"Field","name":{"kind":"Name","value":"ogeLow"}},{"kind":"Field","name":{"kind":"Name","value":"egeLow"}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vprLow"}},{"kind":"Field","name":{"kind":"Name","value":"ogeLow"}},{"kind":"Field","name":{"kind":"Name","value":"egeLow"}}]}},{"kind":"Field","name":{"kind":"Name","value":"schoolsRanked"}}]}},{"kind":"Field","name":{"kind":"Name","value":"previous"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"lowRank"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cutoffs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lowRankCut"}},{"kind":"Field","name":{"kind":"Name","value":"minPooledVpr"}}]}},{"kind":"Field","name":{"kind":"Name","value":"objectivityPolicy"}}]}},{"kind":"Field","name":{"kind":"Name","value":"markers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"grade"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ShnorListQuery, ShnorListQueryVariables>;
export const ShnorSummaryByRegionDocument = {"__meta__":{"hash":"sha256:c726248a1fbfe79033e981258d50d83b9fb6d7ba53d31ac26cf7cdad1650b77c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ShnorSummaryByRegion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"2026"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"shnorSummary"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"EnumValue","value":"REGION"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"methodology"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"hash"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"schools"}},{"kind":"Field","name":{"kind":"Name","value":"eligible"}},{"kind":"Field","name":{"kind":"Name","value":"review"}},{"kind":"Field","name":{"kind":"Name","value":"notEligible"}},{"kind":"Field","name":{"kind":"Name","value":"insufficientData"}},{"kind":"Field","name":{"kind":"Name","value":"exitCandidates"}}]}}]}}]}}]} as unknown as DocumentNode<ShnorSummaryByRegionQuery, ShnorSummaryByRegionQueryVariables>;
export const SchoolAnalyticsDocument = {"__meta__":{"hash":"sha256:da2017b577d877bcfe6143d1ed9210eb5c0ae60bebb54c3f8533f22ba103fd78"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SchoolAnalytics"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},"defaultValue":{"kind":"StringValue","value":"sch230001","block":false}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"2026"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"school"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"analytics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"}},{"kind":"Field","name":{"kind":"Name","value":"lowRank"}},{"kind":"Field","name":{"kind":"Name","value":"markers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}},{"kind":"Field","name":{"kind":"Name","value":"riskProfile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"priorityRisks"}},{"kind":"Field","name":{"kind":"Name","value":"factors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"nameRu"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"context"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"swi"}},{"kind":"Field","name":{"kind":"Name","value":"difficultContext"}},{"kind":"Field","name":{"kind":"Name","value":"resilient"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SchoolAnalyticsQuery, SchoolAnalyticsQueryVariables>;
export const RiskFactorSummaryDocument = {"__meta__":{"hash":"sha256:7b0b52a50e0bb31c8494045345cc651e65219b79b283eb37f410cd027e886220"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RiskFactorSummary"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"2026"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"riskFactorSummary"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"EnumValue","value":"REGION"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"nameRu"}},{"kind":"Field","name":{"kind":"Name","value":"schools"}},{"kind":"Field","name":{"kind":"Name","value":"highShare"}},{"kind":"Field","name":{"kind":"Name","value":"mediumShare"}}]}}]}}]}}]} as unknown as DocumentNode<RiskFactorSummaryQuery, RiskFactorSummaryQueryVariables>;
export const SchoolDynamicsDocument = {"__meta__":{"hash":"sha256:7bba9273e7194fd4815e94b7ea4bf8f3c7449130d64812606f11872df60ebd83"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SchoolDynamics"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},"defaultValue":{"kind":"StringValue","value":"sch230001","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dynamics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"entity"},"value":{"kind":"EnumValue","value":"SCHOOL"}},{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}},{"kind":"Argument","name":{"kind":"Name","value":"indicator"},"value":{"kind":"EnumValue","value":"VPR_LOW"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"points"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"delta"}},{"kind":"Field","name":{"kind":"Name","value":"trend"}},{"kind":"Field","name":{"kind":"Name","value":"z"}},{"kind":"Field","name":{"kind":"Name","value":"significant"}}]}}]}}]}}]} as unknown as DocumentNode<SchoolDynamicsQuery, SchoolDynamicsQueryVariables>;
export const ObjectivityMarkersListDocument = {"__meta__":{"hash":"sha256:0fb06abe4ae94a66318b1897dfe4548d4d66006ef1953cd463ee37683017357d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ObjectivityMarkersList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"2026"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"objectivityMarkers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"columns"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"markerCount"}},{"kind":"Field","name":{"kind":"Name","value":"cells"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"column"}},{"kind":"Field","name":{"kind":"Name","value":"codes"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ObjectivityMarkersListQuery, ObjectivityMarkersListQueryVariables>;