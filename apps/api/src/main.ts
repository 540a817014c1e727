import 'reflect-metadata';
import { createApp } from './app/app.factory';
import { loadConfig } from './app/config';
import { openDataSource } from './app/database/data-source';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './app/database/embedded-postgres';
import { DEMO_PROVINCE, DEMO_PROVINCE_USER, DEMO_USERS } from './app/seed/demo-data';
import { DEMO_SO_USERS } from './app/seed/demo-province';
import { SeedService } from './app/seed/seed.service';

async function bootstrap(): Promise<void> {
  const log = { log: (m: string) => console.log(`[Trình Ký] ${m}`) };
  const config = loadConfig();
  let embedded: EmbeddedDatabase | null = null;
  if (!config.databaseUrl) {
    embedded = await startEmbeddedPostgres(config.dataDir, (m) => log.log(m));
    log.log(`PostgreSQL nhúng (dữ liệu tại ${embedded.clusterDir}) đang chạy ở cổng ${embedded.port}`);
  }
  const stopDb = async (): Promise<void> => {
    await embedded?.stop();
  };
  try {
    const ds = await openDataSource(config.databaseUrl ?? (embedded as EmbeddedDatabase).url);
    const app = await createApp(config, ds);
    if (config.demoSeed && (await app.get(SeedService).seedIfEmpty())) log.log('Đã tạo dữ liệu mẫu UBND xã An Bình.');
    await app.listen(config.port);
    let closing = false;
    const shutdown = async (): Promise<void> => {
      if (closing) return;
      closing = true;
      await app.close();
      await ds.destroy();
      await stopDb();
      process.exit(0);
    };
    process.on('SIGINT', () => void shutdown());
    process.on('SIGTERM', () => void shutdown());
    const url = `http://localhost:${config.port}`;
    console.log(
      [
        '',
        `  Trình Ký đang chạy tại ${url}`,
        `  API: ${url}/api  ·  OpenAPI: ${url}/api/docs`,
        `  Tài khoản mẫu (mật khẩu "demo"): ${DEMO_USERS.map((u) => u.username).join(', ')}`,
        `  Cơ quan cấp trên (${DEMO_PROVINCE.name}, yêu cầu báo cáo, đôn đốc, theo dõi): ${DEMO_PROVINCE_USER.username}`,
        `  ${DEMO_PROVINCE.name} (báo cáo tổng hợp, sổ văn bản đến): ${DEMO_SO_USERS.map((u) => u.username).join(', ')}`,
        '',
      ].join('\n'),
    );
  } catch (e) {
    await stopDb();
    throw e;
  }
}

bootstrap().catch((e: Error) => {
  console.error(e);
  process.exit(1);
});
