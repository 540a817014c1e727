import { type INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import express from 'express';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { AllExceptionsFilter } from './common/exceptions.filter';
import { securityHeaders } from './common/security-headers';
import type { AppConfig } from './config';
import { observability, type ObservabilityOptions } from './observability/observability';

/** Builds the Nest application (used by main.ts and by the integration tests). */
export async function createApp(config: AppConfig, dataSource: DataSource, opts: ObservabilityOptions = {}): Promise<INestApplication> {
  const obs = observability(opts);
  const app = await NestFactory.create(AppModule.forRoot(config, dataSource), { bodyParser: false, logger: obs.nestLogger });
  app.setGlobalPrefix('api');
  // Security headers on every answer (API, web app, docs). No enableCors: only the app's own origin may call the API.
  app.use(securityHeaders());
  // Request id, JSON request logs, metrics and GET /api/metrics (apps/api/src/app/observability).
  obs.install(app, dataSource);
  // A 5 MB Word file arrives base64-encoded in JSON (imports): room for that.
  app.use(express.json({ limit: '8mb' }));
  app.use(express.text({ type: 'text/plain', limit: '5mb' }));
  // Malformed bodies: a 400 in words, not an HTML page or a 500.
  app.use((err: Error & { status?: number; type?: string }, _req: Request, res: Response, next: NextFunction) => {
    if (!err) return next();
    const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 400;
    const message = err.type === 'entity.too.large' ? 'Nội dung gửi lên quá lớn.' : 'Dữ liệu gửi lên không đọc được (JSON không hợp lệ).';
    res.status(status).json({ statusCode: status, message });
  });
  app.useGlobalFilters(new AllExceptionsFilter());

  const doc = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle('Trình Ký API').setDescription('Quy trình báo cáo định kỳ của UBND cấp xã').setVersion('0.1').addBearerAuth().build(),
  );
  SwaggerModule.setup('api/docs', app, doc, { jsonDocumentUrl: 'api/docs-json' });

  if (config.webRoot) {
    const root = config.webRoot;
    app.use(express.static(root, { index: false, maxAge: '1h' }));
    app.use((req: Request, res: Response, next: NextFunction) => {
      if (req.method !== 'GET' || req.path.startsWith('/api')) return next();
      res.sendFile(join(root, 'index.html'));
    });
  } else {
    Logger.warn('Chưa có bản dựng giao diện web (dist/apps/web/browser); chỉ phục vụ API.', 'Web');
  }
  return app;
}
