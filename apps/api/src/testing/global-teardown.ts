export default async function globalTeardown(): Promise<void> {
  await globalThis.__TK_EMBEDDED__?.stop();
}
