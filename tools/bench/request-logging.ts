/**
 * CPU per request of the request log line: no logging, pino-http 11 with the options the API used
 * until trans10, and the API's `requestLogging` (apps/api/src/app/observability/logger.ts). One
 * node:http server and a keep-alive client in this process; lines go to /dev/null through pino, as
 * `npm start`'s stdout would. Rounds alternate, so load from other processes hits all variants alike.
 * Rerun: `SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register tools/bench/request-logging.ts`.
 */
import { Agent, createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { pinoHttp } from 'pino-http';
import pino from 'pino';
import { createLogger, requestIdOf, requestLogging, scrubUrl } from '../../apps/api/src/app/observability/logger';

type Mw = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
const N = Number(process.env['BENCH_REQUESTS'] || 5000);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] || 4);
const logger = createLogger({ level: 'info', destination: pino.destination({ dest: '/dev/null', sync: true }) });

const oldPinoHttp = (): Mw => {
  const http = pinoHttp({
    logger,
    genReqId: (req, res) => {
      const id = requestIdOf(req);
      res.setHeader('X-Request-Id', id);
      return id;
    },
    customProps: (req) => ({ reqId: req.id }),
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
    serializers: {
      req: (r: { method: string; url: string; remoteAddress?: string }) => ({
        method: r.method,
        url: scrubUrl(r.url),
        remoteAddress: r.remoteAddress,
      }),
      res: (r: { statusCode: number }) => ({ statusCode: r.statusCode }),
    },
  });
  return (req, res, next) => {
    http(req, res);
    next();
  };
};
const variants: [string, Mw][] = [
  ['none', (_q, _s, next) => next()],
  ['pino-http', oldPinoHttp()],
  ['requestLogging', requestLogging(logger)],
];

async function main(): Promise<void> {
  let current: Mw = variants[0][1];
  const server = createServer((req, res) =>
    current(req, res, () => {
      res.setHeader('Content-Type', 'application/json');
      res.end('{"state":"drafting","version":3}');
    }),
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const once = (): Promise<void> =>
    new Promise((res, rej) => {
      const r = request({ port, agent, method: 'POST', path: '/api/reports/0b7c/events?x=1' }, (m) => {
        m.resume();
        m.on('end', res);
      });
      r.on('error', rej);
      r.end('{}');
    });
  const totals = new Map<string, number>(variants.map(([n]) => [n, 0]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, mw] of variants) {
      current = mw;
      for (let i = 0; i < 500; i++) await once(); // warm-up
      const c0 = process.cpuUsage();
      for (let i = 0; i < N; i++) await once();
      const c = process.cpuUsage(c0);
      if (round > 0) totals.set(name, (totals.get(name) ?? 0) + (c.user + c.system) / N);
    }
  }
  const none = (totals.get('none') ?? 0) / (ROUNDS - 1);
  for (const [name, us] of totals) {
    const per = us / (ROUNDS - 1);
    console.log(`${name.padEnd(15)} cpu_us_per_request=${per.toFixed(1)} over_none_us=${(per - none).toFixed(1)}`);
  }
  agent.destroy();
  server.close();
}

main().catch((e: Error) => {
  console.error(e);
  process.exit(1);
});
