/**
 * SQL: the organisation `org` reads the report whose organisation column is `reportOrg` — its own, or
 * one it follows (above it at any depth, or its receiver: followed_organisations, migration 1764800000000).
 * Framework-free (the audit CLI shares the statements that use it).
 */
export function readableBy(reportOrg: string, org: string): string {
  return `(${reportOrg} = ${org} OR EXISTS (SELECT 1 FROM followed_organisations(${org}) f WHERE f.id = ${reportOrg}))`;
}
