import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { startTestApp, type TestApp } from '../../testing/test-app';

type Flush = (this: unknown, ...args: unknown[]) => unknown;
type Socket = { _write: Flush; _writev?: Flush; __counted?: number };

/**
 * The two round trips of a transition (PgReportStore), counted where they leave: the writes on
 * the sockets of the pool's connections to PostgreSQL (node-postgres' `client.connection.stream`).
 * BEGIN + the lock + the read go out in one write, the write statement + COMMIT in one.
 */
describe('PgReportStore on the wire (database)', () => {
  let t: TestApp;
  let counting = false;
  /** One entry per write to a PostgreSQL socket: which socket, and the protocol message types it carried. */
  const writes: { socket: number; messages: string }[] = [];
  /**
   * The transition's writes: on the connection that sent BEGIN (a simple query, Q, first), from it to
   * the COMMIT (a Q last). The connection goes back to the pool at once, and the outbox's delivery may
   * take it after the commit: those writes are not the transition's.
   */
  const transition = (): string[] => {
    const begin = writes.findIndex((w) => w.messages.startsWith('QP') || w.messages.startsWith('QB'));
    if (begin < 0) return [];
    const own = writes.slice(begin).filter((w) => w.socket === writes[begin].socket);
    const commit = own.findIndex((w, i) => i > 0 && w.messages.endsWith('Q'));
    return own.slice(0, commit < 0 ? undefined : commit + 1).map((w) => w.messages);
  };

  /** The first byte of each frontend message in the chunks of one write (Q, P, B, D, E, S…). */
  const messageTypes = (chunks: Buffer[]): string => {
    const all = Buffer.concat(chunks);
    let out = '';
    for (let at = 0; at + 5 <= all.length; at += 1 + all.readInt32BE(at + 1)) out += String.fromCharCode(all[at]);
    return out;
  };

  beforeAll(async () => {
    t = await startTestApp();
    const driver = t.ds.driver as PostgresDriver;
    const obtain = driver.obtainMasterConnection.bind(driver);
    driver.obtainMasterConnection = async () => {
      const got = await obtain();
      const socket = (got[0] as unknown as { connection: { stream: Socket } }).connection.stream;
      if (!socket.__counted) {
        const id = (socket.__counted = writes.length + Math.random());
        const write = socket._write;
        const writev = socket._writev;
        socket._write = function (chunk: unknown, ...rest: unknown[]) {
          if (counting) writes.push({ socket: id, messages: messageTypes([chunk as Buffer]) });
          return write.call(this, chunk, ...rest);
        };
        if (writev)
          socket._writev = function (chunks: unknown, ...rest: unknown[]) {
            if (counting) writes.push({ socket: id, messages: messageTypes((chunks as { chunk: Buffer }[]).map((c) => c.chunk)) });
            return writev.call(this, chunks, ...rest);
          };
      }
      return got;
    };
  });
  afterAll(() => t.close());

  it('sends a transition to PostgreSQL in two writes: BEGIN + lock + read, write + COMMIT', async () => {
    const h = { Authorization: `Bearer ${await t.login('hcc.cv')}` };
    const list = await t.http().get('/api/reports').set(h).expect(200);
    const reportId = list.body.items[0].id;
    const detail = (await t.http().get(`/api/reports/${reportId}`).set(h).expect(200)).body;
    const part = detail.sections.find((s: { code: string }) => s.code === 'II.2');
    const send = async (type: string, expectedVersion: number): Promise<number> => {
      writes.length = 0;
      counting = true;
      const res = await t
        .http()
        .post(`/api/reports/${reportId}/events`)
        .set(h)
        .send({ type, sectionId: part.id, expectedVersion })
        .expect(200);
      counting = false;
      return res.body.version;
    };
    const v = await send('start_drafting', detail.version);
    // The named statements are parsed on a connection's first use (P); a later transition only binds them.
    const first = transition();
    expect(first).toHaveLength(2);
    expect(first[0]).toMatch(/^QP?BDESP?BDES$/);
    expect(first[1]).toMatch(/^P?BDESQ$/);
    await send('submit_section', v);
    const second = transition();
    expect(second).toHaveLength(2);
    expect(second[0]).toMatch(/^QP?BDESP?BDES$/); // P again only on a connection not used before
    expect(second[1].endsWith('SQ')).toBe(true);
  });
});
