/**
 * An evidence link is an http or https URL with a host (SUPPORT-V1 §1 ActivityReport; the schemes
 * of support-v1 `model.evidenceUrlSchemes`), or none. The check of activity_report and
 * activity_status_record, written as PostgreSQL keeps it.
 */
export const EVIDENCE_URL_CHECK = `evidence_url is null or evidence_url ~* '^https?://[^\\s/?#]+([/?#]\\S*)?$'`;

/** The same rule in JavaScript, for the checks that name the argument or the cell before the table does. */
export const EVIDENCE_URL_PATTERN = /^https?:\/\/[^\s/?#]+([/?#]\S*)?$/i;
