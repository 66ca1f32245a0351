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


export const SchoolsPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SchoolsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"10"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SchoolFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"schools"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"EnumValue","value":"NAME"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"typeName"}},{"kind":"Field","name":{"kind":"Name","value":"localityName"}},{"kind":"Field","name":{"kind":"Name","value":"students"}},{"kind":"Field","name":{"kind":"Name","value":"municipality"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<SchoolsPageQuery, SchoolsPageQueryVariables>;
export const SchoolWithResultsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SchoolWithResults"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"school"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"municipality"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"vprResults"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"grade"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"participants"}},{"kind":"Field","name":{"kind":"Name","value":"n2"}},{"kind":"Field","name":{"kind":"Name","value":"n3"}},{"kind":"Field","name":{"kind":"Name","value":"n4"}},{"kind":"Field","name":{"kind":"Name","value":"n5"}},{"kind":"Field","name":{"kind":"Name","value":"share2"}},{"kind":"Field","name":{"kind":"Name","value":"quality"}},{"kind":"Field","name":{"kind":"Name","value":"meanMark"}},{"kind":"Field","name":{"kind":"Name","value":"raisedShare"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ogeResults"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"participants"}},{"kind":"Field","name":{"kind":"Name","value":"share2"}},{"kind":"Field","name":{"kind":"Name","value":"meanPrimary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"egeResults"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"participants"}},{"kind":"Field","name":{"kind":"Name","value":"belowMin"}},{"kind":"Field","name":{"kind":"Name","value":"belowMinShare"}},{"kind":"Field","name":{"kind":"Name","value":"meanScore"}}]}},{"kind":"Field","name":{"kind":"Name","value":"indicators"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]} as unknown as DocumentNode<SchoolWithResultsQuery, SchoolWithResultsQueryVariables>;
export const LatestVprOfSchoolsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LatestVprOfSchools"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"100"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SchoolFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"schools"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"municipality"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"vprResults"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"latest"},"value":{"kind":"BooleanValue","value":true}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"grade"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"participants"}},{"kind":"Field","name":{"kind":"Name","value":"share2"}},{"kind":"Field","name":{"kind":"Name","value":"quality"}}]}}]}}]}}]}}]} as unknown as DocumentNode<LatestVprOfSchoolsQuery, LatestVprOfSchoolsQueryVariables>;
export const VprStatisticsByRegionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VprStatisticsByRegion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ResultFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vprStatistics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"REGION"},{"kind":"EnumValue","value":"YEAR"}]}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"schoolCount"}},{"kind":"Field","name":{"kind":"Name","value":"participants"}},{"kind":"Field","name":{"kind":"Name","value":"share2"}},{"kind":"Field","name":{"kind":"Name","value":"share5"}},{"kind":"Field","name":{"kind":"Name","value":"quality"}},{"kind":"Field","name":{"kind":"Name","value":"success"}},{"kind":"Field","name":{"kind":"Name","value":"meanMark"}}]}}]}}]}}]} as unknown as DocumentNode<VprStatisticsByRegionQuery, VprStatisticsByRegionQueryVariables>;
export const VprStatisticsBySubjectDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VprStatisticsBySubject"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ResultFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StatisticsDimension"}}}}},"defaultValue":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"GRADE"},{"kind":"EnumValue","value":"SUBJECT"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vprStatistics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"municipality"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"grade"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"schoolCount"}},{"kind":"Field","name":{"kind":"Name","value":"participants"}},{"kind":"Field","name":{"kind":"Name","value":"n2"}},{"kind":"Field","name":{"kind":"Name","value":"n3"}},{"kind":"Field","name":{"kind":"Name","value":"n4"}},{"kind":"Field","name":{"kind":"Name","value":"n5"}},{"kind":"Field","name":{"kind":"Name","value":"share2"}},{"kind":"Field","name":{"kind":"Name","value":"quality"}},{"kind":"Field","name":{"kind":"Name","value":"meanMark"}}]}}]}}]}}]} as unknown as DocumentNode<VprStatisticsBySubjectQuery, VprStatisticsBySubjectQueryVariables>;
export const GiaStatisticsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GiaStatistics"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"exam"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GiaExam"}}},"defaultValue":{"kind":"EnumValue","value":"OGE"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ResultFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StatisticsDimension"}}}}},"defaultValue":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"REGION"},{"kind":"EnumValue","value":"SUBJECT"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"giaStatistics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"exam"},"value":{"kind":"Variable","name":{"kind":"Name","value":"exam"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"municipality"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"schoolCount"}},{"kind":"Field","name":{"kind":"Name","value":"participants"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"failShare"}},{"kind":"Field","name":{"kind":"Name","value":"quality"}},{"kind":"Field","name":{"kind":"Name","value":"meanPrimary"}},{"kind":"Field","name":{"kind":"Name","value":"meanScore"}}]}}]}}]}}]} as unknown as DocumentNode<GiaStatisticsQuery, GiaStatisticsQueryVariables>;
export const RegionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Regions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"municipalities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RegionsQuery, RegionsQueryVariables>;