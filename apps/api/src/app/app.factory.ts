import { type INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { OPERATIONS, openApiDocument } from '@trinhky/contracts';
import type { NextFunction, Request, Response } from 'express';
import express from 'express';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { AllExceptionsFilter } from './common/exceptions.filter';
import { securityHeaders } from './common/security-headers';
import { inputPipeline } from './common/input';
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
  app.use(...inputPipeline()); // body parsers, then NUL/surrogate/depth checks and NFC on path, query and body (common/input.ts)
  app.useGlobalFilters(new AllExceptionsFilter());

  // The OpenAPI document is generated from the contract (libs/contracts), not from controller decorators.
  const doc = openApiDocument(OPERATIONS, {
    title: 'Trình Ký API',
    version: '0.1',
    description: 'Quy trình báo cáo định kỳ của UBND cấp xã',
  }) as unknown as OpenAPIObject;
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
