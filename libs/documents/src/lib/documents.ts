export function documents(): string {
  return 'documents';
}
