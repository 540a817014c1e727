import { UNIT_NAMES, type UnitCode } from '@trinhky/domain';

/** A unit's name by code: the organisation's own (units table, renamed in Quản trị), else the standard name. */
export type UnitNames = (code: string) => string;

export const standardUnitName: UnitNames = (code) => UNIT_NAMES[code as UnitCode] ?? code;

/** A lookup over the organisation's units (rows of `units`), falling back to the standard names. */
export function unitNamesFrom(rows: { code: string; name: string }[]): UnitNames {
  const names = new Map(rows.map((u) => [u.code, u.name]));
  return (code) => names.get(code) ?? standardUnitName(code);
}
